//! SPF (RFC 7208): record parsing with the full term and macro syntax, and a static evaluation
//! that walks every include/redirect to count DNS-querying terms and void lookups exactly.

use std::net::{Ipv4Addr, Ipv6Addr};

use hickory_proto::rr::{Name, RData, RecordType};

use crate::dns::{Client, Lookup};
use crate::findings::{Finding, finding};

/// RFC 7208 4.6.4: at most 10 DNS-querying terms per evaluation.
pub const MAX_LOOKUPS: u32 = 10;
/// RFC 7208 4.6.4: at most 2 void lookups.
pub const MAX_VOID_LOOKUPS: u32 = 2;
/// Safety stop for the static walk, well past the limit so the count stays informative.
const HARD_STOP: u32 = 40;

/// A mechanism's qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// `+`
    Pass,
    /// `-`
    Fail,
    /// `~`
    SoftFail,
    /// `?`
    Neutral,
}

/// A mechanism (RFC 7208 5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mechanism {
    /// `all`
    All,
    /// `include:domain-spec`
    Include(String),
    /// `a[:domain-spec][cidr]`
    A(Option<String>),
    /// `mx[:domain-spec][cidr]`
    Mx(Option<String>),
    /// `ptr[:domain-spec]`
    Ptr(Option<String>),
    /// `ip4:addr[/len]`
    Ip4(String),
    /// `ip6:addr[/len]`
    Ip6(String),
    /// `exists:domain-spec`
    Exists(String),
}

/// A term of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A mechanism with its qualifier.
    Mechanism(Qualifier, Mechanism),
    /// `redirect=domain-spec`
    Redirect(String),
    /// `exp=domain-spec`
    Exp(String),
    /// Any other `name=macro-string` modifier (ignored by receivers).
    Unknown(String, String),
}

/// A parsed record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpfRecord {
    /// Terms in order.
    pub terms: Vec<Term>,
}

impl SpfRecord {
    /// The `all` qualifier, if there is an `all`.
    pub fn all(&self) -> Option<Qualifier> {
        self.terms.iter().find_map(|t| match t {
            Term::Mechanism(q, Mechanism::All) => Some(*q),
            _ => None,
        })
    }

    /// The redirect target, if any.
    pub fn redirect(&self) -> Option<&str> {
        self.terms.iter().find_map(|t| match t {
            Term::Redirect(d) => Some(d.as_str()),
            _ => None,
        })
    }
}

/// True when a TXT string is an SPF record (RFC 7208 4.5: "v=spf1" then space or end).
pub fn is_spf(txt: &str) -> bool {
    let b = txt.as_bytes();
    b.len() >= 6 && b[..6].eq_ignore_ascii_case(b"v=spf1") && (b.len() == 6 || b[6] == b' ')
}

/// Parse an SPF record. The error names the offending term.
pub fn parse(record: &str) -> Result<SpfRecord, String> {
    if !is_spf(record) {
        return Err("record does not start with \"v=spf1\"".into());
    }
    let mut terms = Vec::new();
    let (mut redirects, mut exps) = (0, 0);
    for raw in record[6..].split(' ').filter(|t| !t.is_empty()) {
        let term = parse_term(raw).map_err(|e| format!("term \"{raw}\": {e}"))?;
        match &term {
            Term::Redirect(_) => redirects += 1,
            Term::Exp(_) => exps += 1,
            _ => {}
        }
        terms.push(term);
    }
    if redirects > 1 || exps > 1 {
        return Err("redirect= and exp= may each appear only once (RFC 7208 6)".into());
    }
    Ok(SpfRecord { terms })
}

fn parse_term(raw: &str) -> Result<Term, String> {
    if !raw.is_ascii() || raw.bytes().any(|b| b < 0x21 || b == 0x7f) {
        return Err("contains non-printable or non-ASCII characters".into());
    }
    // A modifier is name "=" ...; a mechanism name never contains '='.
    if let Some((name, value)) = raw.split_once('=') {
        let valid_name = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
        if valid_name {
            return match name.to_ascii_lowercase().as_str() {
                "redirect" => domain_spec(value).map(|_| Term::Redirect(value.to_string())),
                "exp" => domain_spec(value).map(|_| Term::Exp(value.to_string())),
                _ => macro_string(value, false).map(|_| Term::Unknown(name.to_string(), value.to_string())),
            };
        }
    }
    let (qual, rest) = match raw.as_bytes()[0] {
        b'+' => (Qualifier::Pass, &raw[1..]),
        b'-' => (Qualifier::Fail, &raw[1..]),
        b'~' => (Qualifier::SoftFail, &raw[1..]),
        b'?' => (Qualifier::Neutral, &raw[1..]),
        _ => (Qualifier::Pass, raw),
    };
    let (name, arg) = match rest.find([':', '/']) {
        Some(i) => (&rest[..i], Some(&rest[i..])),
        None => (rest, None),
    };
    let mech = match (name.to_ascii_lowercase().as_str(), arg) {
        ("all", None) => Mechanism::All,
        ("include", Some(a)) => Mechanism::Include(required_domain(a)?),
        ("exists", Some(a)) => Mechanism::Exists(required_domain(a)?),
        ("a", a) => Mechanism::A(domain_with_cidr(a)?),
        ("mx", a) => Mechanism::Mx(domain_with_cidr(a)?),
        ("ptr", None) => Mechanism::Ptr(None),
        ("ptr", Some(a)) => Mechanism::Ptr(Some(required_domain(a)?)),
        ("ip4", Some(a)) => Mechanism::Ip4(ip4(a)?),
        ("ip6", Some(a)) => Mechanism::Ip6(ip6(a)?),
        ("all" | "include" | "exists" | "ip4" | "ip6", _) => {
            return Err("wrong argument for mechanism".into());
        }
        _ => return Err("unknown mechanism".into()),
    };
    Ok(Term::Mechanism(qual, mech))
}

fn required_domain(arg: &str) -> Result<String, String> {
    let d = arg.strip_prefix(':').ok_or("expected ':' and a domain")?;
    domain_spec(d)?;
    Ok(d.to_string())
}

/// `[":" domain-spec] [ "/" ip4-cidr ] [ "//" ip6-cidr ]`, the cidr parsed from the end because
/// macro literals may contain '/'.
fn domain_with_cidr(arg: Option<&str>) -> Result<Option<String>, String> {
    let Some(mut a) = arg else { return Ok(None) };
    if let Some(i) = a.rfind("//") {
        cidr(&a[i + 2..], 128)?;
        a = &a[..i];
    }
    if let Some(i) = a.rfind('/') {
        let tail = &a[i + 1..];
        if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) {
            cidr(tail, 32)?;
            a = &a[..i];
        }
    }
    if a.is_empty() {
        return Ok(None);
    }
    required_domain(a).map(Some)
}

fn cidr(s: &str, max: u32) -> Result<u32, String> {
    // RFC 7208: no leading zeros ("0" alone is fine).
    if s.is_empty() || (s.len() > 1 && s.starts_with('0')) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("bad CIDR length \"{s}\""));
    }
    let n: u32 = s.parse().map_err(|_| format!("bad CIDR length \"{s}\""))?;
    if n > max {
        return Err(format!("CIDR length {n} exceeds {max}"));
    }
    Ok(n)
}

fn ip4(arg: &str) -> Result<String, String> {
    let a = arg.strip_prefix(':').ok_or("expected ':'")?;
    let (addr, len) = a.split_once('/').map_or((a, None), |(x, y)| (x, Some(y)));
    addr.parse::<Ipv4Addr>().map_err(|_| format!("\"{addr}\" is not an IPv4 address"))?;
    if let Some(l) = len {
        cidr(l, 32)?;
    }
    Ok(a.to_string())
}

fn ip6(arg: &str) -> Result<String, String> {
    let a = arg.strip_prefix(':').ok_or("expected ':'")?;
    let (addr, len) = match a.rfind('/') {
        Some(i) => (&a[..i], Some(&a[i + 1..])),
        None => (a, None),
    };
    addr.parse::<Ipv6Addr>().map_err(|_| format!("\"{addr}\" is not an IPv6 address"))?;
    if let Some(l) = len {
        cidr(l, 128)?;
    }
    Ok(a.to_string())
}

/// RFC 7208 7.1 domain-spec: a macro-string ending in a top label or a macro expansion.
/// Returns whether it contains macros.
pub fn domain_spec(s: &str) -> Result<bool, String> {
    if s.is_empty() {
        return Err("empty domain".into());
    }
    let has_macro = macro_string(s, false)?;
    if s.ends_with('}') {
        return Ok(has_macro);
    }
    let body = s.strip_suffix('.').unwrap_or(s);
    let top = body.rsplit('.').next().unwrap_or("");
    let ok = !top.is_empty()
        && top.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && top.bytes().any(|b| b.is_ascii_alphabetic())
        && !top.starts_with('-')
        && !top.ends_with('-');
    if !ok || (!has_macro && body.split('.').any(|l| l.is_empty() || l.len() > 63)) {
        return Err(format!("\"{s}\" is not a valid domain"));
    }
    Ok(has_macro)
}

/// Validate a macro-string; returns true if it holds macro expansions.
fn macro_string(s: &str, exp: bool) -> Result<bool, String> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut has = false;
    while i < b.len() {
        if b[i] != b'%' {
            if !(0x21..=0x7e).contains(&b[i]) {
                return Err("invalid character".into());
            }
            i += 1;
            continue;
        }
        match b.get(i + 1) {
            Some(b'%' | b'_' | b'-') => i += 2,
            Some(b'{') => {
                let end = s[i..].find('}').ok_or("unterminated macro")? + i;
                let inner = &b[i + 2..end];
                let letter = inner.first().ok_or("empty macro")?.to_ascii_lowercase();
                let allowed: &[u8] = if exp { b"slodiphcrtv" } else { b"slodiphv" };
                if !allowed.contains(&letter) {
                    return Err(format!("unknown macro letter '{}'", letter as char));
                }
                let mut j = 1;
                while j < inner.len() && inner[j].is_ascii_digit() {
                    j += 1;
                }
                if j < inner.len() && inner[j].eq_ignore_ascii_case(&b'r') {
                    j += 1;
                }
                if !inner[j..].iter().all(|c| b".-+,/_=".contains(c)) {
                    return Err("bad macro transformer or delimiter".into());
                }
                has = true;
                i = end + 1;
            }
            _ => return Err("'%' must be followed by '{', '%', '_' or '-'".into()),
        }
    }
    Ok(has)
}

/// The outcome of checking a domain's SPF.
#[derive(Debug, Clone, Default)]
pub struct SpfOutcome {
    /// The top-level record, if exactly one was found.
    pub record: Option<String>,
    /// DNS-querying terms counted over the whole evaluation.
    pub lookups: u32,
    /// Void lookups counted.
    pub voids: u32,
    /// Effective `all` qualifier (following redirect).
    pub all: Option<Qualifier>,
    /// Findings.
    pub findings: Vec<Finding>,
}

enum Fetch {
    Record(String),
    None(bool),
    Multiple(Vec<String>),
    Error(String),
}

async fn fetch(client: &Client, name: &Name) -> Fetch {
    let l = client.query(name, RecordType::TXT).await;
    if let Some(e) = l.error() {
        return Fetch::Error(e.to_string());
    }
    let recs: Vec<String> = l.txt().into_iter().filter(|t| is_spf(t)).collect();
    match recs.len() {
        0 => Fetch::None(matches!(l, Lookup::NxDomain(_) | Lookup::NoData(_)) || l.is_absent(RecordType::TXT)),
        1 => Fetch::Record(recs.into_iter().next().unwrap_or_default()),
        _ => Fetch::Multiple(recs),
    }
}

struct Walk<'a> {
    client: &'a Client,
    out: SpfOutcome,
    stack: Vec<Name>,
    trail: Vec<String>,
}

/// Check `domain`'s SPF record, walking includes and redirects.
pub async fn check(client: &Client, domain: &Name) -> SpfOutcome {
    let mut w = Walk { client, out: SpfOutcome::default(), stack: Vec::new(), trail: Vec::new() };
    match fetch(client, domain).await {
        Fetch::Error(e) => {
            w.out.findings.push(finding("spf-lookup-error", format!("TXT {domain}: {e}")));
            return w.out;
        }
        Fetch::None(_) => {
            w.out.findings.push(finding("spf-missing", format!("no TXT record starting with v=spf1 at {domain}")));
            return w.out;
        }
        Fetch::Multiple(r) => {
            w.out.findings.push(finding("spf-multiple-records", r.join(" | ")));
            return w.out;
        }
        Fetch::Record(r) => {
            w.out.record = Some(r.clone());
            let all = Box::pin(w.walk(domain.clone(), r)).await;
            w.out.all = all;
        }
    }
    let lookups = w.out.lookups;
    if lookups > MAX_LOOKUPS {
        let ev = format!("{lookups} DNS-querying terms (limit {MAX_LOOKUPS}): {}", w.trail.join(", "));
        w.out.findings.push(finding("spf-too-many-lookups", ev));
    }
    if w.out.voids > MAX_VOID_LOOKUPS {
        let ev = format!("{} void lookups (limit {MAX_VOID_LOOKUPS})", w.out.voids);
        w.out.findings.push(finding("spf-too-many-void-lookups", ev));
    }
    let rec = w.out.record.clone().unwrap_or_default();
    match w.out.all {
        Some(Qualifier::Pass) => w.out.findings.push(finding("spf-pass-all", rec)),
        Some(Qualifier::Neutral) => w.out.findings.push(finding("spf-neutral-all", rec)),
        Some(Qualifier::SoftFail) => w.out.findings.push(finding("spf-softfail-all", rec)),
        Some(Qualifier::Fail) => {}
        None if w.out.findings.iter().all(|f| f.code != "spf-syntax-error") => w.out.findings.push(finding("spf-no-all", rec)),
        None => {}
    }
    w.out
}

impl Walk<'_> {
    /// Walk one record; returns the effective `all` qualifier of this record.
    async fn walk(&mut self, domain: Name, record: String) -> Option<Qualifier> {
        let parsed = match parse(&record) {
            Ok(p) => p,
            Err(e) => {
                self.out.findings.push(finding("spf-syntax-error", format!("{domain}: {e} in \"{record}\"")));
                return None;
            }
        };
        self.stack.push(domain.clone());
        let top = self.stack.len() == 1;
        for term in &parsed.terms {
            if self.out.lookups > HARD_STOP {
                break;
            }
            let Term::Mechanism(_, m) = term else {
                continue;
            };
            match m {
                Mechanism::Include(spec) => {
                    self.count(format!("include:{spec}"));
                    if let Some(target) = self.target(spec, &domain) {
                        self.follow(&domain, target, "include").await;
                    }
                }
                Mechanism::A(spec) => {
                    self.count(format!("a{}", spec.as_ref().map(|s| format!(":{s}")).unwrap_or_default()));
                    if let Some(t) = self.target_opt(spec, &domain) {
                        self.address_void(&t).await;
                    }
                }
                Mechanism::Mx(spec) => {
                    self.count(format!("mx{}", spec.as_ref().map(|s| format!(":{s}")).unwrap_or_default()));
                    if let Some(t) = self.target_opt(spec, &domain) {
                        self.mx_void(&t).await;
                    }
                }
                Mechanism::Ptr(_) => {
                    self.count("ptr".into());
                    self.out.findings.push(finding("spf-ptr-mechanism", format!("{domain}: \"{record}\"")));
                }
                Mechanism::Exists(spec) => {
                    self.count(format!("exists:{spec}"));
                    if let Some(t) = self.target(spec, &domain) {
                        self.address_void(&t).await;
                    }
                }
                Mechanism::All | Mechanism::Ip4(_) | Mechanism::Ip6(_) => {}
            }
        }
        let mut all = parsed.all();
        if let Some(spec) = parsed.redirect() {
            if all.is_some() {
                if top {
                    self.out.findings.push(finding("spf-redirect-ignored", record.clone()));
                }
            } else {
                self.count(format!("redirect={spec}"));
                if let Some(target) = self.target(spec, &domain) {
                    all = self.follow(&domain, target, "redirect").await;
                }
            }
        }
        self.stack.pop();
        all
    }

    fn count(&mut self, what: String) {
        self.out.lookups += 1;
        self.trail.push(what);
    }

    /// Resolve a domain-spec to a name; macros cannot be expanded without a sender, so skip those.
    fn target(&mut self, spec: &str, _current: &Name) -> Option<Name> {
        if domain_spec(spec).unwrap_or(true) {
            return None;
        }
        let mut n = Name::from_ascii(spec.trim_end_matches('.')).ok()?;
        n.set_fqdn(true);
        Some(n)
    }

    fn target_opt(&mut self, spec: &Option<String>, current: &Name) -> Option<Name> {
        match spec {
            Some(s) => self.target(s, current),
            None => Some(current.clone()),
        }
    }

    async fn follow(&mut self, from: &Name, target: Name, how: &str) -> Option<Qualifier> {
        if self.stack.iter().any(|n| n == &target) {
            self.out.findings.push(finding("spf-include-loop", format!("{from} {how} {target} which is already being evaluated")));
            return None;
        }
        if self.stack.len() > 12 {
            return None;
        }
        match fetch(self.client, &target).await {
            Fetch::Record(r) => Box::pin(self.walk(target, r)).await,
            Fetch::None(void) => {
                if void {
                    self.out.voids += 1;
                }
                self.out.findings.push(finding("spf-include-no-record", format!("{from}: {how} {target} has no SPF record")));
                None
            }
            Fetch::Multiple(r) => {
                self.out.findings.push(finding("spf-multiple-records", format!("{target} ({how} from {from}): {}", r.join(" | "))));
                None
            }
            Fetch::Error(e) => {
                self.out.findings.push(finding("spf-lookup-error", format!("TXT {target} ({how} from {from}): {e}")));
                None
            }
        }
    }

    async fn address_void(&mut self, name: &Name) {
        let a = self.client.query(name, RecordType::A).await;
        if !a.is_absent(RecordType::A) || a.error().is_some() {
            return;
        }
        let aaaa = self.client.query(name, RecordType::AAAA).await;
        if aaaa.is_absent(RecordType::AAAA) {
            self.out.voids += 1;
        }
    }

    async fn mx_void(&mut self, name: &Name) {
        let l = self.client.query(name, RecordType::MX).await;
        if l.is_absent(RecordType::MX) {
            self.out.voids += 1;
            return;
        }
        // RFC 7208 4.6.4: more than 10 MX names is itself a permanent error.
        let n = l.rdata(RecordType::MX).iter().filter(|d| matches!(d, RData::MX(_))).count();
        if n > 10 {
            self.out.findings.push(finding("spf-too-many-lookups", format!("mx for {name} returns {n} hosts (limit 10)")));
        }
    }
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
        check("v=spf1 -all", true);
        check("V=SPF1 MX -ALL", true);
        check("v=spf1", true);
        check("v=spf10 -all", false);
        check("v=spf1 include:_spf.example.com ~all", true);
        check("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all", true);
        check("v=spf1 ip4:192.0.2.0/33 -all", false);
        check("v=spf1 ip4:192.0.2.300 -all", false);
        check("v=spf1 ip6:2001:db8::/129 -all", false);
        check("v=spf1 a/24//64 mx:mail.example.com/28 -all", true);
        check("v=spf1 a/024 -all", false);
        check("v=spf1 include: -all", false);
        check("v=spf1 include -all", false);
        check("v=spf1 exists:%{i}._spf.%{d} -all", true);
        check("v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all", true);
        check("v=spf1 exists:%{x}.example.com -all", false);
        check("v=spf1 exists:%{c}.example.com -all", false);
        check("v=spf1 include:example.com% -all", false);
        check("v=spf1 redirect=_spf.example.com", true);
        check("v=spf1 redirect=a.example redirect=b.example", false);
        check("v=spf1 foo=bar -all", true);
        check("v=spf1 frob -all", false);
        check("v=spf1 include:example.123 -all", false);
        check("v=spf1 all:foo", false);
        check("v=spf1 +all", true);
        check("v=spf1 ptr ?all", true);
        check("v=spf1 ip4:1.2.3.4\u{e9} -all", false);
    }

    #[test]
    fn qualifiers_and_redirect() {
        let r = parse("v=spf1 mx ?all").unwrap_or(SpfRecord { terms: vec![] });
        assert_eq!(r.all(), Some(Qualifier::Neutral));
        let r = parse("v=spf1 redirect=x.example").unwrap_or(SpfRecord { terms: vec![] });
        assert_eq!(r.all(), None);
        assert_eq!(r.redirect(), Some("x.example"));
    }

    #[test]
    fn is_spf_needs_space_or_end() {
        assert!(is_spf("v=spf1"));
        assert!(is_spf("v=spf1 -all"));
        assert!(!is_spf("v=spf1-all"));
        assert!(!is_spf("spf2.0/pra -all"));
    }
}
