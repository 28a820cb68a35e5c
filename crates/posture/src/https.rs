//! The website over HTTPS: reachability, TLS versions offered and refused, certificate chain,
//! host name and expiry, HSTS, the http-to-https redirect, and DANE (TLSA) for port 443.

use std::time::Duration;

use hickory_proto::rr::{Name, RData, RecordType};
use rustls::pki_types::CertificateDer;
use rustls::{CertificateError, ProtocolVersion};

use crate::dns::Client;
use crate::findings::{Finding, Section, finding};
use crate::http::{self, Trust, Versions};

/// Settings for the HTTPS checks.
pub struct Ctx<'a> {
    /// Resolver.
    pub client: &'a Client,
    /// Trusted roots.
    pub trust: &'a Trust,
    /// HTTPS port (443 outside the lab).
    pub https_port: u16,
    /// HTTP port (80 outside the lab).
    pub http_port: u16,
    /// Timeout per connection.
    pub timeout: Duration,
    /// What the outbound guard lets through.
    pub outbound: outbound::GuardPolicy,
}

/// One year, the HSTS max-age internet.nl and browsers' preload lists ask for.
const HSTS_MIN: u64 = 31_536_000;

/// Check the website at `domain`.
pub async fn check(ctx: &Ctx<'_>, domain: &Name) -> Vec<Finding> {
    let host = domain.to_ascii().trim_end_matches('.').to_string();
    let addr = match http::resolve_guarded(ctx.client, domain, ctx.outbound).await {
        Ok(a) => a,
        Err(http::Unreachable::Refused(e)) => return vec![finding("https-address-refused", e)],
        Err(http::Unreachable::Resolve(e)) => return vec![finding("https-unreachable", e)],
    };
    let mut out = Vec::new();
    let (modern, tls13, tls12, tls10, tls11) = tokio::join!(
        http::get_https(ctx.trust, addr, ctx.https_port, &host, "/", Versions::Modern, ctx.timeout),
        http::get_https(ctx.trust, addr, ctx.https_port, &host, "/", Versions::Tls13, ctx.timeout),
        http::get_https(ctx.trust, addr, ctx.https_port, &host, "/", Versions::Tls12, ctx.timeout),
        http::accepts_legacy(addr, ctx.https_port, &host, 0x0301, ctx.timeout),
        http::accepts_legacy(addr, ctx.https_port, &host, 0x0302, ctx.timeout),
    );
    let legacy: Vec<&str> =
        [(tls10, "TLS 1.0"), (tls11, "TLS 1.1")].iter().filter(|(r, _)| matches!(r, Ok(true))).map(|(_, n)| *n).collect();
    if !legacy.is_empty() {
        out.push(finding("https-legacy-tls-enabled", format!("{addr}:{} accepts {}", ctx.https_port, legacy.join(" and "))));
    }
    let resp = match modern {
        Ok(r) => r,
        Err(e) if !legacy.is_empty() => {
            out.push(finding("https-modern-tls-missing", e));
            return out;
        }
        Err(e) => {
            out.push(finding("https-unreachable", e));
            return out;
        }
    };
    if tls13.is_err() {
        out.push(finding(
            "https-tls13-missing",
            format!("{addr}:{} TLS 1.3 handshake failed; TLS 1.2: {}", ctx.https_port, if tls12.is_ok() { "ok" } else { "failed" }),
        ));
    }
    out.extend(cert_findings(&resp.cert_error, &resp.chain, &host));
    match resp.header("strict-transport-security").map(hsts_max_age) {
        Some(Some(age)) if age >= HSTS_MIN => {}
        Some(v) => out.push(finding(
            "https-hsts-missing",
            format!("Strict-Transport-Security max-age {}", v.map_or("unparsable".into(), |a| a.to_string())),
        )),
        None => out.push(finding("https-hsts-missing", "no Strict-Transport-Security header")),
    }
    // No plain HTTP listener at all is fine: there is nothing to downgrade to.
    if let Ok(r) = http::get_http(addr, ctx.http_port, &host, "/", ctx.timeout).await {
        let loc = r.header("location").unwrap_or("");
        if !(matches!(r.status, 301 | 302 | 307 | 308) && loc.starts_with("https://")) {
            out.push(finding("https-no-redirect", format!("http://{host}/ answered {} {}", r.status, loc)));
        }
    }
    out.extend(tlsa(ctx.client, domain, &resp.chain).await);
    if let Some(v) = resp.tls_version
        && v != ProtocolVersion::TLSv1_3
        && v != ProtocolVersion::TLSv1_2
    {
        out.push(finding("https-modern-tls-missing", format!("negotiated {v:?}")));
    }
    out
}

fn hsts_max_age(v: &str) -> Option<u64> {
    v.split(';').find_map(|d| {
        let (k, val) = d.trim().split_once('=')?;
        k.trim().eq_ignore_ascii_case("max-age").then(|| val.trim().trim_matches('"').parse().ok()).flatten()
    })
}

fn cert_findings(err: &Option<rustls::Error>, chain: &[CertificateDer<'static>], host: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let leaf = chain.first().and_then(|c| x509_parser::parse_x509_certificate(c.as_ref()).ok().map(|(_, x)| x));
    let left = leaf.as_ref().map(|l| (l.validity().not_after.timestamp() - chrono::Utc::now().timestamp()) / 86_400);
    let facts = leaf
        .as_ref()
        .map(|l| {
            format!(
                "subject {}, issuer {}, not after {}, {} certificate(s) sent",
                l.subject(),
                l.issuer(),
                l.validity().not_after,
                chain.len()
            )
        })
        .unwrap_or_else(|| "no certificate".into());
    match err {
        None => {}
        Some(rustls::Error::InvalidCertificate(ce)) => match ce {
            CertificateError::Expired
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYet
            | CertificateError::NotValidYetContext { .. } => out.push(finding("https-cert-expired", facts.clone())),
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                out.push(finding("https-cert-hostname-mismatch", format!("{host}: {facts}")))
            }
            CertificateError::UnknownIssuer => {
                // A leaf whose issuer is not itself, sent alone: most likely the intermediate is missing.
                let self_signed = leaf.as_ref().is_some_and(|l| l.subject() == l.issuer());
                let code = if chain.len() == 1 && !self_signed { "https-cert-chain-incomplete" } else { "https-cert-untrusted" };
                out.push(finding(code, facts.clone()))
            }
            other => out.push(finding("https-cert-untrusted", format!("{other:?}: {facts}"))),
        },
        Some(other) => out.push(finding("https-cert-untrusted", format!("{other}: {facts}"))),
    }
    if err.is_none()
        && let Some(d) = left.filter(|d| *d < 14)
    {
        out.push(finding("https-cert-expiring", format!("{d} days left: {facts}")));
    }
    out
}

/// DANE for the website: TLSA at _443._tcp must match a certificate the server sends.
async fn tlsa(client: &Client, domain: &Name, chain: &[CertificateDer<'static>]) -> Vec<Finding> {
    let Some(q) = Name::from_ascii("_443._tcp.").ok().and_then(|p| p.append_domain(domain).ok()) else {
        return Vec::new();
    };
    let l = client.query(&q, RecordType::TLSA).await;
    let in_https = |mut f: Finding| {
        f.section = Section::Https;
        f
    };
    if let Some(e) = l.error() {
        return vec![in_https(finding("tlsa-lookup-error", format!("TLSA {q}: {e}")))];
    }
    let recs: Vec<_> = l
        .rdata(RecordType::TLSA)
        .into_iter()
        .filter_map(|d| match d {
            RData::TLSA(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    if recs.is_empty() {
        return vec![in_https(finding("tlsa-missing", format!("no TLSA at {q}")))];
    }
    let any = recs.iter().any(|t| {
        let usage = u8::from(t.cert_usage);
        let certs: Vec<&CertificateDer> = match usage {
            1 | 3 => chain.iter().take(1).collect(),
            _ => chain.iter().skip(1).collect(),
        };
        certs.iter().any(|c| tlsa_matches(u8::from(t.selector), u8::from(t.matching), &t.cert_data, c))
    });
    if any {
        Vec::new()
    } else {
        let ev = recs
            .iter()
            .map(|t| format!("{} {} {} {}", u8::from(t.cert_usage), u8::from(t.selector), u8::from(t.matching), hex(&t.cert_data)))
            .collect::<Vec<_>>()
            .join("; ");
        vec![finding("tlsa-mismatch", format!("{q}: {ev}"))]
    }
}

/// RFC 6698 2.1: selector 0 full certificate / 1 SubjectPublicKeyInfo; matching 0 raw / 1 SHA-256 / 2 SHA-512.
pub fn tlsa_matches(selector: u8, matching: u8, data: &[u8], cert: &CertificateDer) -> bool {
    let content: Vec<u8> = match selector {
        0 => cert.as_ref().to_vec(),
        1 => match x509_parser::parse_x509_certificate(cert.as_ref()) {
            Ok((_, x)) => x.tbs_certificate.subject_pki.raw.to_vec(),
            Err(_) => return false,
        },
        _ => return false,
    };
    match matching {
        0 => content == data,
        1 => ring::digest::digest(&ring::digest::SHA256, &content).as_ref() == data,
        2 => ring::digest::digest(&ring::digest::SHA512, &content).as_ref() == data,
        _ => false,
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hsts_parsing() {
        assert_eq!(hsts_max_age("max-age=31536000; includeSubDomains"), Some(31_536_000));
        assert_eq!(hsts_max_age("includeSubDomains; MAX-AGE=\"60\""), Some(60));
        assert_eq!(hsts_max_age("preload"), None);
    }
}
