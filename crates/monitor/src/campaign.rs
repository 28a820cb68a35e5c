//! Campaign clustering: look-alikes registered together become one STIX `campaign`, each
//! member's indicator tied to it by an `indicates` relationship.
//!
//! Two signals, both visible in the names themselves: a **naming template** (the same brand and
//! the same name once digit runs are folded, `laposte-redelivery-12.top` and
//! `laposte-redelivery-47.top`), and a **shared certificate** (the names of one multi-SAN
//! certificate join the campaign of its first look-alike). Issuer bursts and resolved addresses
//! are not used: the watcher resolves nothing and one CA issues for everyone.
//!
//! A campaign exists once it has two members. Ids are derived from the producer's namespace and
//! the campaign's key, so every run and every restart names the same campaign the same way.

use std::collections::HashMap;

use serde_json::{Value, json};

/// Members remembered per campaign; beyond this a campaign keeps growing in the hub but new
/// members are linked without being remembered.
const MEMBERS_KEPT: usize = 10_000;
/// Campaign keys remembered; the oldest are forgotten beyond this, so memory stays bounded.
const CAMPAIGNS_KEPT: usize = 100_000;

/// The naming template of `domain`: digit runs folded to `#`, so that names minted from one
/// pattern share it. The brand is part of the key beside it.
pub fn naming_template(domain: &str) -> String {
    let mut out = String::with_capacity(domain.len());
    let mut in_digits = false;
    for c in domain.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

/// One hit as clustering sees it.
#[derive(Debug, Clone)]
pub struct Member<'a> {
    pub domain: &'a str,
    pub brand: &'a str,
    /// The certificate the name came from (CT sources), so its other names join this one.
    pub certificate: Option<&'a str>,
    /// RFC 3339.
    pub first_seen: &'a str,
}

/// A campaign that gained members in this batch: its key and every member it has now
/// (the new ones last), so the caller can write the campaign and the relationships.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grown {
    /// `brand|template`.
    pub key: String,
    pub brand: String,
    pub template: String,
    /// Members known, oldest first.
    pub members: Vec<String>,
    /// How many of `members` (the last ones) joined in this batch; all of them when the
    /// campaign has just reached two members.
    pub new: usize,
    pub first_seen: String,
}

/// The campaigns seen so far by one watcher.
#[derive(Debug, Default)]
pub struct Clusters {
    campaigns: HashMap<String, State>,
    /// Certificate -> the campaign key of its first look-alike.
    certificates: HashMap<String, String>,
    order: std::collections::VecDeque<String>,
}

#[derive(Debug)]
struct State {
    brand: String,
    template: String,
    members: Vec<String>,
    first_seen: String,
}

impl Clusters {
    /// Adds `batch` and returns the campaigns of two members or more that grew.
    pub fn add(&mut self, batch: &[Member<'_>]) -> Vec<Grown> {
        let mut grew: HashMap<String, usize> = HashMap::new();
        for m in batch {
            let own = format!("{}|{}", m.brand, naming_template(m.domain));
            let key = match m.certificate {
                Some(c) => self.certificates.entry(c.to_string()).or_insert_with(|| own.clone()).clone(),
                None => own,
            };
            if !self.campaigns.contains_key(&key) {
                self.remember(&key, m);
            }
            let Some(s) = self.campaigns.get_mut(&key) else { continue };
            if s.members.iter().any(|d| d == m.domain) {
                continue;
            }
            if s.members.len() < MEMBERS_KEPT {
                s.members.push(m.domain.to_string());
            }
            if m.first_seen < s.first_seen.as_str() {
                s.first_seen = m.first_seen.to_string();
            }
            *grew.entry(key).or_default() += 1;
        }
        let mut out: Vec<Grown> = grew
            .into_iter()
            .filter_map(|(key, added)| {
                let s = self.campaigns.get(&key)?;
                (s.members.len() >= 2).then(|| Grown {
                    // Reaching two members makes the first one a member too.
                    new: if s.members.len() - added < 2 { s.members.len() } else { added },
                    brand: s.brand.clone(),
                    template: s.template.clone(),
                    members: s.members.clone(),
                    first_seen: s.first_seen.clone(),
                    key,
                })
            })
            .collect();
        out.sort_by(|a, b| a.key.cmp(&b.key));
        out
    }

    /// Adds members already published (a restarted watcher's earlier hits), so that the next
    /// name of their template joins them; nothing is returned.
    pub fn seed(&mut self, known: &[Member<'_>]) {
        self.add(known);
    }

    fn remember(&mut self, key: &str, m: &Member<'_>) {
        if self.order.len() >= CAMPAIGNS_KEPT
            && let Some(old) = self.order.pop_front()
        {
            self.campaigns.remove(&old);
            self.certificates.retain(|_, k| *k != old);
        }
        let template = key.split_once('|').map_or(key, |(_, t)| t).to_string();
        let state = State { brand: m.brand.to_string(), template, members: Vec::new(), first_seen: m.first_seen.to_string() };
        self.campaigns.insert(key.to_string(), state);
        self.order.push_back(key.to_string());
    }
}

/// The id of the campaign `key` for the producer `namespace`.
pub fn campaign_id(namespace: &uuid::Uuid, key: &str) -> String {
    format!("campaign--{}", uuid::Uuid::new_v5(namespace, format!("campaign|{key}").as_bytes()))
}

/// The STIX objects of a grown campaign: the campaign and one `indicates` relationship from
/// each new member's indicator (`indicator_id` gives a member's indicator id).
pub fn objects(
    g: &Grown,
    brand_name: &str,
    namespace: &uuid::Uuid,
    p: &crate::indicator::Producer<'_>,
    indicator_id: impl Fn(&str) -> String,
) -> Vec<Value> {
    let id = campaign_id(namespace, &g.key);
    let mut campaign = json!({
        "type": "campaign", "spec_version": "2.1", "id": id, "created": p.now, "modified": p.now,
        "name": format!("Look-alikes of {brand_name}: {}", g.template),
        "description": format!("Names imitating {brand_name} minted from the template {} ({} members when last updated).", g.template, g.members.len()),
        "first_seen": g.first_seen,
        "labels": ["monitor", format!("brand:{}", g.brand)],
        "object_marking_refs": [p.marking],
    });
    if let Some(by) = p.identity {
        campaign["created_by_ref"] = json!(by);
    }
    let mut out = vec![campaign];
    for domain in &g.members[g.members.len() - g.new..] {
        let source = indicator_id(domain);
        let rel = uuid::Uuid::new_v5(namespace, format!("indicates|{source}|{id}").as_bytes());
        let mut r = json!({
            "type": "relationship", "spec_version": "2.1", "id": format!("relationship--{rel}"), "created": p.now, "modified": p.now,
            "relationship_type": "indicates", "source_ref": source, "target_ref": id, "object_marking_refs": [p.marking],
        });
        if let Some(by) = p.identity {
            r["created_by_ref"] = json!(by);
        }
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<'a>(domain: &'a str, brand: &'a str, certificate: Option<&'a str>) -> Member<'a> {
        Member { domain, brand, certificate, first_seen: "2026-12-07T10:00:00Z" }
    }

    #[test]
    fn templates_fold_digit_runs() {
        let check = |d: &str, t: &str| assert_eq!(naming_template(d), t, "{d}");
        check("laposte-redelivery-12.top", "laposte-redelivery-#.top");
        check("usps-2024-fee7.xyz", "usps-#-fee#.xyz");
        check("correos.com-aduana.info", "correos.com-aduana.info");
    }

    #[test]
    fn a_template_becomes_a_campaign_at_its_second_member() {
        let mut c = Clusters::default();
        assert!(c.add(&[m("laposte-redelivery-12.top", "fr-laposte", None)]).is_empty(), "one name is no campaign");
        let g = c.add(&[m("laposte-redelivery-47.top", "fr-laposte", None), m("usps-fee.top", "us-usps", None)]);
        assert_eq!(g.len(), 1);
        assert_eq!((g[0].key.as_str(), g[0].new), ("fr-laposte|laposte-redelivery-#.top", 2));
        assert_eq!(g[0].members, ["laposte-redelivery-12.top", "laposte-redelivery-47.top"]);
        let g = c.add(&[m("laposte-redelivery-9.top", "fr-laposte", None), m("laposte-redelivery-47.top", "fr-laposte", None)]);
        assert_eq!((g[0].new, g[0].members.len()), (1, 3), "a name seen again is not a new member");
        // The same template under another brand is another campaign.
        assert!(c.add(&[m("laposte-redelivery-1.top", "gb-royalmail", None)]).is_empty());
    }

    #[test]
    fn a_seeded_member_joins_the_campaign_of_the_next_name_of_its_template() {
        let mut c = Clusters::default();
        c.seed(&[m("laposte-redelivery-12.top", "fr-laposte", None)]);
        let g = c.add(&[m("laposte-redelivery-47.top", "fr-laposte", None)]);
        assert_eq!((g[0].members.len(), g[0].new), (2, 2));
    }

    #[test]
    fn names_of_one_certificate_join_the_campaign_of_its_first_look_alike() {
        let mut c = Clusters::default();
        let g = c.add(&[m("laposte-colis.top", "fr-laposte", Some("cert-1")), m("suivi-laposte-frais.top", "fr-laposte", Some("cert-1"))]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].members, ["laposte-colis.top", "suivi-laposte-frais.top"]);
    }

    #[test]
    fn objects_are_a_campaign_and_indicates_relationships_with_stable_ids() {
        let mut c = Clusters::default();
        c.add(&[m("laposte-redelivery-12.top", "fr-laposte", None)]);
        let g = c.add(&[m("laposte-redelivery-47.top", "fr-laposte", None)]).remove(0);
        let ns = uuid::Uuid::from_u128(7);
        let p = crate::indicator::Producer {
            namespace: &ns,
            identity: Some("identity--1"),
            now: "2026-12-07T10:00:00.000Z",
            valid_until: "2026-12-14T10:00:00.000Z",
            marking: "marking-definition--x",
        };
        let objs = objects(&g, "La Poste", &ns, &p, |d| format!("indicator--{d}"));
        assert_eq!(objs.len(), 3);
        assert_eq!(objs[0]["type"], "campaign");
        assert_eq!(objs[0]["name"], "Look-alikes of La Poste: laposte-redelivery-#.top");
        assert_eq!(objs[0]["id"], campaign_id(&ns, "fr-laposte|laposte-redelivery-#.top"));
        assert_eq!(objs[1]["relationship_type"], "indicates");
        assert_eq!(objs[2]["source_ref"], "indicator--laposte-redelivery-47.top");
        assert_eq!(objs[2]["target_ref"], objs[0]["id"]);
        let again = objects(&g, "La Poste", &ns, &p, |d| format!("indicator--{d}"));
        assert_eq!(again, objs, "the same campaign and relationships every run");
    }
}
