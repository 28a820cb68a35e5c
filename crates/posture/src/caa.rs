//! CAA (RFC 8659): the relevant record set (climbing to the parent) and unknown critical tags.

use hickory_proto::rr::{Name, RData, RecordType};

use crate::dns::Client;
use crate::findings::{Finding, finding};

/// Property tags CAs understand (RFC 8659, RFC 8657 issuemail, the VMC draft, contact tags).
const KNOWN_TAGS: &[&str] = &["issue", "issuewild", "iodef", "issuemail", "issuevmc", "contactemail", "contactphone"];

/// Check CAA for `domain`, climbing towards the root as CAs do (RFC 8659 3).
pub async fn check(client: &Client, domain: &Name) -> Vec<Finding> {
    let mut name = domain.clone();
    loop {
        let l = client.query(&name, RecordType::CAA).await;
        if let Some(e) = l.error() {
            return vec![finding("caa-lookup-error", format!("CAA {name}: {e}"))];
        }
        let recs: Vec<_> = l
            .rdata(RecordType::CAA)
            .into_iter()
            .filter_map(|d| match d {
                RData::CAA(c) => Some(c.clone()),
                _ => None,
            })
            .collect();
        if !recs.is_empty() {
            let mut out = Vec::new();
            for c in &recs {
                let tag = c.tag.to_ascii_lowercase();
                if c.issuer_critical && !KNOWN_TAGS.contains(&tag.as_str()) {
                    let ev = format!("{name} CAA 128 {} \"{}\"", c.tag, String::from_utf8_lossy(&c.value));
                    out.push(finding("caa-unknown-critical-tag", ev));
                }
            }
            return out;
        }
        // Stop below the public suffix: a TLD's CAA is not the domain owner's statement.
        if name.num_labels() <= 2 || name.is_root() {
            return vec![finding("caa-missing", format!("no CAA at {domain} or its parents"))];
        }
        name = name.base_name();
    }
}
