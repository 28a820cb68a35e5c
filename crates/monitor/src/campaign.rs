//! Campaign clustering: look-alikes registered together become one STIX `campaign`, each
//! member's indicator tied to it by an `indicates` relationship.
//!
//! Four signals, in this order of strength: a **shared certificate** (the names of one
//! multi-SAN certificate join the campaign of its first look-alike), a **naming template** (the
//! same brand and the same name once digit runs are folded, `laposte-redelivery-12.top` and
//! `laposte-redelivery-47.top`), a **shared address** (look-alikes, of any brand, that the
//! operator's passive DNS records saw on one address that is not shared hosting: see
//! [`crate::pdns`]; opt-in, the watcher itself never resolves a suspect name), and an
//! **issuance burst** (look-alikes of one brand whose certificates one CA issued within
//! [`BURST_SECONDS`] of the burst's first: a kit minting names in a batch). A burst is anchored
//! at its first certificate, so a CA that issues for everyone cannot chain a brand's
//! look-alikes of a whole day into one campaign.
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
/// An issuance burst: certificates for one brand's look-alikes from one CA logged within this
/// many seconds of the burst's first certificate.
pub const BURST_SECONDS: i64 = 600;

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
    /// The CA that issued that certificate (CT sources), for issuance bursts.
    pub issuer: Option<&'a str>,
    /// RFC 3339; for CT sources the time the log recorded the certificate.
    pub first_seen: &'a str,
    /// Addresses the name resolved to that may cluster it (passive DNS, shared ones left out).
    pub addresses: &'a [String],
}

/// A campaign that gained members in this batch: its key and every member it has now
/// (the new ones last), so the caller can write the campaign and the relationships.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grown {
    /// `brand|template` of the campaign's first member.
    pub key: String,
    pub brand: String,
    pub template: String,
    /// Members known, oldest first.
    pub members: Vec<String>,
    /// How many of `members` (the last ones) joined in this batch; all of them when the
    /// campaign has just reached two members.
    pub new: usize,
    pub first_seen: String,
    /// The CA of an issuance burst that brought members in, if one did.
    pub burst_issuer: Option<String>,
    /// The address a member shared with the campaign, if one joined by it.
    pub address: Option<String>,
}

/// The campaigns seen so far by one watcher.
#[derive(Debug, Default)]
pub struct Clusters {
    campaigns: HashMap<String, State>,
    /// Certificate -> the campaign key of its first look-alike.
    certificates: HashMap<String, String>,
    /// `brand|template` -> the campaign its first name joined, when that is another's.
    templates: HashMap<String, String>,
    /// `brand|issuer` -> the campaign key of the current burst and the burst's start (Unix s).
    bursts: HashMap<String, (String, i64)>,
    /// Address -> the campaign of the first look-alike seen on it.
    addresses: HashMap<String, String>,
    order: std::collections::VecDeque<String>,
}

#[derive(Debug)]
struct State {
    brand: String,
    template: String,
    members: Vec<String>,
    first_seen: String,
    burst_issuer: Option<String>,
    address: Option<String>,
}

impl Clusters {
    /// Adds `batch` and returns the campaigns of two members or more that grew.
    pub fn add(&mut self, batch: &[Member<'_>]) -> Vec<Grown> {
        let mut grew: HashMap<String, usize> = HashMap::new();
        for m in batch {
            let (key, by) = self.campaign_of(m);
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
            match by {
                By::Burst if s.burst_issuer.is_none() => s.burst_issuer = m.issuer.map(str::to_string),
                By::Address(a) if s.address.is_none() => s.address = Some(a),
                _ => {}
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
                    burst_issuer: s.burst_issuer.clone(),
                    address: s.address.clone(),
                    key,
                })
            })
            .collect();
        out.sort_by(|a, b| a.key.cmp(&b.key));
        out
    }

    /// The campaign `m` belongs to, strongest signal first, and the signal that put it there;
    /// notes `m`'s certificate, template, addresses and burst for the names that follow.
    fn campaign_of(&mut self, m: &Member<'_>) -> (String, By) {
        let own = format!("{}|{}", m.brand, naming_template(m.domain));
        let burst = m.issuer.zip(unix_seconds(m.first_seen)).map(|(issuer, at)| (format!("{}|{issuer}", m.brand), at));
        let by_certificate = m.certificate.and_then(|c| self.certificates.get(c)).cloned();
        let by_template = self.templates.get(&own).cloned().or_else(|| self.campaigns.contains_key(&own).then(|| own.clone()));
        let by_burst = burst
            .as_ref()
            .and_then(|(b, at)| self.bursts.get(b).filter(|(_, start)| (at - start).abs() <= BURST_SECONDS))
            .map(|(k, _)| k.clone());
        let by_address = m.addresses.iter().find_map(|a| self.addresses.get(a).map(|k| (a.clone(), k.clone())));
        let by = match (&by_certificate, &by_template, &by_address, &by_burst) {
            (None, None, Some((a, _)), _) => By::Address(a.clone()),
            (None, None, None, Some(_)) => By::Burst,
            _ => By::Other,
        };
        let key = by_certificate.or(by_template).or(by_address.map(|(_, k)| k)).or(by_burst).unwrap_or_else(|| own.clone());
        for a in m.addresses {
            self.addresses.entry(a.clone()).or_insert_with(|| key.clone());
        }
        if let Some(c) = m.certificate {
            self.certificates.entry(c.to_string()).or_insert_with(|| key.clone());
        }
        if key != own {
            self.templates.entry(own).or_insert_with(|| key.clone());
        }
        if let Some((b, at)) = burst {
            let current = self.bursts.get(&b).is_some_and(|(_, start)| (at - start).abs() <= BURST_SECONDS);
            if !current {
                self.bursts.insert(b, (key.clone(), at));
            }
        }
        (key, by)
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
            self.templates.retain(|_, k| *k != old);
            self.bursts.retain(|_, (k, _)| *k != old);
            self.addresses.retain(|_, k| *k != old);
        }
        let template = key.split_once('|').map_or(key, |(_, t)| t).to_string();
        let state = State {
            brand: m.brand.to_string(),
            template,
            members: Vec::new(),
            first_seen: m.first_seen.to_string(),
            burst_issuer: None,
            address: None,
        };
        self.campaigns.insert(key.to_string(), state);
        self.order.push_back(key.to_string());
    }
}

/// The signal that put a member in its campaign, when it is one the campaign describes.
enum By {
    Address(String),
    Burst,
    Other,
}

fn unix_seconds(rfc3339: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(rfc3339).ok().map(|t| t.timestamp())
}

/// The id of the campaign `key` for the producer `namespace`.
pub fn campaign_id(namespace: &uuid::Uuid, key: &str) -> String {
    format!("campaign--{}", uuid::Uuid::new_v5(namespace, format!("campaign|{key}").as_bytes()))
}

fn description(g: &Grown, brand_name: &str) -> String {
    let mut why = format!("minted from the template {}", g.template);
    if let Some(ca) = &g.burst_issuer {
        why.push_str(&format!(" or certified by {ca} in one burst"));
    }
    if let Some(a) = &g.address {
        why.push_str(&format!(" or seen on the address {a} (passive DNS)"));
    }
    format!("Names imitating {brand_name} {why} ({} members when last updated).", g.members.len())
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
        "description": description(g, brand_name),
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
        Member { domain, brand, certificate, issuer: None, first_seen: "2026-12-07T10:00:00Z", addresses: &[] }
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
    fn look_alikes_on_one_address_join_one_campaign_across_brands() {
        let mut c = Clusters::default();
        let (one, other) = (["45.67.89.10".to_string()], ["91.92.93.94".to_string()]);
        let on = |domain, brand, addresses| Member { addresses, ..m(domain, brand, None) };
        assert!(c.add(&[on("laposte-colis.top", "fr-laposte", &one[..])]).is_empty());
        let g = c.add(&[on("usps-redelivery.top", "us-usps", &one[..]), on("correos-aduana.xyz", "es-correos", &other[..])]);
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].members, ["laposte-colis.top", "usps-redelivery.top"]);
        assert_eq!(g[0].address.as_deref(), Some("45.67.89.10"));
        let namespace = uuid::Uuid::nil();
        let p = crate::indicator::Producer { namespace: &namespace, identity: None, now: "t", valid_until: "u", marking: "m" };
        let o = objects(&g[0], "La Poste", &namespace, &p, |d| d.to_string());
        assert!(o[0]["description"].as_str().unwrap().contains("seen on the address 45.67.89.10 (passive DNS)"), "{o:?}");
        // A name without addresses (or whose addresses were all shared) joins nothing by address.
        assert!(c.add(&[on("royalmail-fee.top", "gb-royalmail", &[])]).is_empty());
    }

    fn issued<'a>(domain: &'a str, brand: &'a str, issuer: &'a str, at: &'a str) -> Member<'a> {
        Member { domain, brand, certificate: Some(domain), issuer: Some(issuer), first_seen: at, addresses: &[] }
    }

    #[test]
    fn look_alikes_one_ca_certified_in_one_burst_are_one_campaign() {
        let mut c = Clusters::default();
        let le = "C=US, O=Let's Encrypt, CN=R11";
        assert!(c.add(&[issued("laposte-colis.top", "fr-laposte", le, "2026-12-07T10:00:00Z")]).is_empty());
        // Another template, same brand and CA, 9 minutes later: the same burst.
        let g = c.add(&[issued("suivi-la-poste.shop", "fr-laposte", le, "2026-12-07T10:09:00Z")]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].key, "fr-laposte|laposte-colis.top");
        assert_eq!(g[0].members, ["laposte-colis.top", "suivi-la-poste.shop"]);
        assert_eq!(g[0].burst_issuer.as_deref(), Some(le));
        // The burst is anchored at its first certificate: 11 minutes after it is another burst.
        assert!(c.add(&[issued("laposte-frais.top", "fr-laposte", le, "2026-12-07T10:11:00Z")]).is_empty());
        // Another CA, or another brand, in the same minutes: not this campaign.
        assert!(
            c.add(&[issued("colis-laposte.top", "fr-laposte", "C=US, O=Google Trust Services, CN=WR1", "2026-12-07T10:01:00Z")]).is_empty()
        );
        assert!(c.add(&[issued("royalmail-fee.top", "gb-royalmail", le, "2026-12-07T10:02:00Z")]).is_empty());
        // The next name of a template whose first name joined a burst joins that campaign too,
        // whenever it is seen.
        let g = c.add(&[issued("suivi-la-poste.shop", "fr-laposte", le, "2026-12-09T10:00:00Z")]);
        assert!(g.is_empty(), "a name seen again is not a new member: {g:?}");
        let g = c.add(&[Member { domain: "suivi-la-poste.shop", ..m("suivi-la-poste.shop", "fr-laposte", None) }]);
        assert!(g.is_empty());
        let g = c.add(&[issued("suivi-la-poste7.shop", "fr-laposte", "other CA", "2026-12-09T10:00:00Z")]);
        assert!(g.is_empty(), "digits make another template: {g:?}");
        let g = c.add(&[m("laposte-colis.top", "fr-laposte", None)]);
        assert!(g.is_empty());
    }

    #[test]
    fn a_names_tile_entry_without_issuer_or_a_bad_time_never_bursts() {
        let mut c = Clusters::default();
        let at = "2026-12-07T10:00:00Z";
        c.add(&[Member { issuer: None, ..issued("laposte-colis.top", "fr-laposte", "x", at) }]);
        assert!(c.add(&[Member { issuer: None, ..issued("suivi-la-poste.shop", "fr-laposte", "x", at) }]).is_empty());
        c.add(&[issued("laposte-a.top", "fr-laposte", "x", "yesterday")]);
        assert!(c.add(&[issued("laposte-b.top", "fr-laposte", "x", "yesterday")]).is_empty());
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
