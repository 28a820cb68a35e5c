//! A post shares its finalised readiness report with a named regulator organisation, against
//! the real `postern serve`: without a share the regulator sees nothing of the assessment in any
//! view or export; with one it reads the report (HTML and PDF) and nothing else; a withdrawal
//! ends that. Only the post's administrators share, only finalised assessments, only with an
//! organisation that exists.

mod common;

use common::visitor::{Visitor, add_user};
use common::{Server, cli, fixture};

const FIELD_FILE: &str = "[profile]\ncounter = true\nwebsite = true\napp = false\nhandhelds = false\noutlets = false\necommerce = false\ndfs = false\negov = false\n\
[answers]\nGOV-01 = 4\nWEB-01 = 3\nWEB-02 = 3\nTRN-01 = 1\n";

fn signed_in(server: &Server, user: &str) -> Visitor {
    let mut v = Visitor::new(&server.url);
    v.login(user);
    v
}

/// Every view and export of assessment `id` a member might try.
fn paths(id: i64) -> Vec<String> {
    ["", "/score", "/area/GOV", "/report", "/report.pdf", "/plan.csv", "/assessment.json", "/stix.json"]
        .iter()
        .map(|p| format!("/members/readiness/{id}{p}"))
        .collect()
}

/// What the regulator can open of assessment `id`, and whether its list names it.
fn visible(reg: &mut Visitor, id: i64) -> (Vec<String>, bool) {
    let open: Vec<String> = paths(id).into_iter().filter(|p| reg.get_bytes(p).0 == 200).collect();
    let listed = reg.page("/members/readiness").contains(&format!("/members/readiness/{id}/report"));
    (open, listed)
}

#[test]
fn a_regulator_sees_a_post_s_report_only_while_the_post_shares_it() {
    let f = fixture();
    cli(f.dir.path(), &["org", "add", "ARCEP", "--country", "FR"]);
    for (name, org, role) in [("dave", "La Poste", "admin"), ("alice", "La Poste", "analyst"), ("reg", "ARCEP", "admin")] {
        add_user(f.dir.path(), name, org, role);
    }
    let server = Server::start(f.dir.path());
    let mut alice = signed_in(&server, "alice");
    let (status, location, body) = alice.submit("/members/readiness/import", &[("file", FIELD_FILE)]);
    assert_eq!(status, 303, "{body}");
    let id: i64 = location.rsplit('/').next().and_then(|s| s.parse().ok()).expect("id");
    let share = format!("/members/readiness/{id}/share");
    let mut dave = signed_in(&server, "dave");
    // A draft is never shared.
    let (status, _, body) = dave.submit(&share, &[("regulator", "ARCEP")]);
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("Only a finalised assessment can be shared"), "{body}");
    assert_eq!(alice.submit(&format!("{location}/finalise"), &[]).0, 303);

    let mut reg = signed_in(&server, "reg");
    assert_eq!(visible(&mut reg, id), (Vec::new(), false), "nothing without a share");

    // Only an administrator shares; the regulator must exist and not be the post itself.
    assert_eq!(alice.submit(&share, &[("regulator", "ARCEP")]).0, 403);
    let (status, _, body) = dave.submit(&share, &[("regulator", "Nobody")]);
    assert!(status == 422 && body.contains("Regulator: no organisation of that name"), "{status} {body}");
    let (status, _, body) = dave.submit(&share, &[("regulator", "  ")]);
    assert!(status == 422 && body.contains("Regulator: name the organisation"), "{status} {body}");
    assert_eq!(dave.submit(&share, &[("regulator", "La Poste")]).0, 422);
    // Another post's administrator cannot share La Poste's assessment.
    assert_eq!(reg.submit(&share, &[("regulator", "ARCEP")]).0, 404);
    assert_eq!(visible(&mut reg, id), (Vec::new(), false), "failed attempts share nothing");

    assert_eq!(dave.submit(&share, &[("regulator", "arcep")]).0, 303);
    let overview = dave.page(&format!("/members/readiness/{id}"));
    assert!(overview.contains("id=\"shares\"") && overview.contains("ARCEP"), "{overview}");
    let (open, listed) = visible(&mut reg, id);
    assert_eq!(open, [format!("/members/readiness/{id}/report"), format!("/members/readiness/{id}/report.pdf")]);
    assert!(listed);
    assert!(reg.page(&format!("/members/readiness/{id}/report")).contains("La Poste"));
    let (_, content_type, pdf) = reg.get_bytes(&format!("/members/readiness/{id}/report.pdf"));
    assert!(content_type == "application/pdf" && pdf.starts_with(b"%PDF"));
    // Another organisation still sees nothing.
    add_user(f.dir.path(), "bob", "Correos", "admin");
    let mut bob = signed_in(&server, "bob");
    assert_eq!(visible(&mut bob, id), (Vec::new(), false));

    let reg_org = overview.split("id=\"withdraw-").nth(1).and_then(|r| r.split('"').next()).expect("a withdraw button").to_owned();
    assert_eq!(dave.submit(&format!("{share}/withdraw"), &[("regulator", &reg_org)]).0, 303);
    assert_eq!(visible(&mut reg, id), (Vec::new(), false), "withdrawn");
    // Both decisions are in the audit log, with who took them and for whom.
    let audit = cli(f.dir.path(), &["audit"]).to_string();
    assert!(audit.contains("readiness.share") && audit.contains("with ARCEP"), "{audit}");
    assert!(audit.contains("readiness.withdraw"), "{audit}");
}
