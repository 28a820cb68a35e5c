//! Jurisdiction rule sets: the stages of incident reporting, each with a delay and an anchor,
//! parsed from the embedded TOML files and validated (anchors known, no cycles, unique ids).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

/// The shipped rule sets, embedded so that the engine reads nothing at run time.
const FILES: &[(&str, &str)] =
    &[("eu.toml", include_str!("../data/jurisdictions/eu.toml")), ("al.toml", include_str!("../data/jurisdictions/al.toml"))];

/// A rule set that cannot be used, naming the file and the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("{file}: {reason}")]
    Syntax { file: String, reason: String },
    #[error("{file}: field `{field}`: {reason}")]
    Invalid { file: String, field: String, reason: String },
    #[error("unknown jurisdiction `{id}` (known: {known})")]
    UnknownJurisdiction { id: String, known: String },
}

/// How long after its anchor a stage is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delay {
    /// Elapsed time: 24 hours across a DST change are 24 real hours.
    Hours(u32),
    /// Calendar months in the organisation's time zone, same local date and time.
    Months(u32),
}

/// The instant a stage's delay runs from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    Aware,
    Detected,
    /// The submission of an earlier stage, by its id.
    Submitted(String),
    /// The CSIRT's or authority's request for the stage (an on-request stage, NIS2 Art.
    /// 23(4)(c)): no deadline until a request is recorded.
    Request,
}

/// Whether a stage is owed whatever the incident's state, or only while it is ongoing or after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    Always,
    Ongoing,
    Resolved,
}

/// One reporting stage of a rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub id: String,
    /// The delay from the anchor; an on-request stage may have none (its deadline is then the
    /// due date the request names, or none).
    pub delay: Option<Delay>,
    /// Owed only once the CSIRT or authority asks for it (`on_request = true`); its anchor is
    /// [`Anchor::Request`].
    pub on_request: bool,
    pub anchor: Anchor,
    pub applies: Applies,
    /// Fields the stage's report must fill before it can be marked submitted, in form order.
    pub required: Vec<String>,
    /// The required fields where the law accepts "unknown" as an answer.
    pub unknown_allowed: Vec<String>,
    pub recipients: Vec<String>,
    pub language: String,
}

/// What kind of answer a report field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// `yes`, `no` (or `unknown` where the stage allows it).
    Answer,
    /// One of the case severities (`data/case/severities.txt`).
    Severity,
    /// Free text, several lines.
    Text,
}

/// A field a stage report can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpec {
    pub id: String,
    pub kind: FieldKind,
}

/// A jurisdiction's rule set with its stages in anchor order (a stage comes after the stage it
/// is anchored on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    pub id: String,
    pub version: u32,
    pub name: String,
    pub source: String,
    pub language: String,
    /// False when the delays are not confirmed from the law itself (see the file's comments).
    pub confirmed: bool,
    /// The report fields the stages may require.
    pub fields: Vec<FieldSpec>,
    pub stages: Vec<Stage>,
    /// Lead times of the deadline reminders, in hours, largest first (default 12, 4, 1).
    pub remind_hours: Vec<u32>,
}

impl RuleSet {
    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The report field with this id.
    pub fn field(&self, id: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.id == id)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    id: String,
    version: u32,
    name: String,
    source: String,
    extends: Option<String>,
    language: Option<String>,
    recipients: Option<Vec<String>>,
    confirmed: Option<bool>,
    remind_hours: Option<Vec<u32>>,
    field: Option<Vec<RawField>>,
    #[serde(default)]
    stage: Vec<RawStage>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    id: String,
    kind: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    id: String,
    delay_hours: Option<u32>,
    delay_months: Option<u32>,
    anchor: Option<String>,
    on_request: Option<bool>,
    applies: Option<String>,
    required: Option<Vec<String>>,
    unknown_allowed: Option<Vec<String>>,
    recipients: Option<Vec<String>>,
    language: Option<String>,
}

/// The shipped rule set with this id.
pub fn jurisdiction(id: &str) -> Result<RuleSet, RuleError> {
    let mut all = load(FILES)?;
    let known = all.keys().cloned().collect::<Vec<_>>().join(", ");
    all.remove(id).ok_or_else(|| RuleError::UnknownJurisdiction { id: id.to_string(), known })
}

/// Every shipped rule set, by id.
pub fn jurisdictions() -> Result<BTreeMap<String, RuleSet>, RuleError> {
    load(FILES)
}

/// Parses and validates rule sets given as (file name, TOML text); a file may extend another.
pub fn load(files: &[(&str, &str)]) -> Result<BTreeMap<String, RuleSet>, RuleError> {
    let mut raw = BTreeMap::new();
    for (file, text) in files {
        let parsed: RawFile =
            toml::from_str(text).map_err(|e| RuleError::Syntax { file: file.to_string(), reason: e.message().to_string() })?;
        let stem = file.strip_suffix(".toml").unwrap_or(file);
        if parsed.id != stem {
            return Err(invalid(file, "id", format!("is `{}` but the file is named {file}; they must match", parsed.id)));
        }
        if raw.insert(parsed.id.clone(), (file.to_string(), parsed)).is_some() {
            return Err(invalid(file, "id", "another file has the same id".to_string()));
        }
    }
    raw.keys().map(|id| Ok((id.clone(), resolve(&raw, id, &mut Vec::new())?))).collect()
}

fn invalid(file: &str, field: &str, reason: String) -> RuleError {
    RuleError::Invalid { file: file.to_string(), field: field.to_string(), reason }
}

/// Builds one rule set, applying its `extends` chain first; `seen` catches an extends cycle.
fn resolve(raw: &BTreeMap<String, (String, RawFile)>, id: &str, seen: &mut Vec<String>) -> Result<RuleSet, RuleError> {
    let (file, own) = &raw[id];
    seen.push(id.to_string());
    let (base_stages, base_language, base_recipients, base_fields) = match &own.extends {
        None => (Vec::new(), None, None, None),
        Some(parent) if seen.contains(parent) => {
            return Err(invalid(file, "extends", format!("`{parent}` leads back to `{id}`: rule sets extend each other in a cycle")));
        }
        Some(parent) if !raw.contains_key(parent) => return Err(invalid(file, "extends", format!("no rule set `{parent}`"))),
        Some(parent) => {
            let (_, p) = &raw[parent];
            let merged = merged_stages(raw, parent, seen)?;
            (merged, p.language.clone(), p.recipients.clone(), p.field.clone())
        }
    };
    let stages = overlay(file, base_stages, &own.stage)?;
    let language = own.language.clone().or(base_language).ok_or_else(|| invalid(file, "language", "missing".to_string()))?;
    let recipients = own.recipients.clone().or(base_recipients).unwrap_or_default();
    let fields = build_fields(file, own.field.as_ref().or(base_fields.as_ref()).map(Vec::as_slice).unwrap_or_default())?;
    let stages = build_stages(file, &stages, &language, &recipients)?;
    check_stage_fields(file, &stages, &fields)?;
    let confirmed = own.confirmed.unwrap_or(true);
    let parent_hours = own.extends.as_ref().and_then(|p| raw.get(p)).and_then(|(_, p)| p.remind_hours.clone());
    let hours = own.remind_hours.clone().or(parent_hours).unwrap_or_else(|| crate::remind::DEFAULT_LEAD_HOURS.to_vec());
    let remind_hours = crate::remind::Policy::new(&hours).map_err(|e| invalid(file, "remind_hours", e.reason))?.leads().to_vec();
    Ok(RuleSet {
        id: own.id.clone(),
        version: own.version,
        name: own.name.clone(),
        source: own.source.clone(),
        language,
        confirmed,
        fields,
        stages,
        remind_hours,
    })
}

/// Types the report fields, refusing an unknown kind or a field defined twice.
fn build_fields(file: &str, raw: &[RawField]) -> Result<Vec<FieldSpec>, RuleError> {
    let mut fields: Vec<FieldSpec> = Vec::new();
    for (i, f) in raw.iter().enumerate() {
        let at = |name: &str| format!("field[{i}].{name}");
        if f.id.is_empty() || !f.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return Err(invalid(file, &at("id"), format!("`{}` must be lower-case letters, digits and `_`", f.id)));
        }
        if fields.iter().any(|g| g.id == f.id) {
            return Err(invalid(file, &at("id"), format!("`{}` is defined twice", f.id)));
        }
        let kind = match f.kind.as_str() {
            "answer" => FieldKind::Answer,
            "severity" => FieldKind::Severity,
            "text" => FieldKind::Text,
            other => return Err(invalid(file, &at("kind"), format!("`{other}` is not one of answer, severity, text"))),
        };
        fields.push(FieldSpec { id: f.id.clone(), kind });
    }
    Ok(fields)
}

/// Every field a stage requires is defined; "unknown" is allowed only for required fields.
fn check_stage_fields(file: &str, stages: &[Stage], fields: &[FieldSpec]) -> Result<(), RuleError> {
    for s in stages {
        let at = |name: &str| format!("stage `{}`.{name}", s.id);
        for (i, r) in s.required.iter().enumerate() {
            if !fields.iter().any(|f| &f.id == r) {
                return Err(invalid(file, &at("required"), format!("`{r}` is not a `[[field]]` of this rule set")));
            }
            if s.required[..i].contains(r) {
                return Err(invalid(file, &at("required"), format!("`{r}` is listed twice")));
            }
        }
        if let Some(u) = s.unknown_allowed.iter().find(|u| !s.required.contains(u)) {
            return Err(invalid(file, &at("unknown_allowed"), format!("`{u}` is not a required field of the stage")));
        }
    }
    Ok(())
}

/// The raw stages of `id` after its own `extends` chain, before defaults are applied.
fn merged_stages(raw: &BTreeMap<String, (String, RawFile)>, id: &str, seen: &mut Vec<String>) -> Result<Vec<RawStage>, RuleError> {
    let (file, own) = &raw[id];
    let base = match &own.extends {
        None => Vec::new(),
        Some(parent) if seen.contains(parent) || parent == id => {
            return Err(invalid(file, "extends", format!("`{parent}` leads back to `{id}`: rule sets extend each other in a cycle")));
        }
        Some(parent) if !raw.contains_key(parent) => return Err(invalid(file, "extends", format!("no rule set `{parent}`"))),
        Some(parent) => {
            seen.push(id.to_string());
            merged_stages(raw, parent, seen)?
        }
    };
    overlay(file, base, &own.stage)
}

/// Applies a file's stages over inherited ones: a stage with a known id replaces the fields it
/// gives (a new delay replaces the old one whatever its unit); a new id is appended.
fn overlay(file: &str, mut base: Vec<RawStage>, own: &[RawStage]) -> Result<Vec<RawStage>, RuleError> {
    let mut ids = BTreeSet::new();
    for (i, s) in own.iter().enumerate() {
        if !ids.insert(s.id.as_str()) {
            return Err(invalid(file, &format!("stage[{i}].id"), format!("`{}` is used by two stages", s.id)));
        }
        match base.iter_mut().find(|b| b.id == s.id) {
            None => base.push(s.clone()),
            Some(b) => {
                if s.delay_hours.is_some() || s.delay_months.is_some() {
                    b.delay_hours = s.delay_hours;
                    b.delay_months = s.delay_months;
                }
                b.anchor = s.anchor.clone().or(b.anchor.take());
                b.on_request = s.on_request.or(b.on_request);
                b.applies = s.applies.clone().or(b.applies.take());
                b.required = s.required.clone().or(b.required.take());
                b.unknown_allowed = s.unknown_allowed.clone().or(b.unknown_allowed.take());
                b.recipients = s.recipients.clone().or(b.recipients.take());
                b.language = s.language.clone().or(b.language.take());
            }
        }
    }
    Ok(base)
}

/// Turns merged raw stages into typed ones and orders them by anchor, refusing unknown anchors
/// and cycles.
fn build_stages(file: &str, raw: &[RawStage], language: &str, recipients: &[String]) -> Result<Vec<Stage>, RuleError> {
    let ids: BTreeSet<&str> = raw.iter().map(|s| s.id.as_str()).collect();
    let mut stages = Vec::new();
    for (i, s) in raw.iter().enumerate() {
        let field = |name: &str| format!("stage[{i}].{name}");
        if s.id.is_empty() || !s.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return Err(invalid(file, &field("id"), format!("`{}` must be lower-case letters, digits and `_`", s.id)));
        }
        if s.id == "aware" || s.id == "detected" {
            return Err(invalid(file, &field("id"), format!("`{}` is reserved for the incident's own time", s.id)));
        }
        let on_request = s.on_request.unwrap_or(false);
        let delay = match (s.delay_hours, s.delay_months) {
            (Some(h), None) => Some(Delay::Hours(h)),
            (None, Some(m)) if m > 0 => Some(Delay::Months(m)),
            (None, Some(_)) => return Err(invalid(file, &field("delay_months"), "must be at least 1".to_string())),
            (None, None) if on_request => None,
            _ => {
                return Err(invalid(
                    file,
                    &field("delay_hours"),
                    format!("stage `{}` needs exactly one of delay_hours and delay_months", s.id),
                ));
            }
        };
        let anchor = stage_anchor(file, &field("anchor"), s, on_request, &ids)?;
        let applies = match s.applies.as_deref() {
            None | Some("always") => Applies::Always,
            Some("ongoing") => Applies::Ongoing,
            Some("resolved") => Applies::Resolved,
            Some(other) => return Err(invalid(file, &field("applies"), format!("`{other}` is not one of always, ongoing, resolved"))),
        };
        let recipients = s.recipients.clone().unwrap_or_else(|| recipients.to_vec());
        let language = s.language.clone().unwrap_or_else(|| language.to_string());
        stages.push(Stage {
            id: s.id.clone(),
            delay,
            on_request,
            anchor,
            applies,
            required: s.required.clone().unwrap_or_default(),
            unknown_allowed: s.unknown_allowed.clone().unwrap_or_default(),
            recipients,
            language,
        });
    }
    order(file, stages)
}

/// A stage's anchor: `aware`, `detected` or another stage's id; an on-request stage runs from
/// its request and names no anchor.
fn stage_anchor(file: &str, at: &str, s: &RawStage, on_request: bool, ids: &BTreeSet<&str>) -> Result<Anchor, RuleError> {
    match (s.anchor.as_deref(), on_request) {
        (None, true) => Ok(Anchor::Request),
        (Some(a), true) => {
            Err(invalid(file, at, format!("stage `{}` is owed on request and runs from the request; it takes no anchor (`{a}`)", s.id)))
        }
        (Some("aware"), false) => Ok(Anchor::Aware),
        (Some("detected"), false) => Ok(Anchor::Detected),
        (Some(other), false) if ids.contains(other) => Ok(Anchor::Submitted(other.to_string())),
        (Some(other), false) => Err(invalid(file, at, format!("`{other}` is neither `aware`, `detected` nor a stage of this rule set"))),
        (None, false) => Err(invalid(file, at, format!("stage `{}` has no anchor", s.id))),
    }
}

/// Orders stages so that each comes after the stage it is anchored on; a cycle is an error
/// naming the stages in it.
fn order(file: &str, mut pending: Vec<Stage>) -> Result<Vec<Stage>, RuleError> {
    let mut done: Vec<Stage> = Vec::new();
    while !pending.is_empty() {
        let ready = pending.iter().position(|s| match &s.anchor {
            Anchor::Submitted(a) => done.iter().any(|d| &d.id == a),
            _ => true,
        });
        match ready {
            Some(i) => done.push(pending.remove(i)),
            None => {
                let names: Vec<String> = pending.iter().map(|s| s.id.clone()).collect();
                return Err(invalid(file, "stage.anchor", format!("stages {} are anchored on each other in a cycle", names.join(", "))));
            }
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "id = \"b\"\nversion = 1\nname = \"n\"\nsource = \"s\"\nlanguage = \"en\"\n";

    fn one(text: &str) -> Result<BTreeMap<String, RuleSet>, RuleError> {
        load(&[("b.toml", text)])
    }

    fn field_of(e: RuleError) -> (String, String) {
        match e {
            RuleError::Invalid { file, field, .. } => (file, field),
            other => panic!("want an Invalid error, got {other}"),
        }
    }

    #[test]
    fn shipped_rule_sets_load_with_the_nis2_stages() {
        let all = jurisdictions().unwrap();
        assert_eq!(all.keys().collect::<Vec<_>>(), ["al", "eu"]);
        let eu = &all["eu"];
        let ids: Vec<&str> = eu.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["early_warning", "notification", "intermediate_report", "final_report", "progress_report"]);
        assert_eq!(eu.stages[0].delay, Some(Delay::Hours(24)));
        assert_eq!(eu.stages[1].delay, Some(Delay::Hours(72)));
        assert_eq!((eu.stages[2].delay, &eu.stages[2].anchor, eu.stages[2].on_request), (None, &Anchor::Request, true));
        assert_eq!(eu.stages[3].delay, Some(Delay::Months(1)));
        assert_eq!(eu.stages[3].anchor, Anchor::Submitted("notification".into()));
        assert!(eu.stages.iter().filter(|s| s.id != "intermediate_report").all(|s| !s.on_request));
        assert!(eu.confirmed);
    }

    #[test]
    fn reminder_lead_times_come_from_the_rule_set_or_its_parent_and_are_checked() {
        assert_eq!(jurisdiction("eu").unwrap().remind_hours, [12, 4, 1]);
        assert_eq!(jurisdiction("al").unwrap().remind_hours, [12, 4, 1], "inherited from eu");
        let stage = "[[stage]]\nid = \"s\"\ndelay_hours = 24\nanchor = \"aware\"\n";
        let custom = one(&format!("{BASE}remind_hours = [2, 48]\n{stage}")).unwrap();
        assert_eq!(custom["b"].remind_hours, [48, 2]);
        assert_eq!(one(&format!("{BASE}{stage}")).unwrap()["b"].remind_hours, [12, 4, 1], "the default");
        for bad in ["[]", "[0]", "[4, 4]", "[721]"] {
            let e = one(&format!("{BASE}remind_hours = {bad}\n{stage}")).unwrap_err();
            assert_eq!(field_of(e), ("b.toml".to_string(), "remind_hours".to_string()), "{bad}");
        }
    }

    #[test]
    fn albania_overrides_language_and_recipients_and_says_its_delays_are_unconfirmed() {
        let al = jurisdiction("al").unwrap();
        let eu = jurisdiction("eu").unwrap();
        assert!(!al.confirmed);
        assert_eq!(al.language, "sq");
        assert!(al.stages.iter().all(|s| s.language == "sq" && s.recipients == ["aksk", "sectoral_csirt"]));
        let delays = |r: &RuleSet| r.stages.iter().map(|s| (s.id.clone(), s.delay, s.anchor.clone())).collect::<Vec<_>>();
        assert_eq!(delays(&al), delays(&eu));
    }

    #[test]
    fn a_variant_overrides_one_stage_delay_and_adds_a_stage() {
        let parent = format!("{}[[stage]]\nid = \"warn\"\ndelay_hours = 24\nanchor = \"aware\"\n", BASE.replace("\"b\"", "\"p\""));
        let child = "id = \"c\"\nextends = \"p\"\nversion = 2\nname = \"n\"\nsource = \"s\"\n[[stage]]\nid = \"warn\"\ndelay_months = 1\n[[stage]]\nid = \"after\"\ndelay_hours = 6\nanchor = \"warn\"\n";
        let all = load(&[("p.toml", &parent), ("c.toml", child)]).unwrap();
        let c = &all["c"];
        assert_eq!(c.stages[0].delay, Some(Delay::Months(1)));
        assert_eq!(c.stages[0].anchor, Anchor::Aware);
        assert_eq!(c.stages[1].anchor, Anchor::Submitted("warn".into()));
        assert_eq!(c.language, "en");
    }

    #[test]
    fn an_unknown_anchor_is_refused_naming_file_and_field() {
        let e = one(&format!("{BASE}[[stage]]\nid = \"a\"\ndelay_hours = 1\nanchor = \"noticed\"\n")).unwrap_err();
        assert!(e.to_string().contains("`noticed` is neither"), "{e}");
        assert_eq!(field_of(e), ("b.toml".into(), "stage[0].anchor".into()));
    }

    #[test]
    fn a_cycle_among_stage_anchors_is_refused() {
        let text = format!(
            "{BASE}[[stage]]\nid = \"a\"\ndelay_hours = 1\nanchor = \"c\"\n[[stage]]\nid = \"c\"\ndelay_hours = 1\nanchor = \"a\"\n[[stage]]\nid = \"d\"\ndelay_hours = 1\nanchor = \"aware\"\n"
        );
        let e = one(&text).unwrap_err();
        assert!(e.to_string().contains("stages a, c are anchored on each other in a cycle"), "{e}");
        let e = one(&format!("{BASE}[[stage]]\nid = \"a\"\ndelay_hours = 1\nanchor = \"a\"\n")).unwrap_err();
        assert!(e.to_string().contains("cycle"), "{e}");
    }

    #[test]
    fn duplicate_stage_ids_are_refused() {
        let text = format!(
            "{BASE}[[stage]]\nid = \"a\"\ndelay_hours = 1\nanchor = \"aware\"\n[[stage]]\nid = \"a\"\ndelay_hours = 2\nanchor = \"aware\"\n"
        );
        let e = one(&text).unwrap_err();
        assert!(e.to_string().contains("`a` is used by two stages"), "{e}");
        assert_eq!(field_of(e), ("b.toml".into(), "stage[1].id".into()));
    }

    #[test]
    fn delays_need_exactly_one_unit() {
        for stage in ["delay_hours = 1\ndelay_months = 1\n", "", "delay_months = 0\n"] {
            let e = one(&format!("{BASE}[[stage]]\nid = \"a\"\n{stage}anchor = \"aware\"\n")).unwrap_err();
            assert!(field_of(e).1.starts_with("stage[0].delay_"));
        }
    }

    #[test]
    fn an_on_request_stage_runs_from_its_request_with_or_without_a_default_delay() {
        let text = format!(
            "{BASE}[[stage]]\nid = \"asked\"\non_request = true\n[[stage]]\nid = \"asked_48h\"\non_request = true\ndelay_hours = 48\n[[stage]]\nid = \"after\"\ndelay_hours = 6\nanchor = \"asked\"\n"
        );
        let all = one(&text).unwrap();
        let b = &all["b"];
        assert_eq!((b.stages[0].delay, &b.stages[0].anchor, b.stages[0].on_request), (None, &Anchor::Request, true));
        assert_eq!(b.stages[1].delay, Some(Delay::Hours(48)));
        assert_eq!(b.stages[2].anchor, Anchor::Submitted("asked".into()), "a stage may follow an on-request one");
        // An on-request stage names no anchor of its own; a clock stage still needs a delay.
        let e = one(&format!("{BASE}[[stage]]\nid = \"a\"\non_request = true\nanchor = \"aware\"\n")).unwrap_err();
        assert!(e.to_string().contains("takes no anchor"), "{e}");
        assert_eq!(field_of(e).1, "stage[0].anchor");
        let e = one(&format!("{BASE}[[stage]]\nid = \"a\"\non_request = false\nanchor = \"aware\"\n")).unwrap_err();
        assert_eq!(field_of(e).1, "stage[0].delay_hours");
    }

    #[test]
    fn other_mistakes_are_named() {
        let cases = [
            (format!("{BASE}[[stage]]\nid = \"a\"\ndelay_hours = 1\nanchor = \"aware\"\napplies = \"sometimes\"\n"), "stage[0].applies"),
            (format!("{BASE}[[stage]]\nid = \"Early\"\ndelay_hours = 1\nanchor = \"aware\"\n"), "stage[0].id"),
            (format!("{BASE}[[stage]]\nid = \"aware\"\ndelay_hours = 1\nanchor = \"aware\"\n"), "stage[0].id"),
            (format!("{BASE}[[stage]]\nid = \"a\"\ndelay_hours = 1\n"), "stage[0].anchor"),
            (BASE.replace("\"b\"", "\"x\""), "id"),
            (format!("{BASE}extends = \"nowhere\"\n"), "extends"),
            (format!("{BASE}extends = \"b\"\n"), "extends"),
            (BASE.replace("language = \"en\"\n", ""), "language"),
        ];
        for (text, field) in cases {
            let e = one(&text).unwrap_err();
            assert_eq!(field_of(e).1, field, "{text}");
        }
    }

    #[test]
    fn syntax_errors_and_unknown_keys_name_the_file() {
        for text in ["id = ", &format!("{BASE}colour = \"red\"\n")] {
            let e = one(text).unwrap_err();
            assert!(matches!(e, RuleError::Syntax { ref file, .. } if file == "b.toml"), "{e}");
        }
    }

    #[test]
    fn extends_cycles_are_refused() {
        let a = "id = \"a\"\nextends = \"c\"\nversion = 1\nname = \"n\"\nsource = \"s\"\nlanguage = \"en\"\n";
        let c = "id = \"c\"\nextends = \"a\"\nversion = 1\nname = \"n\"\nsource = \"s\"\nlanguage = \"en\"\n";
        let e = load(&[("a.toml", a), ("c.toml", c)]).unwrap_err();
        assert!(e.to_string().contains("cycle"), "{e}");
    }

    #[test]
    fn an_unknown_jurisdiction_lists_the_known_ones() {
        assert_eq!(jurisdiction("fr").unwrap_err().to_string(), "unknown jurisdiction `fr` (known: al, eu)");
    }
}
