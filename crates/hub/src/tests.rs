//! Hub behaviour with several organisations: provenance, TLP on every read path, paging.

use std::sync::Arc;

use serde_json::json;
use store::{Role, SqliteStore};
use tlp::Tlp;

use super::*;

struct World {
    _dir: tempfile::TempDir,
    hub: Hub,
    collection: String,
}

fn world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(dir.path()).expect("store");
    let hub = Hub::open(Arc::new(store), HubConfig::default()).expect("hub");
    for (name, cc) in [("La Poste", "FR"), ("Correos", "ES"), ("Posta Shqiptare", "AL")] {
        hub.add_org(name, Some(cc), "test").expect("org");
    }
    let spec = CollectionSpec {
        title: "smishing".into(),
        description: None,
        read: ReadGrant::AllMembers,
        write: vec!["La Poste".into(), "Correos".into()],
        public: true,
    };
    let collection = hub.add_collection(&spec, "test").expect("collection").id;
    World { _dir: dir, hub, collection }
}

fn member(w: &World, org: &str, role: Role) -> Principal {
    let t = w.hub.issue_token(org, role, "test").expect("token");
    w.hub.authenticate(Some(&format!("Bearer {}", t.token))).expect("auth")
}

fn indicator(n: u32, marking: Option<&str>, recipients: &[&str]) -> serde_json::Value {
    let mut o = json!({
        "type": "indicator", "spec_version": "2.1",
        "id": format!("indicator--00000000-0000-4000-8000-{n:012}"),
        "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
        "pattern": format!("[domain-name:value = 'laposte-{n}.top']"), "pattern_type": "stix",
        "valid_from": "2024-01-01T00:00:00Z", "indicator_types": ["malicious-activity"]
    });
    if let Some(m) = marking {
        o["object_marking_refs"] = json!([m]);
    }
    if !recipients.is_empty() {
        o["x_postern_recipients"] = json!(recipients);
    }
    o
}

fn bundle(objects: Vec<serde_json::Value>) -> Vec<u8> {
    serde_json::to_vec(&json!({"type": "bundle", "id": "bundle--00000000-0000-4000-8000-000000000000", "objects": objects})).expect("json")
}

fn ids(page: &Page) -> Vec<String> {
    page.objects.iter().map(|o| o.object_id.clone()).collect()
}

fn all_ids(w: &World, who: &Principal) -> Vec<String> {
    let f = Filters::default();
    ids(&w.hub.objects_page(who, &w.collection, "objects", &f).expect("page"))
}

#[test]
fn tlp_holds_on_every_read_path() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let correos = member(&w, "Correos", Role::Analyst);
    let posta = member(&w, "Posta Shqiptare", Role::Reader);
    let correos_identity = w.hub.org("Correos").expect("org").identity_id;
    let objects = vec![
        indicator(1, Some(tlp::TLP2_CLEAR), &[]),
        indicator(2, Some(tlp::TLP2_GREEN), &[]),
        indicator(3, Some(tlp::TLP2_AMBER), &[]),
        indicator(4, Some(tlp::TLP2_RED), &[&correos_identity]),
        indicator(5, Some(tlp::TLP2_AMBER_STRICT), &[]),
        indicator(6, None, &[]),
    ];
    let status = w.hub.add_objects(&poste, &w.collection, &bundle(objects)).expect("add");
    assert_eq!((status.success_count, status.failure_count), (6, 0), "{status:?}");
    assert!(status.successes[4].message.as_deref().is_some_and(|m| m.contains("only your organisation")));

    let id = |n: u32| format!("indicator--00000000-0000-4000-8000-{n:012}");
    assert_eq!(all_ids(&w, &poste), (1..=6).map(id).collect::<Vec<_>>());
    assert_eq!(all_ids(&w, &correos), [1, 2, 3, 4, 6].map(id).to_vec());
    assert_eq!(all_ids(&w, &posta), [1, 2, 3, 6].map(id).to_vec());
    assert_eq!(all_ids(&w, &Principal::Anonymous), [1].map(id).to_vec());

    // Object by id, versions and delete answer 404 for what the reader may not see.
    let f = Filters::default();
    assert!(matches!(w.hub.object_page(&posta, &w.collection, &id(4), &f), Err(HubError::NotFound(_))));
    assert!(matches!(w.hub.versions_page(&posta, &w.collection, &id(5), &f), Err(HubError::NotFound(_))));
    assert!(matches!(w.hub.delete_object(&correos, &w.collection, &id(5), &f), Err(HubError::NotFound(_))));
    assert!(w.hub.object_page(&correos, &w.collection, &id(4), &f).is_ok());
    // The status resource is its poster's only.
    assert!(w.hub.status(&poste, &status.id).is_ok());
    assert!(matches!(w.hub.status(&correos, &status.id), Err(HubError::NotFound(_))));
}

#[test]
fn provenance_is_stamped_or_checked() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let poste_identity = w.hub.org("La Poste").expect("org").identity_id;
    let correos_identity = w.hub.org("Correos").expect("org").identity_id;
    let mut forged = indicator(1, Some(tlp::TLP2_GREEN), &[]);
    forged["created_by_ref"] = json!(correos_identity);
    let honest = indicator(2, Some(tlp::TLP2_GREEN), &[]);
    let status = w.hub.add_objects(&poste, &w.collection, &bundle(vec![forged, honest])).expect("add");
    assert_eq!((status.success_count, status.failure_count), (1, 1));
    assert!(status.failures[0].message.as_deref().is_some_and(|m| m.starts_with("403")));
    let page = w.hub.objects_page(&poste, &w.collection, "objects", &Filters::default()).expect("page");
    let stored: serde_json::Value = serde_json::from_str(&page.objects[0].body).expect("json");
    assert_eq!(stored["created_by_ref"], json!(poste_identity));
}

#[test]
fn one_bad_object_never_sinks_its_bundle_and_reposts_are_idempotent() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let mut bad_pattern = indicator(2, None, &[]);
    bad_pattern["pattern"] = json!("[domain-name:value = 'x'");
    let objects = vec![indicator(1, None, &[]), bad_pattern, json!({"type": "indicator"}), json!(42)];
    let status = w.hub.add_objects(&poste, &w.collection, &bundle(objects.clone())).expect("add");
    assert_eq!((status.total_count, status.success_count, status.failure_count), (4, 1, 3));
    let again = w.hub.add_objects(&poste, &w.collection, &bundle(objects)).expect("add");
    assert!(again.successes[0].message.as_deref().is_some_and(|m| m.contains("already stored")));
    assert_eq!(all_ids(&w, &poste).len(), 1);
    let mut newer = indicator(1, None, &[]);
    newer["modified"] = json!("2024-02-01T00:00:00.000Z");
    w.hub.add_objects(&poste, &w.collection, &bundle(vec![newer])).expect("add");
    let v = w
        .hub
        .versions_page(&poste, &w.collection, "indicator--00000000-0000-4000-8000-000000000001", &Filters::default())
        .expect("versions");
    assert_eq!(v.versions, vec!["2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z"]);
}

#[test]
fn writes_need_the_right_role_and_grant() {
    let w = world();
    let posta = member(&w, "Posta Shqiptare", Role::Analyst);
    let reader = member(&w, "La Poste", Role::Reader);
    let body = bundle(vec![indicator(1, None, &[])]);
    assert!(matches!(w.hub.add_objects(&posta, &w.collection, &body), Err(HubError::Forbidden(_))));
    assert!(matches!(w.hub.add_objects(&reader, &w.collection, &body), Err(HubError::Forbidden(_))));
    assert!(matches!(w.hub.add_objects(&Principal::Anonymous, &w.collection, &body), Err(HubError::Unauthenticated(_))));
    let denied = w.hub.store().entries(0, 1000).expect("audit").into_iter().filter(|e| e.outcome == "denied").count();
    assert_eq!(denied, 3);
}

#[test]
fn duplicate_versions_in_one_bundle_are_refused_whole() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let body = bundle(vec![indicator(1, None, &[]), indicator(2, None, &[]), indicator(1, None, &[])]);
    match w.hub.add_objects(&poste, &w.collection, &body) {
        Err(HubError::BadRequest { field, .. }) => assert_eq!(field, "objects[2].id"),
        other => panic!("expected a 400, got {other:?}"),
    }
    assert!(all_ids(&w, &poste).is_empty(), "nothing is half-written");
}

#[test]
fn paging_is_complete_while_writers_keep_adding() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let correos = member(&w, "Correos", Role::Analyst);
    let mut n = 0;
    let mut batch = |count: u32| {
        let objs: Vec<_> = (0..count)
            .map(|_| {
                n += 1;
                // Every third one is RED for La Poste only: Correos must page past them.
                indicator(n, Some(if n % 3 == 0 { tlp::TLP2_RED } else { tlp::TLP2_GREEN }), &[])
            })
            .collect();
        w.hub.add_objects(&poste, &w.collection, &bundle(objs)).expect("add");
    };
    batch(40);
    let mut seen = Vec::new();
    let mut filters = Filters { limit: Some(7), ..Filters::default() };
    let mut rounds = 0;
    loop {
        let page = w.hub.objects_page(&correos, &w.collection, "objects", &filters).expect("page");
        assert!(page.objects.len() <= 7);
        seen.extend(ids(&page));
        rounds += 1;
        if rounds < 4 {
            batch(10); // writers keep adding while the reader pages
        }
        match page.next {
            Some(next) => filters.next = Some(next),
            None => break,
        }
    }
    let expected: Vec<String> = (1..=70).filter(|i| i % 3 != 0).map(|i| format!("indicator--00000000-0000-4000-8000-{i:012}")).collect();
    assert_eq!(seen, expected, "no loss, no duplicate, date_added order");
}

#[test]
fn first_start_bootstrap_token_is_issued_once() {
    let w = world();
    let first = w.hub.bootstrap_admin_token().expect("bootstrap");
    assert!(first.as_ref().is_some_and(|t| t.role == Role::Admin && t.org == "hub"));
    assert_eq!(w.hub.bootstrap_admin_token().expect("bootstrap"), None);
    let t = first.expect("token");
    w.hub.revoke_token(&t.id, "test").expect("revoke");
    assert!(matches!(w.hub.authenticate(Some(&format!("Bearer {}", t.token))), Err(HubError::Unauthenticated(_))));
    assert_eq!(Tlp::from_marking_id(tlp::TLP1_WHITE), Some(Tlp::Clear));
}

#[test]
fn cached_tokens_still_check_the_secret_and_revocation_takes_effect_at_once() {
    let w = world();
    let t = w.hub.bootstrap_admin_token().expect("bootstrap").expect("token");
    let bearer = format!("Bearer {}", t.token);
    // The first call reads the database and fills the cache; the second is answered from it.
    for _ in 0..2 {
        assert!(w.hub.authenticate(Some(&bearer)).expect("valid token").is_admin());
    }
    let (id, _) = crate::parse_token(&t.token).expect("token shape");
    let forged = format!("Bearer pst_{id}_{}", "A".repeat(43));
    assert!(matches!(w.hub.authenticate(Some(&forged)), Err(HubError::Unauthenticated(_))), "a cached id with another secret");
    // A clone shares the cache, as the server's handlers do.
    let other = w.hub.clone();
    other.revoke_token(&t.id, "test").expect("revoke");
    assert!(matches!(w.hub.authenticate(Some(&bearer)), Err(HubError::Unauthenticated(_))), "revoked while cached");
}

#[test]
fn only_the_producer_versions_and_the_refusal_reads_the_same_seen_or_hidden() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let correos = member(&w, "Correos", Role::Analyst);
    let green = indicator(1, Some(tlp::TLP2_GREEN), &[]);
    let red = indicator(2, Some(tlp::TLP2_RED), &[]);
    w.hub.add_objects(&poste, &w.collection, &bundle(vec![green.clone(), red.clone()])).expect("add");
    let mut refusals = Vec::new();
    for original in [&green, &red] {
        let mut newer = original.clone();
        newer["modified"] = json!("2262-04-11T23:47:16.000Z");
        newer["revoked"] = json!(true);
        for attempt in [original.clone(), newer] {
            let status = w.hub.add_objects(&correos, &w.collection, &bundle(vec![attempt])).expect("add");
            assert_eq!((status.success_count, status.failure_count), (0, 1), "{status:?}");
            refusals.push(status.failures[0].message.clone());
        }
    }
    assert!(refusals.iter().all(|m| *m == refusals[0]), "{refusals:?}");
    // La Poste's versions stay the latest, and La Poste still versions its own objects.
    let page = w.hub.objects_page(&poste, &w.collection, "objects", &Filters::default()).expect("page");
    assert!(page.objects.iter().all(|o| !o.body.contains("revoked")), "{page:?}");
    let mut update = green.clone();
    update["modified"] = json!("2024-02-01T00:00:00.000Z");
    let status = w.hub.add_objects(&poste, &w.collection, &bundle(vec![update])).expect("add");
    assert_eq!(status.success_count, 1);
}

#[test]
fn a_hub_administrator_may_correct_another_producers_object_and_it_is_audited() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let spec = CollectionSpec {
        title: "moderated".into(),
        description: None,
        read: ReadGrant::AllMembers,
        write: vec!["La Poste".into(), "hub".into()],
        public: false,
    };
    let col = w.hub.add_collection(&spec, "test").expect("collection").id;
    let original = indicator(1, Some(tlp::TLP2_GREEN), &[]);
    w.hub.add_objects(&poste, &col, &bundle(vec![original.clone()])).expect("add");
    let mut correction = original;
    correction["modified"] = json!("2024-03-01T00:00:00.000Z");
    correction["revoked"] = json!(true);
    let analyst = member(&w, "hub", Role::Analyst);
    let status = w.hub.add_objects(&analyst, &col, &bundle(vec![correction.clone()])).expect("add");
    assert_eq!(status.failure_count, 1, "a hub analyst is not an administrator");
    let admin = member(&w, "hub", Role::Admin);
    let status = w.hub.add_objects(&admin, &col, &bundle(vec![correction])).expect("add");
    assert_eq!(status.success_count, 1, "{status:?}");
    let audit = w.hub.store().entries(0, 1000).expect("audit");
    assert!(audit.iter().any(|e| e.detail.contains("as hub administrator") && e.detail.contains("indicator--")), "{audit:?}");
}

#[test]
fn identities_are_bound_on_first_use_and_speak_for_one_organisation() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let correos = member(&w, "Correos", Role::Analyst);
    let platform = "identity--6a0c4f1e-8c4b-4f0a-9e55-0d1f7b2c3a41";
    let author = json!({"type": "identity", "spec_version": "2.1", "id": platform, "created": "2024-01-01T00:00:00.000Z",
        "modified": "2024-01-01T00:00:00.000Z", "name": "La Poste CERT (OpenCTI)", "identity_class": "organization"});
    let mut by_platform = indicator(1, Some(tlp::TLP2_GREEN), &[]);
    by_platform["created_by_ref"] = json!(platform);
    let status = w.hub.add_objects(&poste, &w.collection, &bundle(vec![author.clone(), by_platform.clone()])).expect("add");
    assert_eq!((status.success_count, status.failure_count), (2, 0), "{status:?}");
    // The same bundle again is an idempotent re-post, object for object.
    let again = w.hub.add_objects(&poste, &w.collection, &bundle(vec![author.clone(), by_platform])).expect("add");
    assert!(again.successes.iter().all(|d| d.message.as_deref().is_some_and(|m| m.starts_with("already stored"))), "{again:?}");
    assert_eq!(w.hub.identity_bindings(Some("La Poste")).expect("list").len(), 1);
    // Another member cannot share as that identity, nor post its identity object.
    let mut squat = indicator(2, Some(tlp::TLP2_GREEN), &[]);
    squat["created_by_ref"] = json!(platform);
    let status = w.hub.add_objects(&correos, &w.collection, &bundle(vec![squat.clone(), author])).expect("add");
    assert_eq!(status.failure_count, 2, "{status:?}");
    // An administrator moves it: Correos's next post binds it to Correos.
    w.hub.unbind_identity(platform, "test").expect("unbind");
    let status = w.hub.add_objects(&correos, &w.collection, &bundle(vec![squat])).expect("add");
    assert_eq!(status.success_count, 1, "{status:?}");
    let audit = w.hub.store().entries(0, 1000).expect("audit");
    assert_eq!(audit.iter().filter(|e| e.action == "identity.bind").count(), 2);
    assert!(w.hub.bind_identity("Correos", "identity--not-a-uuid", "test").is_err());
}

#[test]
fn reserved_tlp_marking_definitions_cannot_be_replaced() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let fake = json!({"type": "marking-definition", "spec_version": "2.1", "id": tlp::TLP2_RED, "created": "2017-01-20T00:00:00.000Z",
        "definition_type": "statement", "definition": {"statement": "not really red"}, "name": "TLP:RED"});
    let status = w.hub.add_objects(&poste, &w.collection, &bundle(vec![fake])).expect("add");
    assert_eq!(status.success_count, 1, "{status:?}");
    assert!(status.successes[0].message.as_deref().is_some_and(|m| m.contains("reserved")), "{status:?}");
    assert!(all_ids(&w, &poste).is_empty());
}

#[test]
fn platform_tlp_markings_are_reserved_or_honoured_never_read_as_unmarked() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let correos = member(&w, "Correos", Role::Analyst);
    // OpenCTI's shapes of the reserved markings: TLP:CLEAR on the 1.0 white id, and its own
    // AMBER+STRICT id with no definition at all.
    let clear = json!({"type": "marking-definition", "spec_version": "2.1", "id": tlp::TLP1_WHITE, "created": "2017-01-20T00:00:00.000Z",
        "definition_type": "tlp", "name": "TLP:CLEAR", "definition": {"tlp": "clear"}});
    let strict = json!({"type": "marking-definition", "spec_version": "2.1", "id": tlp::OPENCTI_AMBER_STRICT, "created": "2022-01-01T00:00:00.000Z",
        "definition_type": "TLP", "name": "TLP:AMBER+STRICT"});
    // A platform's own RED marking, declared in the bundle.
    let custom = "marking-definition--0c8a5f3e-6d1b-4e2a-9f7c-3b5d1e9a2c40";
    let custom_red = json!({"type": "marking-definition", "spec_version": "2.1", "id": custom, "created": "2024-01-01T00:00:00.000Z",
        "definition_type": "tlp", "name": "TLP:RED", "definition": {"tlp": "red"}});
    let by_openct_strict = indicator(1, Some(tlp::OPENCTI_AMBER_STRICT), &[]);
    let by_custom_red = indicator(2, Some(custom), &[]);
    let status =
        w.hub.add_objects(&poste, &w.collection, &bundle(vec![clear, strict, custom_red, by_openct_strict, by_custom_red])).expect("add");
    assert_eq!((status.success_count, status.failure_count), (5, 0), "{status:?}");
    assert!(status.successes[..2].iter().all(|d| d.message.as_deref().is_some_and(|m| m.contains("reserved"))), "{status:?}");
    let seen_by_correos = all_ids(&w, &correos);
    assert!(!seen_by_correos.iter().any(|id| id.starts_with("indicator--")), "{seen_by_correos:?}");
    assert_eq!(all_ids(&w, &poste).iter().filter(|id| id.starts_with("indicator--")).count(), 2);
}

#[test]
fn an_unmarked_observable_takes_the_level_of_the_marked_objects_that_refer_to_it() {
    let w = world();
    let poste = member(&w, "La Poste", Role::Analyst);
    let correos = member(&w, "Correos", Role::Analyst);
    let url = json!({"type": "url", "spec_version": "2.1", "id": "url--4d2f6a1c-9b3e-5c7d-8e1f-2a3b4c5d6e7f", "value": "https://colis-frais.top/pay"});
    let lone =
        json!({"type": "url", "spec_version": "2.1", "id": "url--4d2f6a1c-9b3e-5c7d-8e1f-000000000000", "value": "https://other.top/"});
    // misp-stix marks the observed-data of a tlp:red attribute, not the observable itself.
    let observed = json!({"type": "observed-data", "spec_version": "2.1", "id": "observed-data--5e3a7b2d-0c4f-4d8e-9f2a-3b4c5d6e7f80",
        "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "first_observed": "2024-01-01T00:00:00Z",
        "last_observed": "2024-01-01T00:00:00Z", "number_observed": 1, "object_refs": [url["id"]], "object_marking_refs": [tlp::TLP2_RED]});
    let status = w.hub.add_objects(&poste, &w.collection, &bundle(vec![url.clone(), observed, lone.clone()])).expect("add");
    assert_eq!(status.success_count, 3, "{status:?}");
    let seen = all_ids(&w, &correos);
    assert!(!seen.contains(&url["id"].as_str().expect("id").to_string()), "{seen:?}");
    assert!(seen.contains(&lone["id"].as_str().expect("id").to_string()), "an unreferenced observable keeps the default: {seen:?}");
}
