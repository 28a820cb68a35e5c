//! Validation tests: one valid example per accepted type, then targeted breakages whose
//! messages are asserted verbatim.

use serde_json::{Value, json};

use super::*;

const ID_A: &str = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";
const IND: &str = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
const TLP_AMBER: &str = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
const TLP_RED: &str = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
const T1: &str = "2024-01-01T00:00:00.000Z";
const T2: &str = "2024-02-01T00:00:00.000Z";

/// `Ok(kind)` expects a valid object of that family, `Err(msg)` the exact error display.
fn check(obj: Value, expected: Result<ObjectKind, &str>) {
    let got = validate_object(&obj).map(|s| s.kind).map_err(|e| e.to_string());
    assert_eq!(got.as_ref().map_err(String::as_str), expected.as_ref().map_err(|e| *e), "object {obj}");
}

/// `base` with `patch`'s keys set (null removes a key).
fn with(base: &Value, patch: Value) -> Value {
    let mut out = base.clone();
    if let (Value::Object(o), Value::Object(p)) = (&mut out, patch) {
        for (k, v) in p {
            match v {
                Value::Null => o.remove(&k),
                v => o.insert(k, v),
            };
        }
    }
    out
}

fn sdo(t: &str, uuid: &str, extra: Value) -> Value {
    with(&json!({"type": t, "spec_version": "2.1", "id": format!("{t}--{uuid}"), "created": T1, "modified": T2}), extra)
}

fn indicator() -> Value {
    json!({
        "type": "indicator", "spec_version": "2.1", "id": IND, "created": T1, "modified": T2,
        "created_by_ref": ID_A, "name": "La Poste smishing domain", "indicator_types": ["malicious-activity"],
        "pattern": "[domain-name:value = 'laposte-colis.example']", "pattern_type": "stix", "valid_from": T1,
        "object_marking_refs": [TLP_AMBER],
        "granular_markings": [{"selectors": ["name"], "marking_ref": TLP_RED}],
        "x_postern_recipients": [ID_A],
        "external_references": [{"source_name": "postern", "url": "https://isac.example/1"}],
        "labels": ["smishing"], "confidence": 80, "lang": "fr", "revoked": false,
    })
}

const U: &str = "6b5ac1a1-5a5f-4a34-8e60-2d7bbd2d2c64";

#[test]
fn summary_of_a_full_indicator() {
    let s = validate_object(&indicator()).unwrap();
    assert_eq!(
        s,
        ObjectSummary {
            id: IND.into(),
            object_type: "indicator".into(),
            spec_version: "2.1".into(),
            created: Some(T1.into()),
            modified: Some(T2.into()),
            created_by_ref: Some(ID_A.into()),
            marking_refs: vec![TLP_AMBER.into(), TLP_RED.into()],
            recipients: vec![ID_A.into()],
            kind: ObjectKind::Sdo,
        }
    );
}

#[test]
fn every_accepted_type_has_a_valid_example() {
    use ObjectKind::*;
    let cases: Vec<(Value, ObjectKind)> = vec![
        (indicator(), Sdo),
        (sdo("attack-pattern", U, json!({"name": "Spearphishing Link"})), Sdo),
        (sdo("campaign", U, json!({"name": "Colis bloqué", "first_seen": T1, "last_seen": T2})), Sdo),
        (sdo("course-of-action", U, json!({"name": "Block domain"})), Sdo),
        (sdo("grouping", U, json!({"context": "suspicious-activity", "object_refs": [IND]})), Sdo),
        (sdo("identity", U, json!({"name": "La Poste", "identity_class": "organization", "sectors": ["transportation"]})), Sdo),
        (sdo("incident", U, json!({"name": "Smishing wave"})), Sdo),
        (sdo("infrastructure", U, json!({"name": "Bulletproof host", "infrastructure_types": ["hosting-malware"]})), Sdo),
        (sdo("intrusion-set", U, json!({"name": "Smishing Triad"})), Sdo),
        (sdo("location", U, json!({"country": "fr"})), Sdo),
        (sdo("location", U, json!({"latitude": 48.85, "longitude": 2.35, "precision": 1000.0})), Sdo),
        (sdo("malware", U, json!({"is_family": true, "name": "FluBot"})), Sdo),
        (sdo("malware", U, json!({"is_family": false})), Sdo),
        (sdo("malware-analysis", U, json!({"product": "sandbox", "result": "malicious"})), Sdo),
        (sdo("note", U, json!({"content": "seen in FR", "object_refs": [IND]})), Sdo),
        (
            sdo(
                "observed-data",
                U,
                json!({"first_observed": T1, "last_observed": T2, "number_observed": 3, "object_refs": ["domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5"]}),
            ),
            Sdo,
        ),
        (sdo("opinion", U, json!({"opinion": "agree", "object_refs": [IND]})), Sdo),
        (sdo("report", U, json!({"name": "Weekly", "published": T2, "object_refs": [IND]})), Sdo),
        (sdo("threat-actor", U, json!({"name": "X", "threat_actor_types": ["criminal"]})), Sdo),
        (sdo("tool", U, json!({"name": "sms-gateway"})), Sdo),
        (sdo("vulnerability", U, json!({"name": "CVE-2024-0001"})), Sdo),
        (sdo("relationship", U, json!({"relationship_type": "indicates", "source_ref": IND, "target_ref": format!("campaign--{U}")})), Sro),
        (
            sdo(
                "sighting",
                U,
                json!({"sighting_of_ref": IND, "count": 0, "where_sighted_refs": [ID_A], "first_seen": T1, "last_seen": T1}),
            ),
            Sro,
        ),
        (
            json!({"type": "marking-definition", "spec_version": "2.1", "id": TLP_AMBER, "created": "2022-10-01T00:00:00.000Z", "name": "TLP:AMBER",
            "extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {"extension_type": "property-extension", "tlp_2_0": "amber"}}}),
            Meta,
        ),
        (
            json!({"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "created": "2017-01-20T00:00:00.000Z",
            "definition_type": "tlp", "name": "TLP:AMBER", "definition": {"tlp": "amber"}}),
            Meta,
        ),
        (
            json!({"type": "marking-definition", "spec_version": "2.1", "id": format!("marking-definition--{U}"), "created": T1,
            "definition_type": "statement", "definition": {"statement": "Copyright ISAC"}}),
            Meta,
        ),
        (sdo("language-content", U, json!({"object_ref": IND, "contents": {"de": {"name": "x"}}})), Meta),
        (
            sdo(
                "extension-definition",
                U,
                json!({"created_by_ref": ID_A, "name": "phone", "schema": "https://x", "version": "1.0", "extension_types": ["new-sco"]}),
            ),
            Meta,
        ),
        (json!({"type": "domain-name", "id": "domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5", "value": "laposte-colis.example"}), Sco),
        (json!({"type": "url", "spec_version": "2.1", "id": format!("url--{U}"), "value": "https://laposte-colis.example/suivi"}), Sco),
        (json!({"type": "ipv4-addr", "id": format!("ipv4-addr--{U}"), "value": "198.51.100.0/24"}), Sco),
        (json!({"type": "ipv4-addr", "id": format!("ipv4-addr--{U}"), "value": "198.51.100.3"}), Sco),
        (json!({"type": "ipv6-addr", "id": format!("ipv6-addr--{U}"), "value": "2001:db8::/32"}), Sco),
        (json!({"type": "email-addr", "id": format!("email-addr--{U}"), "value": "noreply@poste.example"}), Sco),
        (
            json!({"type": "file", "id": format!("file--{U}"), "hashes": {"SHA-256": "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f", "TLSH": "T1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F80912345"}}),
            Sco,
        ),
        (json!({"type": "file", "id": format!("file--{U}"), "name": "colis.apk"}), Sco),
        (json!({"type": "x-phone-number", "id": format!("x-phone-number--{U}"), "value": "+33 6 12 34 56 78"}), Sco),
        (
            json!({"type": "phone-number", "id": format!("phone-number--{U}"), "value": "+447700900123",
            "extensions": {"extension-definition--f93e2c80-4231-4f9a-af8b-95c9bd566a82": {"extension_type": "new-sco"}}}),
            Sco,
        ),
        (
            json!({"type": "artifact", "id": format!("artifact--{U}"), "mime_type": "application/zip", "url": "https://x.example/a.zip"}),
            Sco,
        ),
        (json!({"type": "autonomous-system", "id": format!("autonomous-system--{U}"), "number": 64496, "name": "EXAMPLE-AS"}), Sco),
        (json!({"type": "directory", "id": format!("directory--{U}"), "path": "C:\\Users\\poste"}), Sco),
        (
            json!({"type": "email-message", "id": format!("email-message--{U}"), "is_multipart": false, "subject": "Votre colis",
            "from_ref": format!("email-addr--{U}"), "to_refs": [format!("email-addr--{U}")], "date": T1}),
            Sco,
        ),
        (json!({"type": "mac-addr", "id": format!("mac-addr--{U}"), "value": "d2:fb:49:24:37:18"}), Sco),
        (json!({"type": "mutex", "id": format!("mutex--{U}"), "name": "__CLEANSWEEP__"}), Sco),
        (
            json!({"type": "network-traffic", "id": format!("network-traffic--{U}"), "protocols": ["ipv4", "tcp"],
            "dst_ref": format!("ipv4-addr--{U}"), "dst_port": 443}),
            Sco,
        ),
        (json!({"type": "process", "id": format!("process--{U}"), "pid": 1221, "command_line": "sms.exe"}), Sco),
        (json!({"type": "software", "id": format!("software--{U}"), "name": "Colis Tracker", "version": "2.1"}), Sco),
        (json!({"type": "user-account", "id": format!("user-account--{U}"), "account_login": "poste", "is_privileged": false}), Sco),
        (json!({"type": "windows-registry-key", "id": format!("windows-registry-key--{U}"), "key": "HKEY_LOCAL_MACHINE\\SOFTWARE"}), Sco),
        (json!({"type": "x509-certificate", "id": format!("x509-certificate--{U}"), "issuer": "CN=R3", "is_self_signed": false}), Sco),
        (sdo("x-postal-campaign", U, json!({"x_brand": "laposte"})), Sdo),
        (json!({"type": "x-sender-id", "id": format!("x-sender-id--{U}"), "value": "LAPOSTE"}), Sco),
    ];
    for (obj, kind) in cases {
        check(obj, Ok(kind));
    }
}

#[test]
fn common_property_errors() {
    let ind = indicator();
    let c = |patch: Value, msg: &str| check(with(&ind, patch), Err(msg));
    c(
        json!({"modified": "2023-12-01T00:00:00.000Z"}),
        "property 'modified': must be >= created (2023-12-01T00:00:00.000Z < 2024-01-01T00:00:00.000Z)",
    );
    c(
        json!({"modified": "2024-03-01T00:00:00.1Z"}),
        "property 'modified': must be precise to the millisecond (YYYY-MM-DDTHH:MM:SS.sssZ), got '2024-03-01T00:00:00.1Z'",
    );
    c(
        json!({"created": "2024-01-01T00:00:00Z"}),
        "property 'created': must be precise to the millisecond (YYYY-MM-DDTHH:MM:SS.sssZ), got '2024-01-01T00:00:00Z'",
    );
    c(
        json!({"granular_markings": [{"selectors": ["name", "description"], "marking_ref": TLP_RED}]}),
        "property 'granular_markings[0].selectors[1]': 'description' selects no property of this object",
    );
    c(json!({"type": "x--y"}), "property 'type': 'x--y' is not a valid type name (3-250 characters of a-z, 0-9, '-')");
    c(
        json!({"created": "2024-01-01T00:00:00+01:00"}),
        "property 'created': not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): must end in 'Z' (UTC) (got '2024-01-01T00:00:00+01:00')",
    );
    c(json!({"modified": null}), "property 'modified': required property is missing");
    c(json!({"spec_version": null}), "property 'spec_version': required property is missing");
    c(json!({"spec_version": "2.0"}), "property 'spec_version': only STIX 2.1 objects are accepted, got '2.0'");
    c(
        json!({"id": "campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"}),
        "property 'id': expected 'indicator--<uuid>', got 'campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'",
    );
    check(with(&ind, json!({"id": "indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F"})), Ok(ObjectKind::Sdo));
    c(
        json!({"id": "indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f"}),
        "property 'id': 'indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f' does not end in an RFC 4122 UUID",
    );
    c(
        json!({"id": "indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f"}),
        "property 'id': 'indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f' does not end in an RFC 4122 UUID",
    );
    c(
        json!({"created_by_ref": TLP_RED}),
        "property 'created_by_ref': must reference identity, got 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'",
    );
    c(
        json!({"object_marking_refs": [TLP_AMBER, ID_A]}),
        "property 'object_marking_refs[1]': must reference marking-definition, got 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff'",
    );
    c(json!({"object_marking_refs": []}), "property 'object_marking_refs': must not be an empty list (omit the property instead)");
    c(
        json!({"granular_markings": [{"selectors": ["name"], "marking_ref": "tlp:red"}]}),
        "property 'granular_markings[0].marking_ref': expected an identifier 'type--<uuid>', got 'tlp:red'",
    );
    c(json!({"granular_markings": [{"marking_ref": TLP_RED}]}), "property 'granular_markings[0].selectors': required property is missing");
    c(
        json!({"granular_markings": [{"selectors": ["name"]}]}),
        "property 'granular_markings[0].marking_ref': required property is missing (or lang)",
    );
    c(
        json!({"x_postern_recipients": ["La Poste"]}),
        "property 'x_postern_recipients[0]': expected an identifier 'type--<uuid>', got 'La Poste'",
    );
    c(
        json!({"x_postern_recipients": [TLP_RED]}),
        "property 'x_postern_recipients[0]': must reference identity, got 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'",
    );
    c(json!({"confidence": 101}), "property 'confidence': must be between 0 and 100, got 101");
    c(json!({"confidence": 5.5}), "property 'confidence': must be an integer between 0 and 100, got 5.5");
    c(json!({"labels": "smishing"}), "property 'labels': expected a list of strings, got a string");
    c(json!({"labels": ["a", 1]}), "property 'labels[1]': expected a string, got a number");
    c(json!({"lang": "fr FR"}), "property 'lang': not an RFC 5646 language tag: 'fr FR'");
    c(json!({"revoked": "no"}), "property 'revoked': expected a boolean, got a string");
    c(
        json!({"external_references": [{"url": "https://x"}]}),
        "property 'external_references[0].source_name': required property is missing",
    );
    c(
        json!({"external_references": [{"source_name": "x"}]}),
        "property 'external_references[0]': an external reference needs description, url or external_id besides source_name",
    );
    c(
        json!({"external_references": [{"source_name": "x", "url": "u", "hashes": {"SHA-256": "abc"}}]}),
        "property 'external_references[0].hashes.'SHA-256'': SHA-256 must be 64 hex digits, got 'abc'",
    );
    c(json!({"xCustom": 1}), "property 'xCustom': property names must be 3 to 250 characters of a-z, 0-9 and '_'");
    c(
        json!({"extensions": {"extension-definition--nope": {}}}),
        "property 'extensions.'extension-definition--nope'': expected an identifier 'type--<uuid>', got 'extension-definition--nope'",
    );
    c(json!({"type": "bogus"}), "property 'type': unsupported type 'bogus'");
    c(json!({"type": "X-Bad"}), "property 'type': 'X-Bad' is not a valid type name (3-250 characters of a-z, 0-9, '-')");
    c(json!({"type": null}), "property 'type': required property is missing");
    check(json!([1]), Err("object is not a JSON object (found an array)"));
}

#[test]
fn type_specific_errors() {
    let ind = indicator();
    let c = |base: &Value, patch: Value, msg: &str| check(with(base, patch), Err(msg));
    c(&ind, json!({"pattern": null}), "property 'pattern': required property is missing");
    c(
        &ind,
        json!({"valid_until": T1}),
        "property 'valid_until': must be > valid_from (2024-01-01T00:00:00.000Z <= 2024-01-01T00:00:00.000Z)",
    );
    c(
        &ind,
        json!({"pattern": "[domain-name:value = 'x'"}),
        "property 'pattern': at column 25: expected ']' after comparison, found end of pattern",
    );
    check(with(&ind, json!({"pattern": "alert tcp any", "pattern_type": "snort"})), Ok(ObjectKind::Sdo));
    c(
        &ind,
        json!({"kill_chain_phases": [{"kill_chain_name": "x"}]}),
        "property 'kill_chain_phases[0].phase_name': required property is missing",
    );

    let campaign = sdo("campaign", U, json!({"name": "c"}));
    c(
        &campaign,
        json!({"first_seen": T2, "last_seen": T1}),
        "property 'last_seen': must be >= first_seen (2024-01-01T00:00:00.000Z < 2024-02-01T00:00:00.000Z)",
    );
    c(&campaign, json!({"name": null}), "property 'name': required property is missing");
    c(&sdo("malware", U, json!({"is_family": true})), json!({}), "property 'name': required when is_family is true");
    c(&sdo("malware", U, json!({})), json!({}), "property 'is_family': required property is missing");
    c(&sdo("location", U, json!({})), json!({}), "property 'region': a location needs region, country, or latitude and longitude");
    c(&sdo("location", U, json!({"latitude": 1.0})), json!({}), "property 'longitude': required when latitude is present");
    c(&sdo("location", U, json!({"latitude": 91, "longitude": 0})), json!({}), "property 'latitude': must be between -90 and 90, got 91");
    c(&sdo("location", U, json!({"country": "fr", "precision": 5.0})), json!({}), "property 'precision': needs latitude and longitude");
    let od = sdo("observed-data", U, json!({"first_observed": T1, "last_observed": T2, "number_observed": 1, "object_refs": [IND]}));
    c(&od, json!({"number_observed": 0}), "property 'number_observed': must be between 1 and 999999999, got 0");
    c(&od, json!({"number_observed": 1_000_000_000}), "property 'number_observed': must be between 1 and 999999999, got 1000000000");
    c(&od, json!({"object_refs": null}), "property 'object_refs': required property is missing");
    c(&od, json!({"objects": {"0": {}}}), "property 'objects': deprecated; not allowed together with object_refs");
    let opinion = sdo("opinion", U, json!({"opinion": "agree", "object_refs": [IND]}));
    c(
        &opinion,
        json!({"opinion": "maybe"}),
        "property 'opinion': must be one of strongly-disagree, disagree, neutral, agree, strongly-agree, got 'maybe'",
    );
    c(&sdo("report", U, json!({"name": "r", "object_refs": [IND]})), json!({}), "property 'published': required property is missing");
    c(
        &sdo("grouping", U, json!({"context": "x", "object_refs": ["nope"]})),
        json!({}),
        "property 'object_refs[0]': expected an identifier 'type--<uuid>', got 'nope'",
    );
    let sighting = sdo("sighting", U, json!({"sighting_of_ref": IND}));
    c(&sighting, json!({"count": -1}), "property 'count': must be between 0 and 999999999, got -1");
    c(
        &sighting,
        json!({"where_sighted_refs": [IND]}),
        "property 'where_sighted_refs[0]': must reference identity or location, got 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'",
    );
    c(&sighting, json!({"sighting_of_ref": null}), "property 'sighting_of_ref': required property is missing");
    let rel = sdo("relationship", U, json!({"relationship_type": "indicates", "source_ref": IND, "target_ref": IND}));
    c(&rel, json!({"relationship_type": "Indicates"}), "property 'relationship_type': must be a-z, 0-9 and '-' only, got 'Indicates'");
    c(&rel, json!({"target_ref": null}), "property 'target_ref': required property is missing");
    c(
        &rel,
        json!({"start_time": T2, "stop_time": T1}),
        "property 'stop_time': must be > start_time (2024-01-01T00:00:00.000Z <= 2024-02-01T00:00:00.000Z)",
    );
}

#[test]
fn meta_and_sco_errors() {
    let md = json!({"type": "marking-definition", "spec_version": "2.1", "id": TLP_AMBER, "created": T1});
    check(
        md.clone(),
        Err("property 'definition_type': a marking-definition needs definition_type and definition, or extensions (TLP 2.0)"),
    );
    check(
        with(&md, json!({"definition_type": "tlp", "definition": {"tlp": "orange"}})),
        Err("property 'definition.tlp': must be one of white, clear, green, amber, amber+strict, red, got 'orange'"),
    );
    check(
        with(&md, json!({"definition_type": "statement", "definition": {}})),
        Err("property 'definition.statement': required property is missing"),
    );
    check(
        with(
            &md,
            json!({"extensions": {"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {"extension_type": "property-extension", "tlp_2_0": "purple"}}}),
        ),
        Err(
            "property 'extensions.'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'.tlp_2_0': must be one of clear, green, amber, amber+strict, red, got 'purple'",
        ),
    );
    check(with(&md, json!({"created": null})), Err("property 'created': required property is missing"));

    let sco = |t: &str, v: &str| json!({"type": t, "id": format!("{t}--{U}"), "value": v});
    check(sco("ipv4-addr", "198.51.100.300"), Err("property 'value': not an IPv4 address or CIDR block: '198.51.100.300'"));
    check(sco("ipv4-addr", "198.51.100.0/33"), Err("property 'value': not an IPv4 address or CIDR block: '198.51.100.0/33'"));
    check(sco("ipv6-addr", "2001:db8::g"), Err("property 'value': not an IPv6 address or CIDR block: '2001:db8::g'"));
    check(sco("email-addr", "no-at-sign"), Err("property 'value': not an email address: 'no-at-sign'"));
    check(sco("domain-name", "a b.example"), Err("property 'value': not a domain name: 'a b.example'"));
    check(sco("url", "not a url"), Err("property 'value': not a URL: 'not a url'"));
    check(sco("x-phone-number", "call me"), Err("property 'value': not a phone number (optional '+', 4 to 15 digits): 'call me'"));
    check(json!({"type": "url", "id": format!("url--{U}")}), Err("property 'value': required property is missing"));
    check(json!({"type": "url", "id": format!("url--{U}"), "value": 5}), Err("property 'value': expected a string, got a number"));
    check(
        with(&sco("url", "https://x"), json!({"spec_version": "2.0"})),
        Err("property 'spec_version': only STIX 2.1 objects are accepted, got '2.0'"),
    );
    check(json!({"type": "file", "id": format!("file--{U}"), "size": 1}), Err("property 'hashes': a file needs hashes or name"));
    check(
        json!({"type": "file", "id": format!("file--{U}"), "hashes": {"MD5": "xyz"}}),
        Err("property 'hashes.'MD5'': MD5 must be 32 hex digits, got 'xyz'"),
    );
    check(json!({"type": "file", "id": format!("file--{U}"), "hashes": {}}), Err("property 'hashes': must not be empty"));
    check(
        json!({"type": "file", "id": format!("file--{U}"), "hashes": {"TLSH": "T1AB"}}),
        Err("property 'hashes.'TLSH'': TLSH must be 70 letters or digits, got 'T1AB'"),
    );
    check(
        json!({"type": "file", "id": format!("file--{U}"), "hashes": {"SHA 256": "ab"}}),
        Err("property 'hashes.'SHA 256'': hash algorithm names are 3 to 250 of A-Z a-z 0-9 _ -"),
    );
    check(json!({"type": "file", "id": "file--nope", "name": "x"}), Err("property 'id': 'file--nope' does not end in an RFC 4122 UUID"));
}

#[test]
fn marking_refs_merge_object_and_granular_without_repeats() {
    let obj = with(
        &indicator(),
        json!({"granular_markings": [
            {"selectors": ["name"], "marking_ref": TLP_AMBER},
            {"selectors": ["labels.[0]"], "lang": "en"},
            {"selectors": ["pattern"], "marking_ref": TLP_RED},
        ]}),
    );
    let s = validate_object(&obj).unwrap();
    assert_eq!(s.marking_refs, vec![TLP_AMBER.to_string(), TLP_RED.to_string()]);
    let sco = validate_object(&json!({"type": "url", "id": format!("url--{U}"), "value": "https://x", "object_marking_refs": [TLP_RED]}))
        .unwrap();
    assert_eq!((sco.created, sco.modified, sco.spec_version.as_str(), sco.marking_refs), (None, None, "2.1", vec![TLP_RED.to_string()]));
}
