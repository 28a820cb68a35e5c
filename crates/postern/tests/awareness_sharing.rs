//! What leaves a post's awareness work, end to end with the real binary: a staff report of a
//! real message becomes, in the hub, a STIX sighting of the known indicator its link matches
//! (with observed-data of every link), under the post's chosen TLP, read back over TAXII; and
//! the ISAC's benchmark over a synthetic population of posts shows a figure only once five
//! opted-in posts of at least five people each contribute, never a post's own.

mod common;

use common::{Server, TAXII, client, fixture};
use serde_json::{Value, json};

fn post_json(server: &Server, token: &str, method: reqwest::Method, path: &str, body: &Value) -> (u16, Value) {
    let r = client().request(method, format!("{}{path}", server.url)).bearer_auth(token).json(body).send().expect("request");
    (r.status().as_u16(), r.json().unwrap_or(Value::Null))
}

fn get_json(server: &Server, token: &str, path: &str) -> (u16, Value) {
    let r = client().get(format!("{}{path}", server.url)).bearer_auth(token).send().expect("get");
    (r.status().as_u16(), r.json().unwrap_or(Value::Null))
}

#[test]
fn a_real_report_becomes_a_sighting_of_the_known_indicator_under_the_posts_tlp() {
    let f = fixture();
    let data = f.dir.path();
    let admin = common::cli(data, &["token", "issue", "--org", "La Poste", "--role", "admin"])["token"].as_str().expect("t").to_string();
    let server = Server::start(data);
    // A known indicator of the phishing domain, shared by Correos.
    let indicator = common::indicator(7, tlp::TLP2_GREEN);
    let r = client()
        .post(format!("{}/isac/collections/{}/objects/", server.url, f.collection))
        .bearer_auth(&f.tokens["Correos"])
        .header("content-type", TAXII)
        .header("accept", TAXII)
        .json(&json!({"objects": [indicator]}))
        .send()
        .expect("add indicator");
    assert!(r.status().is_success(), "{}", r.status());
    let (status, policy) = post_json(&server, &admin, reqwest::Method::PUT, "/api/v1/awareness/policy", &json!({"report_tlp": "green"}));
    assert_eq!((status, policy["report_tlp"].as_str()), (200, Some("green")), "{policy}");
    let (status, _) = post_json(&server, &admin, reqwest::Method::PUT, "/api/v1/awareness/policy", &json!({"report_tlp": "purple"}));
    assert_eq!(status, 400);

    // The blocklists refresh every second: report once the indicator is in them.
    let message = "Votre colis est retenu. Payez 1,99 EUR: http://colis-7.laposte-frais.top/pay et http://suivi-colis.example/x";
    let mut shared = Value::Null;
    common::smtp::wait_until(
        "the indicator in the blocklists",
        std::time::Duration::from_secs(30),
        std::time::Duration::from_millis(500),
        || {
            let (status, answer) =
                post_json(&server, &f.tokens["La Poste"], reqwest::Method::POST, "/api/v1/awareness/reports", &json!({"message": message}));
            assert_eq!(status, 200, "{answer}");
            shared = answer["triage"]["shared"].clone();
            shared["sightings"].as_array().is_some_and(|s| !s.is_empty())
        },
    );
    assert_eq!((shared["tlp"].as_str(), shared["observed"].as_u64()), (Some("green"), Some(2)), "{shared}");
    assert_eq!(shared["sightings"][0], indicator["id"]);

    // Over TAXII, as Correos: the sighting of its indicator, where La Poste saw it, with the
    // observed-data of the link, all TLP:GREEN; nothing names the person who reported.
    let objects = |t: &str| -> Vec<Value> {
        let r = client()
            .get(format!("{}/isac/collections/{}/objects/?match[type]={t}", server.url, shared["collection"].as_str().expect("c")))
            .bearer_auth(&f.tokens["Correos"])
            .header("accept", TAXII)
            .send()
            .expect("taxii");
        r.json::<Value>().expect("envelope")["objects"].as_array().cloned().unwrap_or_default()
    };
    let sightings = objects("sighting");
    let s = sightings.iter().find(|s| s["sighting_of_ref"] == indicator["id"]).expect("a sighting of the indicator");
    assert_eq!(s["where_sighted_refs"][0].as_str(), Some(f.identities["La Poste"].as_str()));
    assert_eq!(s["object_marking_refs"][0], tlp::TLP2_GREEN);
    let observed = objects("observed-data");
    let o = observed.iter().find(|o| o["id"] == s["observed_data_refs"][0]).expect("the sighting's observed-data");
    assert_eq!(o["object_marking_refs"][0], tlp::TLP2_GREEN);
    let urls: Vec<Value> = objects("url");
    let seen = urls.iter().find(|u| u["id"] == o["object_refs"][0]).expect("the observable");
    assert_eq!(seen["value"], "http://colis-7.laposte-frais.top/pay");
    assert!(urls.iter().any(|u| u["value"] == "http://suivi-colis.example/x"), "the unknown link is observed-data only");
    assert!(sightings.iter().all(|s| s["sighting_of_ref"] == indicator["id"]), "no sighting without a known indicator");
}

/// Creates a dry-run campaign of `people` for the token's post and reports `reports` of its
/// links through the report button.
fn population(server: &Server, token: &str, people: usize, reports: usize) {
    let csv: String = std::iter::once("email,group".to_string())
        .chain((0..people).map(|i| format!("p{i}@post.example,counter")))
        .collect::<Vec<_>>()
        .join("\n");
    let body = json!({"name": "Synthetic", "channel": "email", "template": "redelivery-email", "dry_run": true, "targets_csv": csv});
    let (status, created) = post_json(server, token, reqwest::Method::POST, "/api/v1/awareness/campaigns", &body);
    assert_eq!(status, 201, "{created}");
    for link in created["links"].as_array().expect("links").iter().take(reports) {
        let message = json!({"message": format!("Is this real? {}", link["url"].as_str().expect("url"))});
        let (status, answer) = post_json(server, token, reqwest::Method::POST, "/api/v1/awareness/reports", &message);
        assert_eq!((status, answer["simulation"].as_bool()), (200, Some(true)), "{answer}");
    }
}

#[test]
fn the_isac_sees_a_benchmark_only_from_five_opted_in_posts_of_five_people() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    let posts = ["Post A", "Post B", "Post C", "Post D", "Post E", "Post F", "Post G"];
    let mut tokens = Vec::new();
    for (i, p) in posts.iter().enumerate() {
        common::cli(data, &["org", "add", p, "--country", ["FR", "ES", "PT", "IT", "BE", "LU", "CH"][i]]);
        tokens.push(common::cli(data, &["token", "issue", "--org", p, "--role", "admin"])["token"].as_str().expect("t").to_string());
    }
    let server = Server::start(data);
    let isac = server.admin_token.clone().expect("the hub's first admin token");
    // Posts A-E: 5 people, 2 report (40 %); F: 3 people only; G runs campaigns but never opts in.
    for (i, t) in tokens.iter().enumerate() {
        population(&server, t, if i == 5 { 3 } else { 5 }, 2);
    }
    let bench = || {
        let (status, b) = get_json(&server, &isac, "/api/v1/awareness/benchmark");
        assert_eq!(status, 200, "{b}");
        b
    };
    let hard = |b: &Value| b["cells"].as_array().expect("cells").iter().find(|c| c["difficulty"] == "hard").cloned().expect("hard");
    let opt_in = |t: &str| {
        let (status, p) = post_json(&server, t, reqwest::Method::PUT, "/api/v1/awareness/policy", &json!({"isac_opt_in": true}));
        assert_eq!((status, p["isac_opt_in"].as_bool()), (200, Some(true)), "{p}");
    };
    for t in &tokens[..4] {
        opt_in(t);
    }
    opt_in(&tokens[5]);
    let b = bench();
    assert_eq!(
        (b["opted_in"].as_u64(), hard(&b)["organisations"].as_u64(), hard(&b)["suppressed"].as_bool()),
        (Some(5), Some(4), Some(true)),
        "{b}"
    );
    assert!(hard(&b).get("report_rate_percent").is_none(), "four posts of five people (and one of three) show nothing: {b}");
    opt_in(&tokens[4]);
    let b = bench();
    let h = hard(&b);
    assert_eq!((h["organisations"].as_u64(), h["suppressed"].as_bool()), (Some(5), Some(false)), "{b}");
    assert_eq!((h["report_rate_percent"].as_i64(), h["confirmed_click_rate_percent"].as_i64()), (Some(40), Some(0)), "{b}");
    let text = b.to_string();
    assert!(posts.iter().all(|p| !text.contains(p)) && !text.contains("post.example"), "no post or person is named: {text}");
    // Only the ISAC reads it: a post's own administrator may not.
    assert_eq!(get_json(&server, &tokens[0], "/api/v1/awareness/benchmark").0, 403);
    // A post that withdraws is out at once: back under five.
    let (status, _) = post_json(&server, &tokens[0], reqwest::Method::PUT, "/api/v1/awareness/policy", &json!({"isac_opt_in": false}));
    assert_eq!(status, 200);
    assert_eq!(hard(&bench())["suppressed"].as_bool(), Some(true));
}
