//! Exercise scenarios: the TOML format of `data/scenarios/<lang>/<id>.toml` (documented in
//! `data/README.md`), parsed and validated at load. Every refusal names the file and the field.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

/// The shipped scenarios as (language, file name, text), embedded at build time.
const FILES: &[(&str, &str, &str)] = &[
    ("en", "smishing-payment.toml", include_str!("../data/scenarios/en/smishing-payment.toml")),
    ("fr", "smishing-payment.toml", include_str!("../data/scenarios/fr/smishing-payment.toml")),
    ("en", "ransomware-counters.toml", include_str!("../data/scenarios/en/ransomware-counters.toml")),
    ("fr", "ransomware-counters.toml", include_str!("../data/scenarios/fr/ransomware-counters.toml")),
    ("en", "financial-fraud.toml", include_str!("../data/scenarios/en/financial-fraud.toml")),
    ("fr", "financial-fraud.toml", include_str!("../data/scenarios/fr/financial-fraud.toml")),
];

/// The audit actions an automatic rule may name: what Postern's faces write today, plus the
/// takedown task type (`incident.takedown.add`).
pub const KNOWN_ACTIONS: &[&str] = &[
    "incident.create",
    "incident.update",
    "incident.edit",
    "incident.note.add",
    "incident.link.add",
    "incident.evidence.add",
    "incident.task.add",
    "incident.task.update",
    "incident.takedown.add",
    "incident.report.save",
    "incident.submit",
    "incident.report.export",
    "incident.derivative.export",
    "objects.add",
    "report.save",
    "portal.monitor.decide",
];

/// A scenario that cannot be used, naming the file and the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScenarioError {
    /// The file is not TOML of the scenario's shape (an unknown key, a wrong type).
    #[error("{file}: {reason}")]
    Syntax { file: String, reason: String },
    /// A field holds a value the format does not allow.
    #[error("{file}: field `{field}`: {reason}")]
    Invalid { file: String, field: String, reason: String },
    /// No shipped scenario has this id in this language.
    #[error("unknown scenario `{id}` in language `{language}` (known: {known})")]
    Unknown { id: String, language: String, known: String },
}

/// A part of the exercise (CTEP: information sharing, response, recovery).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub id: String,
    pub title: String,
}

/// What an inject puts in front of the players.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InjectKind {
    /// A plain situation update.
    Text,
    /// A message to triage, as a customer or a colleague forwarded it.
    Message { sender: String, message: String },
    /// An indicator to handle (`indicator_type`: domain, url, ipv4).
    Indicator { indicator_type: String, value: String },
    /// A posture regression of one of the organisation's domains.
    Posture { domain: String, finding: String },
    /// A phone call the facilitator plays from a script.
    Call { caller: String, script: Vec<String> },
}

/// One scripted event, falling due at an exercise-minute offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inject {
    pub id: String,
    pub module: String,
    /// Minutes after the exercise start, or after `after` falls due.
    pub at: u32,
    pub after: Option<String>,
    /// Exercise minute at which it falls due (`at` plus its `after` chain).
    pub due: u32,
    /// The roles it is shown to.
    pub to: Vec<String>,
    pub title: String,
    pub body: String,
    pub kind: InjectKind,
}

/// An automatic rule: an audit entry with this action, written by an organisation playing
/// `role`, whose detail starts with `detail` when given, inside the expectation's window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub action: String,
    pub role: String,
    pub detail: Option<String>,
}

/// How an expectation is scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scoring {
    Audit(Rule),
    Facilitator,
}

/// What the players are expected to do, worth `score` if done before it expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub id: String,
    pub module: String,
    /// The inject whose falling due opens the window; none: the exercise start.
    pub inject: Option<String>,
    pub title: String,
    pub score: u32,
    /// Exercise minutes from the window's opening to its expiry.
    pub expires: u32,
    pub scoring: Scoring,
    /// The role that owns the improvement action when the expectation is not met.
    pub owner: String,
    /// The improvement action drafted into the after-action report when it is not met.
    pub improvement: String,
}

/// A validated scenario; injects are in due order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    pub id: String,
    pub version: u32,
    pub language: String,
    pub title: String,
    pub summary: String,
    /// Planned length in exercise minutes.
    pub duration: u32,
    pub roles: Vec<String>,
    pub modules: Vec<Module>,
    pub injects: Vec<Inject>,
    pub expectations: Vec<Expectation>,
}

impl Scenario {
    pub fn inject(&self, id: &str) -> Option<&Inject> {
        self.injects.iter().find(|i| i.id == id)
    }

    /// The exercise minute an expectation's window opens.
    pub fn opens(&self, e: &Expectation) -> u32 {
        e.inject.as_deref().and_then(|i| self.inject(i)).map_or(0, |i| i.due)
    }

    /// The share of expectations scored from the audit trail, in percent.
    pub fn automatic_percent(&self) -> u32 {
        let auto = self.expectations.iter().filter(|e| matches!(e.scoring, Scoring::Audit(_))).count();
        u32::try_from(auto * 100 / self.expectations.len().max(1)).unwrap_or(100)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    id: String,
    version: u32,
    language: String,
    title: String,
    summary: String,
    duration: u32,
    roles: Vec<String>,
    #[serde(default)]
    module: Vec<RawModule>,
    #[serde(default)]
    inject: Vec<RawInject>,
    #[serde(default)]
    expectation: Vec<RawExpectation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    id: String,
    title: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInject {
    id: String,
    module: String,
    kind: String,
    at: u32,
    after: Option<String>,
    to: Vec<String>,
    title: String,
    body: String,
    sender: Option<String>,
    message: Option<String>,
    indicator_type: Option<String>,
    value: Option<String>,
    domain: Option<String>,
    finding: Option<String>,
    caller: Option<String>,
    script: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpectation {
    id: String,
    module: String,
    inject: Option<String>,
    title: String,
    score: u32,
    expires: u32,
    scoring: String,
    rule: Option<RawRule>,
    owner: String,
    improvement: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    action: String,
    role: String,
    detail: Option<String>,
}

/// Every shipped scenario in every language.
pub fn shipped() -> Result<Vec<Scenario>, ScenarioError> {
    FILES.iter().map(|(lang, file, text)| parse(&format!("{lang}/{file}"), text)).collect()
}

/// The shipped scenario `id` in `language`.
pub fn shipped_in(id: &str, language: &str) -> Result<Scenario, ScenarioError> {
    let all = shipped()?;
    let known = all.iter().filter(|s| s.language == "en").map(|s| s.id.clone()).collect::<Vec<_>>().join(", ");
    all.into_iter().find(|s| s.id == id && s.language == language).ok_or_else(|| ScenarioError::Unknown {
        id: id.to_string(),
        language: language.to_string(),
        known,
    })
}

/// Parses a scenario file whose name (`<lang>/<id>.toml` or `<id>.toml`) must agree with its
/// `id`; `load` is the same for a caller that has no file name.
pub fn parse(file: &str, text: &str) -> Result<Scenario, ScenarioError> {
    let raw: RawScenario = toml::from_str(text).map_err(|e| syntax(file, text, &e))?;
    let stem = file.rsplit('/').next().unwrap_or(file).trim_end_matches(".toml");
    if stem != raw.id {
        return Err(invalid(file, "id", format!("is `{}` but the file is named `{stem}.toml`; they must match", raw.id)));
    }
    build(file, raw)
}

/// Parses and validates a scenario given as text (`file` only names it in errors).
pub fn load(file: &str, text: &str) -> Result<Scenario, ScenarioError> {
    let raw: RawScenario = toml::from_str(text).map_err(|e| syntax(file, text, &e))?;
    build(file, raw)
}

fn syntax(file: &str, text: &str, e: &toml::de::Error) -> ScenarioError {
    let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    let reason = match line {
        Some(l) => format!("line {l}: {}", e.message()),
        None => e.message().to_string(),
    };
    ScenarioError::Syntax { file: file.to_string(), reason }
}

fn invalid(file: &str, field: &str, reason: String) -> ScenarioError {
    ScenarioError::Invalid { file: file.to_string(), field: field.to_string(), reason }
}

fn build(file: &str, raw: RawScenario) -> Result<Scenario, ScenarioError> {
    check_id(file, "id", &raw.id)?;
    if !matches!(raw.language.len(), 2 | 3) || !raw.language.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(invalid(file, "language", format!("`{}` is not a two- or three-letter language code", raw.language)));
    }
    for (field, value) in [("title", &raw.title), ("summary", &raw.summary)] {
        non_empty(file, field, value)?;
    }
    if raw.duration == 0 {
        return Err(invalid(file, "duration", "must be at least one exercise minute".to_string()));
    }
    unique(file, "roles", raw.roles.iter())?;
    for (i, r) in raw.roles.iter().enumerate() {
        check_id(file, &format!("roles[{i}]"), r)?;
    }
    unique(file, "module.id", raw.module.iter().map(|m| &m.id))?;
    let mut modules = Vec::new();
    for (i, m) in raw.module.iter().enumerate() {
        check_id(file, &format!("module[{i}].id"), &m.id)?;
        non_empty(file, &format!("module `{}`.title", m.id), &m.title)?;
        modules.push(Module { id: m.id.clone(), title: m.title.clone() });
    }
    let module_ids: BTreeSet<&str> = raw.module.iter().map(|m| m.id.as_str()).collect();
    let injects = build_injects(file, &raw.inject, &module_ids, &raw.roles)?;
    let expectations = build_expectations(file, &raw.expectation, &module_ids, &injects, &raw.roles)?;
    if expectations.is_empty() {
        return Err(invalid(file, "expectation", "a scenario needs at least one expectation".to_string()));
    }
    Ok(Scenario {
        id: raw.id,
        version: raw.version,
        language: raw.language,
        title: raw.title,
        summary: raw.summary,
        duration: raw.duration,
        roles: raw.roles,
        modules,
        injects,
        expectations,
    })
}

fn check_id(file: &str, field: &str, id: &str) -> Result<(), ScenarioError> {
    let ok = !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok { Ok(()) } else { Err(invalid(file, field, format!("`{id}` must be 1-64 lower-case letters, digits, `-` or `_`"))) }
}

fn non_empty(file: &str, field: &str, value: &str) -> Result<(), ScenarioError> {
    if value.trim().is_empty() { Err(invalid(file, field, "must not be empty".to_string())) } else { Ok(()) }
}

fn unique<'a>(file: &str, field: &str, ids: impl Iterator<Item = &'a String>) -> Result<(), ScenarioError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(invalid(file, field, format!("`{id}` is used twice")));
        }
    }
    Ok(())
}

fn build_injects(file: &str, raw: &[RawInject], modules: &BTreeSet<&str>, roles: &[String]) -> Result<Vec<Inject>, ScenarioError> {
    unique(file, "inject.id", raw.iter().map(|i| &i.id))?;
    let by_id: BTreeMap<&str, &RawInject> = raw.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut injects = Vec::new();
    for (n, r) in raw.iter().enumerate() {
        check_id(file, &format!("inject[{n}].id"), &r.id)?;
        let at = |f: &str| format!("inject `{}`.{f}", r.id);
        if !modules.contains(r.module.as_str()) {
            return Err(invalid(file, &at("module"), format!("no module `{}`", r.module)));
        }
        if let Some(after) = r.after.as_ref().filter(|a| !by_id.contains_key(a.as_str())) {
            return Err(invalid(file, &at("after"), format!("no inject `{after}`")));
        }
        if r.to.is_empty() {
            return Err(invalid(file, &at("to"), "names no role".to_string()));
        }
        if let Some(role) = r.to.iter().find(|t| !roles.contains(t)) {
            return Err(invalid(file, &at("to"), format!("`{role}` is not one of the scenario's roles")));
        }
        non_empty(file, &at("title"), &r.title)?;
        non_empty(file, &at("body"), &r.body)?;
        let due = due_minute(file, &by_id, r)?;
        let kind = inject_kind(file, r)?;
        injects.push(Inject {
            id: r.id.clone(),
            module: r.module.clone(),
            at: r.at,
            after: r.after.clone(),
            due,
            to: r.to.clone(),
            title: r.title.clone(),
            body: r.body.clone(),
            kind,
        });
    }
    injects.sort_by_key(|i| i.due);
    Ok(injects)
}

/// Follows the `after` chain, refusing a cycle and naming the injects in it.
fn due_minute(file: &str, by_id: &BTreeMap<&str, &RawInject>, start: &RawInject) -> Result<u32, ScenarioError> {
    let mut path = vec![start.id.as_str()];
    let mut due = start.at;
    let mut current = start;
    while let Some(after) = current.after.as_deref() {
        if path.contains(&after) {
            path.push(after);
            return Err(invalid(
                file,
                &format!("inject `{}`.after", start.id),
                format!("injects wait on each other in a cycle: {}", path.join(" -> ")),
            ));
        }
        path.push(after);
        let Some(next) = by_id.get(after) else { break };
        due = due.saturating_add(next.at);
        current = next;
    }
    Ok(due)
}

/// The kind's own fields must be present, and no other kind's.
fn inject_kind(file: &str, r: &RawInject) -> Result<InjectKind, ScenarioError> {
    let at = |f: &str| format!("inject `{}`.{f}", r.id);
    let present: Vec<&str> = [
        ("sender", r.sender.is_some()),
        ("message", r.message.is_some()),
        ("indicator_type", r.indicator_type.is_some()),
        ("value", r.value.is_some()),
        ("domain", r.domain.is_some()),
        ("finding", r.finding.is_some()),
        ("caller", r.caller.is_some()),
        ("script", r.script.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, set)| set.then_some(name))
    .collect();
    let allowed: &[&str] = match r.kind.as_str() {
        "text" => &[],
        "message" => &["sender", "message"],
        "indicator" => &["indicator_type", "value"],
        "posture" => &["domain", "finding"],
        "call" => &["caller", "script"],
        other => return Err(invalid(file, &at("kind"), format!("`{other}` is not one of text, message, indicator, posture, call"))),
    };
    if let Some(extra) = present.iter().find(|p| !allowed.contains(p)) {
        return Err(invalid(file, &at(extra), format!("is not a field of a `{}` inject", r.kind)));
    }
    if let Some(missing) = allowed.iter().find(|a| !present.contains(a)) {
        return Err(invalid(file, &at(missing), format!("is required for a `{}` inject", r.kind)));
    }
    let text = |v: &Option<String>, f: &str| -> Result<String, ScenarioError> {
        let v = v.clone().unwrap_or_default();
        non_empty(file, &at(f), &v)?;
        Ok(v)
    };
    Ok(match r.kind.as_str() {
        "message" => InjectKind::Message { sender: text(&r.sender, "sender")?, message: text(&r.message, "message")? },
        "indicator" => {
            let indicator_type = text(&r.indicator_type, "indicator_type")?;
            if !["domain", "url", "ipv4"].contains(&indicator_type.as_str()) {
                return Err(invalid(file, &at("indicator_type"), format!("`{indicator_type}` is not one of domain, url, ipv4")));
            }
            InjectKind::Indicator { indicator_type, value: text(&r.value, "value")? }
        }
        "posture" => InjectKind::Posture { domain: text(&r.domain, "domain")?, finding: text(&r.finding, "finding")? },
        "call" => {
            let script = r.script.clone().unwrap_or_default();
            if script.iter().all(|l| l.trim().is_empty()) {
                return Err(invalid(file, &at("script"), "must have at least one line".to_string()));
            }
            InjectKind::Call { caller: text(&r.caller, "caller")?, script }
        }
        _ => InjectKind::Text,
    })
}

fn build_expectations(
    file: &str,
    raw: &[RawExpectation],
    modules: &BTreeSet<&str>,
    injects: &[Inject],
    roles: &[String],
) -> Result<Vec<Expectation>, ScenarioError> {
    unique(file, "expectation.id", raw.iter().map(|e| &e.id))?;
    let mut out = Vec::new();
    for (n, r) in raw.iter().enumerate() {
        check_id(file, &format!("expectation[{n}].id"), &r.id)?;
        let at = |f: &str| format!("expectation `{}`.{f}", r.id);
        if !modules.contains(r.module.as_str()) {
            return Err(invalid(file, &at("module"), format!("no module `{}`", r.module)));
        }
        if let Some(i) = r.inject.as_ref().filter(|i| !injects.iter().any(|j| &j.id == *i)) {
            return Err(invalid(file, &at("inject"), format!("no inject `{i}`")));
        }
        non_empty(file, &at("title"), &r.title)?;
        non_empty(file, &at("improvement"), &r.improvement)?;
        if r.score == 0 {
            return Err(invalid(file, &at("score"), "must be at least 1".to_string()));
        }
        if r.expires == 0 {
            return Err(invalid(file, &at("expires"), "must be at least one exercise minute".to_string()));
        }
        if !roles.contains(&r.owner) {
            return Err(invalid(file, &at("owner"), format!("`{}` is not one of the scenario's roles", r.owner)));
        }
        let scoring = match (r.scoring.as_str(), &r.rule) {
            ("audit", Some(rule)) => Scoring::Audit(build_rule(file, &at("rule"), rule, roles)?),
            ("audit", None) => return Err(invalid(file, &at("rule"), "is required when scoring is `audit`".to_string())),
            ("facilitator", None) => Scoring::Facilitator,
            ("facilitator", Some(_)) => return Err(invalid(file, &at("rule"), "a `facilitator` expectation has no rule".to_string())),
            (other, _) => return Err(invalid(file, &at("scoring"), format!("`{other}` is not one of audit, facilitator"))),
        };
        out.push(Expectation {
            id: r.id.clone(),
            module: r.module.clone(),
            inject: r.inject.clone(),
            title: r.title.clone(),
            score: r.score,
            expires: r.expires,
            scoring,
            owner: r.owner.clone(),
            improvement: r.improvement.clone(),
        });
    }
    Ok(out)
}

fn build_rule(file: &str, at: &str, rule: &RawRule, roles: &[String]) -> Result<Rule, ScenarioError> {
    if !KNOWN_ACTIONS.contains(&rule.action.as_str()) {
        return Err(invalid(file, &format!("{at}.action"), format!("`{}` is not an audit action Postern writes", rule.action)));
    }
    if !roles.contains(&rule.role) {
        return Err(invalid(file, &format!("{at}.role"), format!("`{}` is not one of the scenario's roles", rule.role)));
    }
    if rule.detail.as_deref().is_some_and(|d| d.trim().is_empty()) {
        return Err(invalid(file, &format!("{at}.detail"), "must not be empty when given".to_string()));
    }
    Ok(Rule { action: rule.action.clone(), role: rule.role.clone(), detail: rule.detail.clone() })
}

#[cfg(test)]
mod tests;
