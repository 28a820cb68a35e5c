//! DMARC (RFC 7489): discovery with organisational-domain fallback, record syntax, policy
//! judgement and external report destination authorisation (7.1).

use hickory_proto::rr::Name;

use crate::dns::{Client, prefixed};
use crate::findings::{Finding, finding};

/// A DMARC policy value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// `none`
    None,
    /// `quarantine`
    Quarantine,
    /// `reject`
    Reject,
}

/// A parsed DMARC record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DmarcRecord {
    /// `p=`
    pub p: Option<Policy>,
    /// `sp=`
    pub sp: Option<Policy>,
    /// `pct=` (default 100)
    pub pct: Option<u8>,
    /// `rua=` destinations (the address part of each mailto: URI).
    pub rua: Vec<String>,
    /// `ruf=` destinations.
    pub ruf: Vec<String>,
}

/// True when a TXT string is a DMARC record (RFC 7489 6.4: starts with "v=DMARC1").
pub fn is_dmarc(txt: &str) -> bool {
    let t = txt.trim_start();
    t.strip_prefix('v')
        .map(|r| r.trim_start())
        .and_then(|r| r.strip_prefix('='))
        .map(|r| r.trim_start())
        .is_some_and(|r| r.starts_with("DMARC1") && r[6..].trim_start().is_empty_or_semicolon())
}

/// True when a TXT string at `_dmarc` was meant as a DMARC record, even a broken one: it starts
/// with "v=DMARC" or carries "v=DMARC1" somewhere, ignoring case and blanks ("v=DMARC1 p=reject",
/// "v=dmarc1;p=reject", "p=reject; v=DMARC1"). Receivers ignore such a record, so the domain has no
/// policy in force, but its owner must hear that the record is broken, not that it is missing.
pub fn meant_as_dmarc(txt: &str) -> bool {
    let squeezed: String = txt.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    squeezed.starts_with("v=dmarc") || squeezed.contains("v=dmarc1")
}

trait EmptyOrSemicolon {
    fn is_empty_or_semicolon(&self) -> bool;
}
impl EmptyOrSemicolon for str {
    fn is_empty_or_semicolon(&self) -> bool {
        self.is_empty() || self.starts_with(';')
    }
}

fn policy(v: &str) -> Result<Policy, String> {
    match v.to_ascii_lowercase().as_str() {
        "none" => Ok(Policy::None),
        "quarantine" => Ok(Policy::Quarantine),
        "reject" => Ok(Policy::Reject),
        _ => Err(format!("\"{v}\" is not none, quarantine or reject")),
    }
}

/// Parse a DMARC record (RFC 7489 6.3/6.4).
pub fn parse(record: &str) -> Result<DmarcRecord, String> {
    if !is_dmarc(record) {
        let squeezed: String = record.chars().filter(|c| !c.is_whitespace()).collect();
        if squeezed.starts_with("v=DMARC1") {
            return Err("\"v=DMARC1\" must be followed by \";\" before the next tag".into());
        }
        return Err("record does not start with \"v=DMARC1\"".into());
    }
    let mut rec = DmarcRecord::default();
    let mut seen = std::collections::HashSet::new();
    for (i, part) in record.split(';').enumerate() {
        let part = part.trim_matches(|c| c == ' ' || c == '\t');
        if part.is_empty() {
            continue;
        }
        let (tag, value) = part.split_once('=').ok_or_else(|| format!("\"{part}\" is not tag=value"))?;
        let (tag, value) = (tag.trim().to_ascii_lowercase(), value.trim());
        if !seen.insert(tag.clone()) {
            return Err(format!("tag \"{tag}\" appears twice"));
        }
        match tag.as_str() {
            "v" if i == 0 => {}
            "v" => return Err("v= must be the first tag".into()),
            "p" => rec.p = Some(policy(value)?),
            "sp" => rec.sp = Some(policy(value)?),
            "pct" => {
                let n: u8 = value.parse().map_err(|_| format!("pct=\"{value}\" is not 0-100"))?;
                if n > 100 {
                    return Err(format!("pct={n} exceeds 100"));
                }
                rec.pct = Some(n);
            }
            "adkim" | "aspf" if !matches!(value.to_ascii_lowercase().as_str(), "r" | "s") => {
                return Err(format!("{tag}=\"{value}\" must be r or s"));
            }
            "rua" => rec.rua = uris(value)?,
            "ruf" => rec.ruf = uris(value)?,
            "fo" if !value.split(':').all(|o| matches!(o.trim(), "0" | "1" | "d" | "s")) => {
                return Err(format!("fo=\"{value}\" must be 0, 1, d or s separated by ':'"));
            }
            "rf" if !value.split(':').all(|o| o.trim().eq_ignore_ascii_case("afrf")) => {
                return Err(format!("rf=\"{value}\" must be afrf"));
            }
            "ri" => {
                value.parse::<u32>().map_err(|_| format!("ri=\"{value}\" is not a number"))?;
            }
            // RFC 7489 6.3: unknown tags MUST be ignored.
            _ => {}
        }
    }
    if rec.p.is_none() {
        return Err("the required p= tag is missing".into());
    }
    Ok(rec)
}

/// Parse a comma-separated list of DMARC URIs; returns the mailto addresses.
fn uris(value: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for u in value.split(',').map(str::trim) {
        // RFC 7489 6.2: an optional "!size[kmgt]" suffix.
        let base = match u.rfind('!') {
            Some(i) => {
                let size = &u[i + 1..];
                let digits = size.trim_end_matches(['k', 'm', 'g', 't', 'K', 'M', 'G', 'T']);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!("bad size limit in \"{u}\""));
                }
                &u[..i]
            }
            None => u,
        };
        let Some(addr) = base.get(..7).filter(|p| p.eq_ignore_ascii_case("mailto:")).map(|_| &base[7..]) else {
            return Err(format!("\"{u}\" is not a mailto: URI"));
        };
        let (local, domain) = addr.rsplit_once('@').ok_or_else(|| format!("\"{addr}\" is not an e-mail address"))?;
        if local.is_empty() || domain.is_empty() || !domain.contains('.') {
            return Err(format!("\"{addr}\" is not an e-mail address"));
        }
        out.push(addr.to_string());
    }
    Ok(out)
}

/// The organisational domain of `name` (RFC 7489 3.2) from the Public Suffix List.
pub fn org_domain(name: &Name) -> Name {
    let s = name.to_ascii().to_ascii_lowercase();
    let s = s.trim_end_matches('.');
    match psl::domain_str(s) {
        Some(d) => Name::from_ascii(format!("{d}.")).unwrap_or_else(|_| name.clone()),
        None => name.clone(),
    }
}

/// What DMARC discovery produced, for other sections (no-mail judgement).
#[derive(Debug, Clone, Default)]
pub struct DmarcOutcome {
    /// The record in force, if any.
    pub record: Option<DmarcRecord>,
    /// Findings.
    pub findings: Vec<Finding>,
}

enum Found {
    One(String),
    None,
    Many(Vec<String>),
    /// No valid record, but records meant as DMARC that receivers will ignore.
    Broken(Vec<String>),
    Error(String),
}

async fn lookup(client: &Client, domain: &Name) -> Found {
    let Some(q) = prefixed("_dmarc", domain) else {
        return Found::None;
    };
    let l = client.query(&q, hickory_proto::rr::RecordType::TXT).await;
    if let Some(e) = l.error() {
        return Found::Error(format!("TXT {q}: {e}"));
    }
    let txt = l.txt();
    let mut recs: Vec<String> = txt.iter().filter(|t| is_dmarc(t)).cloned().collect();
    match recs.len() {
        0 => {
            let broken: Vec<String> = txt.into_iter().filter(|t| meant_as_dmarc(t)).collect();
            if broken.is_empty() { Found::None } else { Found::Broken(broken) }
        }
        1 => Found::One(recs.remove(0)),
        _ => Found::Many(recs),
    }
}

/// Discover and judge `domain`'s DMARC record.
pub async fn check(client: &Client, domain: &Name) -> DmarcOutcome {
    let mut out = DmarcOutcome::default();
    let org = org_domain(domain);
    let (text, inherited) = match lookup(client, domain).await {
        Found::One(t) => (t, false),
        Found::Many(r) => {
            out.findings.push(finding("dmarc-multiple-records", r.join(" | ")));
            return out;
        }
        Found::Error(e) => {
            out.findings.push(finding("dmarc-lookup-error", e));
            return out;
        }
        Found::Broken(r) => {
            out.findings.push(broken(&r, None));
            return out;
        }
        Found::None if org != *domain => match lookup(client, &org).await {
            Found::One(t) => (t, true),
            Found::Many(r) => {
                out.findings.push(finding("dmarc-multiple-records", format!("at organisational domain {org}: {}", r.join(" | "))));
                return out;
            }
            Found::Error(e) => {
                out.findings.push(finding("dmarc-lookup-error", e));
                return out;
            }
            Found::Broken(r) => {
                out.findings.push(broken(&r, Some(&org)));
                return out;
            }
            Found::None => {
                out.findings.push(finding("dmarc-missing", format!("no v=DMARC1 TXT at _dmarc.{domain} nor at _dmarc.{org}")));
                return out;
            }
        },
        Found::None => {
            out.findings.push(finding("dmarc-missing", format!("no v=DMARC1 TXT at _dmarc.{domain}")));
            return out;
        }
    };
    let rec = match parse(&text) {
        Ok(r) => r,
        Err(e) => {
            out.findings.push(finding("dmarc-syntax-error", format!("{e}: \"{text}\"")));
            return out;
        }
    };
    if inherited {
        out.findings.push(finding("dmarc-inherited-from-org-domain", format!("_dmarc.{org}: \"{text}\"")));
    }
    // For a subdomain using the organisational record, sp= (or p=) is the policy in force.
    let effective = if inherited { rec.sp.or(rec.p) } else { rec.p };
    match effective {
        Some(Policy::None) => out.findings.push(finding("dmarc-policy-none", text.clone())),
        Some(Policy::Quarantine) => out.findings.push(finding("dmarc-policy-quarantine", text.clone())),
        _ => {}
    }
    if !inherited && rec.sp == Some(Policy::None) && rec.p != Some(Policy::None) {
        out.findings.push(finding("dmarc-subdomain-policy-none", text.clone()));
    }
    if rec.pct.is_some_and(|p| p < 100) {
        out.findings.push(finding("dmarc-pct-partial", text.clone()));
    }
    if rec.rua.is_empty() {
        out.findings.push(finding("dmarc-no-rua", text.clone()));
    }
    let policy_domain = if inherited { &org } else { domain };
    for addr in rec.rua.iter().chain(rec.ruf.iter()) {
        if let Some(f) = external_authorised(client, policy_domain, addr).await {
            out.findings.push(f);
        }
    }
    out.record = Some(rec);
    out
}

/// The finding for records meant as DMARC that do not parse: what is wrong with each, as written.
fn broken(records: &[String], org: Option<&Name>) -> Finding {
    let each: Vec<String> = records.iter().map(|t| format!("{}: \"{t}\"", parse(t).err().unwrap_or_default())).collect();
    let at = org.map(|o| format!("at organisational domain {o}: ")).unwrap_or_default();
    finding("dmarc-syntax-error", format!("{at}{}", each.join(" | ")))
}

/// RFC 7489 7.1: a destination outside the policy's organisational domain must publish
/// `<policy-domain>._report._dmarc.<destination-domain>` with v=DMARC1.
async fn external_authorised(client: &Client, policy_domain: &Name, addr: &str) -> Option<Finding> {
    let dest = addr.rsplit_once('@')?.1;
    let dest = crate::dns::parse_domain(dest).ok()?;
    if org_domain(&dest) == org_domain(policy_domain) {
        return None;
    }
    let q = Name::from_ascii(format!("{}_report._dmarc.", policy_domain.to_ascii())).ok()?.append_domain(&dest).ok()?;
    let l = client.query(&q, hickory_proto::rr::RecordType::TXT).await;
    if let Some(e) = l.error() {
        return Some(finding("dmarc-lookup-error", format!("TXT {q}: {e}")));
    }
    if l.txt().iter().any(|t| is_dmarc(t)) {
        return None;
    }
    Some(finding("dmarc-rua-external-unauthorized", format!("{addr}: no v=DMARC1 TXT at {q}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(record: &str, ok: bool) {
        let r = parse(record);
        assert_eq!(r.is_ok(), ok, "{record}: {r:?}");
    }

    #[test]
    fn syntax() {
        check("v=DMARC1; p=reject", true);
        check("v=DMARC1;p=none;", true);
        check("v = DMARC1 ; p = quarantine ; pct = 50", true);
        check("v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@example.net!10m", true);
        check("v=DMARC1; p=reject; rua=https://example.com/", false);
        check("v=DMARC1; p=reject; rua=mailto:nobody", false);
        check("v=DMARC1; p=reject; pct=101", false);
        check("v=DMARC1; p=reject; pct=abc", false);
        check("v=DMARC1; p=block", false);
        check("v=DMARC1; sp=reject", false);
        check("v=DMARC1; p=reject; p=none", false);
        check("v=DMARC1; p=reject; adkim=x", false);
        check("v=DMARC1; p=reject; fo=1:d", true);
        check("v=DMARC1; p=reject; fo=2", false);
        check("v=DMARC1; p=reject; future=ok", true);
        check("v=DMARC2; p=reject", false);
        check("p=reject; v=DMARC1", false);
    }

    #[test]
    fn broken_records_are_still_dmarc_records() {
        for meant in [
            "v=DMARC1 p=reject",
            "v=DMARC1 p=reject rua=mailto:d@example.post",
            "V=dmarc1;p=reject",
            "p=reject; v=DMARC1",
            "v=DMARC p=none",
        ] {
            assert!(meant_as_dmarc(meant) && parse(meant).is_err(), "{meant}");
        }
        for other in ["v=spf1 -all", "google-site-verification=abc", "dmarc is coming"] {
            assert!(!meant_as_dmarc(other), "{other}");
        }
        assert_eq!(parse("v=DMARC1 p=reject"), Err("\"v=DMARC1\" must be followed by \";\" before the next tag".to_string()));
        let f = broken(&["v=DMARC1 p=reject".to_string()], None);
        assert_eq!(f.code, "dmarc-syntax-error");
        assert!(f.evidence.contains("must be followed by") && f.evidence.contains("v=DMARC1 p=reject"), "{}", f.evidence);
    }

    #[test]
    fn org_domain_uses_psl() {
        let n = |s: &str| Name::from_ascii(s).unwrap_or_else(|_| Name::root());
        assert_eq!(org_domain(&n("mail.example.post.")), n("example.post."));
        assert_eq!(org_domain(&n("a.b.example.co.uk.")), n("example.co.uk."));
        assert_eq!(org_domain(&n("example.post.")), n("example.post."));
    }
}
