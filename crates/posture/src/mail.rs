//! Mail transport: MX and null MX (RFC 7505), MTA-STS (RFC 8461) record and policy, TLS-RPT
//! (RFC 8460), and DANE TLSA presence for the MX hosts.

use hickory_proto::rr::{Name, RData, RecordType};

use crate::dns::{Client, prefixed};
use crate::findings::{Finding, finding};
use crate::http::{self, Trust, Versions};

/// What the MX lookup established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MxState {
    /// MX hosts, by preference.
    Hosts(Vec<Name>),
    /// A null MX: the domain takes no mail.
    Null,
    /// No MX at all.
    None,
    /// The lookup failed.
    Unknown,
}

/// Look up MX and judge it.
pub async fn mx(client: &Client, domain: &Name) -> (MxState, Vec<Finding>) {
    let l = client.query(domain, RecordType::MX).await;
    if let Some(e) = l.error() {
        return (MxState::Unknown, vec![finding("mx-lookup-error", format!("MX {domain}: {e}"))]);
    }
    if matches!(l, crate::dns::Lookup::NxDomain(_)) {
        return (MxState::None, vec![finding("domain-nxdomain", format!("{domain} does not exist (NXDOMAIN)"))]);
    }
    let mut mxs: Vec<(u16, Name)> = l
        .rdata(RecordType::MX)
        .into_iter()
        .filter_map(|d| match d {
            RData::MX(m) => Some((m.preference, m.exchange.clone())),
            _ => None,
        })
        .collect();
    if mxs.is_empty() {
        return (MxState::None, vec![finding("mx-missing", format!("no MX at {domain}"))]);
    }
    if mxs.len() == 1 && mxs[0].1.is_root() {
        return (MxState::Null, vec![finding("mx-null", format!("{domain} MX {} .", mxs[0].0))]);
    }
    mxs.sort();
    let hosts: Vec<Name> = mxs.into_iter().map(|(_, h)| h).filter(|h| !h.is_root()).collect();
    let mut out = Vec::new();
    for h in &hosts {
        if let Err(e) = http::resolve(client, h).await {
            out.push(finding("mx-host-unresolvable", e));
        }
    }
    (MxState::Hosts(hosts), out)
}

/// Parse an MTA-STS TXT record (RFC 8461 3.1); returns the id.
pub fn parse_sts_txt(txt: &str) -> Result<String, String> {
    let mut id = None;
    for (i, part) in txt.split(';').enumerate() {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (k, v) = part.split_once('=').ok_or_else(|| format!("\"{part}\" is not key=value"))?;
        match (i, k) {
            (0, "v") if v == "STSv1" => {}
            (0, _) => return Err("the record must start with v=STSv1".into()),
            (_, "id") => {
                if v.is_empty() || v.len() > 32 || !v.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return Err(format!("id=\"{v}\" must be 1-32 letters and digits"));
                }
                id = Some(v.to_string());
            }
            _ => {}
        }
    }
    id.ok_or_else(|| "the required id= field is missing".into())
}

/// A parsed MTA-STS policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StsPolicy {
    /// enforce, testing or none.
    pub mode: String,
    /// mx: patterns.
    pub mx: Vec<String>,
    /// max_age seconds.
    pub max_age: u64,
}

/// Parse an MTA-STS policy file (RFC 8461 3.2).
pub fn parse_sts_policy(text: &str) -> Result<StsPolicy, String> {
    let (mut version, mut mode, mut max_age, mut mx) = (None, None, None, Vec::new());
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let (k, v) = line.split_once(':').ok_or_else(|| format!("\"{line}\" is not key: value"))?;
        let v = v.trim();
        match k.trim() {
            "version" => version = Some(v.to_string()),
            "mode" => mode = Some(v.to_string()),
            "max_age" => max_age = Some(v.parse::<u64>().map_err(|_| format!("max_age \"{v}\" is not a number"))?),
            "mx" => mx.push(v.to_ascii_lowercase()),
            _ => {}
        }
    }
    if version.as_deref() != Some("STSv1") {
        return Err("version: STSv1 is missing".into());
    }
    let mode = mode.ok_or("mode: is missing")?;
    if !matches!(mode.as_str(), "enforce" | "testing" | "none") {
        return Err(format!("mode \"{mode}\" is not enforce, testing or none"));
    }
    let max_age = max_age.ok_or("max_age: is missing")?;
    if max_age > 31_557_600 {
        return Err(format!("max_age {max_age} exceeds 31557600"));
    }
    if mode != "none" && mx.is_empty() {
        return Err("no mx: lines".into());
    }
    Ok(StsPolicy { mode, mx, max_age })
}

/// RFC 8461 4.1: "*.example.com" matches exactly one extra leftmost label.
pub fn mx_matches(pattern: &str, host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let pattern = pattern.trim_end_matches('.').to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(suffix) => host.split_once('.').is_some_and(|(first, rest)| !first.is_empty() && rest == suffix),
        None => host == pattern,
    }
}

/// Settings the transport checks need.
pub struct Ctx<'a> {
    /// Resolver.
    pub client: &'a Client,
    /// HTTPS trust, or None to skip fetching the policy.
    pub trust: Option<&'a Trust>,
    /// HTTPS port (443 outside the lab).
    pub https_port: u16,
    /// Timeout for one fetch.
    pub timeout: std::time::Duration,
    /// What the outbound guard lets through.
    pub outbound: outbound::GuardPolicy,
}

/// MTA-STS record and policy.
pub async fn mta_sts(ctx: &Ctx<'_>, domain: &Name, mx: &MxState) -> Vec<Finding> {
    let Some(q) = prefixed("_mta-sts", domain) else {
        return Vec::new();
    };
    let l = ctx.client.query(&q, RecordType::TXT).await;
    if let Some(e) = l.error() {
        return vec![finding("mta-sts-lookup-error", format!("TXT {q}: {e}"))];
    }
    let recs: Vec<String> = l.txt().into_iter().filter(|t| t.starts_with("v=STSv1")).collect();
    match recs.len() {
        0 => return vec![finding("mta-sts-missing", format!("no v=STSv1 TXT at {q}"))],
        1 => {}
        _ => {
            return vec![finding("mta-sts-syntax-error", format!("{} records at {q} (exactly one allowed)", recs.len()))];
        }
    }
    if let Err(e) = parse_sts_txt(&recs[0]) {
        return vec![finding("mta-sts-syntax-error", format!("{q}: {e}: \"{}\"", recs[0]))];
    }
    let Some(trust) = ctx.trust else {
        return Vec::new();
    };
    let Some(host) = prefixed("mta-sts", domain) else {
        return Vec::new();
    };
    let host_s = host.to_ascii().trim_end_matches('.').to_string();
    let url = format!("https://{host_s}/.well-known/mta-sts.txt");
    let addr = match http::resolve_guarded(ctx.client, &host, ctx.outbound).await {
        Ok(a) => a,
        Err(e) => return vec![finding("mta-sts-policy-unreachable", format!("{url}: {e}"))],
    };
    let resp = match http::get_https(trust, addr, ctx.https_port, &host_s, "/.well-known/mta-sts.txt", Versions::Modern, ctx.timeout).await
    {
        Ok(r) => r,
        Err(e) => return vec![finding("mta-sts-policy-unreachable", format!("{url}: {e}"))],
    };
    if let Some(e) = &resp.cert_error {
        return vec![finding("mta-sts-policy-unreachable", format!("{url}: certificate not valid: {e}"))];
    }
    if resp.status != 200 {
        return vec![finding("mta-sts-policy-unreachable", format!("{url}: HTTP {}", resp.status))];
    }
    let policy = match parse_sts_policy(&String::from_utf8_lossy(&resp.body)) {
        Ok(p) => p,
        Err(e) => return vec![finding("mta-sts-syntax-error", format!("{url}: {e}"))],
    };
    let mut out = Vec::new();
    if policy.mode == "testing" {
        out.push(finding("mta-sts-mode-testing", format!("{url}: mode: testing")));
    }
    if let MxState::Hosts(hosts) = mx {
        for h in hosts {
            let hs = h.to_ascii();
            if policy.mode != "none" && !policy.mx.iter().any(|p| mx_matches(p, &hs)) {
                out.push(finding("mta-sts-mx-mismatch", format!("MX {hs} not matched by mx: {}", policy.mx.join(", "))));
            }
        }
    }
    out
}

/// Parse a TLS-RPT record (RFC 8460 3).
pub fn parse_tls_rpt(txt: &str) -> Result<Vec<String>, String> {
    let mut parts = txt.split(';').map(str::trim).filter(|p| !p.is_empty());
    if parts.next() != Some("v=TLSRPTv1") {
        return Err("the record must start with v=TLSRPTv1".into());
    }
    let mut rua = None;
    for p in parts {
        let (k, v) = p.split_once('=').ok_or_else(|| format!("\"{p}\" is not key=value"))?;
        if k.trim() == "rua" {
            let uris: Vec<String> = v.split(',').map(|u| u.trim().to_string()).collect();
            for u in &uris {
                let ok = (u.starts_with("mailto:") && u.contains('@')) || u.starts_with("https://");
                if !ok {
                    return Err(format!("rua \"{u}\" must be a mailto: or https: URI"));
                }
            }
            rua = Some(uris);
        }
    }
    rua.ok_or_else(|| "the required rua= field is missing".into())
}

/// TLS-RPT record.
pub async fn tls_rpt(client: &Client, domain: &Name) -> Vec<Finding> {
    let Some(q) = Name::from_ascii("_smtp._tls.").ok().and_then(|p| p.append_domain(domain).ok()) else {
        return Vec::new();
    };
    let l = client.query(&q, RecordType::TXT).await;
    if let Some(e) = l.error() {
        return vec![finding("mta-sts-lookup-error", format!("TXT {q}: {e}"))];
    }
    let recs: Vec<String> = l.txt().into_iter().filter(|t| t.starts_with("v=TLSRPTv1")).collect();
    match recs.as_slice() {
        [] => vec![finding("tls-rpt-missing", format!("no v=TLSRPTv1 TXT at {q}"))],
        [one] => match parse_tls_rpt(one) {
            Ok(_) => Vec::new(),
            Err(e) => vec![finding("tls-rpt-syntax-error", format!("{q}: {e}: \"{one}\""))],
        },
        many => vec![finding("tls-rpt-syntax-error", format!("{} records at {q} (exactly one allowed)", many.len()))],
    }
}

/// TLSA presence for each MX host (_25._tcp).
pub async fn mx_tlsa(client: &Client, mx: &MxState) -> Vec<Finding> {
    let MxState::Hosts(hosts) = mx else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for h in hosts {
        let Some(q) = Name::from_ascii("_25._tcp.").ok().and_then(|p| p.append_domain(h).ok()) else {
            continue;
        };
        let l = client.query(&q, RecordType::TLSA).await;
        if let Some(e) = l.error() {
            out.push(finding("tlsa-lookup-error", format!("TLSA {q}: {e}")));
        } else if l.is_absent(RecordType::TLSA) {
            out.push(finding("tlsa-missing", format!("no TLSA at {q}")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sts_txt() {
        assert_eq!(parse_sts_txt("v=STSv1; id=20240101T000000"), Ok("20240101T000000".to_string()));
        assert!(parse_sts_txt("v=STSv1;").is_err());
        assert!(parse_sts_txt("id=1; v=STSv1").is_err());
        assert!(parse_sts_txt("v=STSv1; id=has-dash").is_err());
    }

    #[test]
    fn sts_policy() {
        let p = parse_sts_policy("version: STSv1\r\nmode: enforce\r\nmx: mail.example.post\r\nmx: *.example.net\r\nmax_age: 604800\r\n");
        assert_eq!(p.as_ref().map(|p| p.mx.len()), Ok(2));
        assert!(parse_sts_policy("version: STSv1\nmode: enforce\nmax_age: 1\n").is_err());
        assert!(parse_sts_policy("version: STSv1\nmode: always\nmx: a\nmax_age: 1\n").is_err());
        assert!(parse_sts_policy("version: STSv1\nmode: enforce\nmx: a\nmax_age: 99999999999\n").is_err());
    }

    #[test]
    fn wildcards_match_one_label() {
        assert!(mx_matches("*.example.post", "mx1.example.post."));
        assert!(!mx_matches("*.example.post", "a.b.example.post"));
        assert!(!mx_matches("*.example.post", "example.post"));
        assert!(mx_matches("MAIL.example.post", "mail.example.post."));
    }

    #[test]
    fn tls_rpt() {
        assert!(parse_tls_rpt("v=TLSRPTv1; rua=mailto:tls@example.post").is_ok());
        assert!(parse_tls_rpt("v=TLSRPTv1;").is_err());
        assert!(parse_tls_rpt("v=TLSRPTv1; rua=ftp://x").is_err());
    }
}
