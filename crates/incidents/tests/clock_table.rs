//! The clock table: every case goes through one `check` helper that parses the request as the
//! CLI does and compares each stage's deadline (RFC 3339, UTC) or the refusal's field.
//!
//! The hand-written rows come first, each with why it matters. The generated rows after them
//! were computed with an independent implementation (Python's `zoneinfo`, `fold=0`, which takes
//! the first occurrence of a repeated local time and the offset before a gap, as we do) over
//! DST changes both ways, odd offsets, leap years and month ends in twelve zones.

use chrono::{DateTime, Utc};
use incidents::{Request, evaluate};

const NOW: &str = "2030-01-01T00:00:00Z";

enum Want {
    Due {
        early_warning: &'static str,
        notification: &'static str,
        final_report: Option<&'static str>,
        progress_report: Option<&'static str>,
    },
    Refused {
        field: &'static str,
        says: &'static str,
    },
}

struct Case {
    jurisdiction: &'static str,
    zone: &'static str,
    aware: &'static str,
    detected: Option<&'static str>,
    notified: Option<&'static str>,
    ongoing: bool,
    now: &'static str,
    want: Want,
}

#[allow(clippy::too_many_arguments)]
fn ok(
    jurisdiction: &'static str,
    zone: &'static str,
    aware: &'static str,
    notified: Option<&'static str>,
    ongoing: bool,
    early_warning: &'static str,
    notification: &'static str,
    final_report: Option<&'static str>,
    progress_report: Option<&'static str>,
) -> Case {
    let want = Want::Due { early_warning, notification, final_report, progress_report };
    Case { jurisdiction, zone, aware, detected: None, notified, ongoing, now: NOW, want }
}

#[allow(clippy::too_many_arguments)]
fn bad(
    jurisdiction: &'static str,
    zone: &'static str,
    aware: &'static str,
    detected: Option<&'static str>,
    notified: Option<&'static str>,
    now: &'static str,
    field: &'static str,
    says: &'static str,
) -> Case {
    Case { jurisdiction, zone, aware, detected, notified, ongoing: false, now, want: Want::Refused { field, says } }
}

fn show(t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// Runs one case; the error says which case and what differed.
fn check(c: &Case) -> Result<(), String> {
    let now: DateTime<Utc> = c.now.parse().map_err(|e| format!("bad NOW in table: {e}"))?;
    let zone = if c.zone.is_empty() { None } else { Some(c.zone) };
    let req =
        Request { jurisdiction: c.jurisdiction, zone, aware: c.aware, detected: c.detected, notified: c.notified, ongoing: c.ongoing };
    let got = evaluate(&req, now);
    let name = format!("{} {} aware={} notified={:?} ongoing={}", c.jurisdiction, c.zone, c.aware, c.notified, c.ongoing);
    match (&c.want, got) {
        (Want::Due { early_warning, notification, final_report, progress_report }, Ok(clock)) => {
            let got = [
                show(clock.due("early_warning")),
                show(clock.due("notification")),
                show(clock.due("final_report")),
                show(clock.due("progress_report")),
            ];
            let want = [
                Some(early_warning.to_string()),
                Some(notification.to_string()),
                final_report.map(str::to_string),
                progress_report.map(str::to_string),
            ];
            if got == want { Ok(()) } else { Err(format!("{name}: got {got:?}, want {want:?}")) }
        }
        (Want::Due { .. }, Err(e)) => Err(format!("{name}: refused ({e}), want deadlines")),
        (Want::Refused { field, says }, Err(e)) => {
            if e.field == *field && e.to_string().contains(says) {
                Ok(())
            } else {
                Err(format!("{name}: refused with `{e}` (field {}), want field {field} saying `{says}`", e.field))
            }
        }
        (Want::Refused { field, .. }, Ok(clock)) => Err(format!("{name}: accepted ({:?}), want a refusal on {field}", clock.deadlines)),
    }
}

#[rustfmt::skip]
fn table() -> Vec<Case> {
    vec![
    // 24 hours across the spring change in Paris are 24 real hours: 13:00 CEST, not 12:00.
    ok("eu", "Europe/Paris", "2026-03-28T12:00:00+01:00", None, false, "2026-03-29T11:00:00Z", "2026-03-31T11:00:00Z", None, None),
    // ... and across the autumn change: 11:00 CET the next day, 72 hours later 11:00 CET too.
    ok("eu", "Europe/Paris", "2026-10-24T12:00:00+02:00", None, false, "2026-10-25T10:00:00Z", "2026-10-27T10:00:00Z", None, None),
    // 31 January plus a month is the last day of February: 28th in 2027, 29th in 2028.
    ok("eu", "", "2027-01-30T00:00:00Z", Some("2027-01-31T09:00:00Z"), false, "2027-01-31T00:00:00Z", "2027-02-02T00:00:00Z", Some("2027-02-28T09:00:00Z"), None),
    ok("eu", "", "2028-01-30T00:00:00Z", Some("2028-01-31T09:00:00Z"), false, "2028-01-31T00:00:00Z", "2028-02-02T00:00:00Z", Some("2028-02-29T09:00:00Z"), None),
    // The month is counted in the organisation's zone: 30 January 23:30 in New York is already
    // the 31st in UTC, so the two zones give deadlines a day apart.
    ok("eu", "America/New_York", "2027-01-29T00:00:00Z", Some("2027-01-30T23:30:00-05:00"), false, "2027-01-30T00:00:00Z", "2027-02-01T00:00:00Z", Some("2027-03-01T04:30:00Z"), None),
    ok("eu", "UTC", "2027-01-29T00:00:00Z", Some("2027-01-30T23:30:00-05:00"), false, "2027-01-30T00:00:00Z", "2027-02-01T00:00:00Z", Some("2027-02-28T04:30:00Z"), None),
    // The offset written in the input does not matter, only the instant.
    ok("eu", "Europe/Tirane", "2026-05-01T06:00:00+05:30", Some("2026-05-02T00:00:00Z"), false, "2026-05-02T00:30:00Z", "2026-05-04T00:30:00Z", Some("2026-06-02T00:00:00Z"), None),
    // A month later falls in the spring gap (02:30 does not exist on 28 March 2027 in Paris):
    // read with the winter offset, 01:30Z, i.e. 03:30 CEST.
    ok("eu", "Europe/Paris", "2027-02-27T00:00:00Z", Some("2027-02-28T02:30:00+01:00"), false, "2027-02-28T00:00:00Z", "2027-03-02T00:00:00Z", Some("2027-03-28T01:30:00Z"), None),
    // A month later falls in the autumn fold (01:30 happens twice on 1 November 2026 in New
    // York): the first occurrence, 01:30 EDT = 05:30Z.
    ok("eu", "America/New_York", "2026-09-30T00:00:00Z", Some("2026-10-01T01:30:00-04:00"), true, "2026-10-01T00:00:00Z", "2026-10-03T00:00:00Z", None, Some("2026-11-01T05:30:00Z")),
    // The same local time a month later keeps the wall clock across a DST change: 10:00 CET
    // on 15 March, 10:00 CEST on 15 April.
    ok("eu", "Europe/Paris", "2026-03-14T09:00:00Z", Some("2026-03-15T10:00:00+01:00"), false, "2026-03-15T09:00:00Z", "2026-03-17T09:00:00Z", Some("2026-04-15T08:00:00Z"), None),
    // Sydney's clocks go back on 5 April 2026: 09:00 AEDT on 6 March is 22:00Z, 09:00 AEST on
    // 6 April is 23:00Z.
    ok("eu", "Australia/Sydney", "2026-03-05T00:00:00Z", Some("2026-03-06T09:00:00+11:00"), false, "2026-03-06T00:00:00Z", "2026-03-08T00:00:00Z", Some("2026-04-05T23:00:00Z"), None),
    // The notification submitted on time or late: the final report runs from the submission.
    ok("eu", "", "2026-06-01T00:00:00Z", Some("2026-06-10T00:00:00Z"), false, "2026-06-02T00:00:00Z", "2026-06-04T00:00:00Z", Some("2026-07-10T00:00:00Z"), None),
    // Notification unknown: no final or progress report deadline yet, ongoing or not.
    ok("eu", "", "2026-06-01T00:00:00Z", None, false, "2026-06-02T00:00:00Z", "2026-06-04T00:00:00Z", None, None),
    ok("eu", "", "2026-06-01T00:00:00Z", None, true, "2026-06-02T00:00:00Z", "2026-06-04T00:00:00Z", None, None),
    // Albania inherits the NIS2 delays (unconfirmed; see data/jurisdictions/al.toml).
    ok("al", "Europe/Tirane", "2026-06-01T08:00:00+02:00", Some("2026-06-03T08:00:00+02:00"), false, "2026-06-02T06:00:00Z", "2026-06-04T06:00:00Z", Some("2026-07-03T06:00:00Z"), None),
    // A submission at the very instant `now` is accepted.
    Case { now: "2026-06-03T06:00:00Z", ..ok("eu", "", "2026-06-01T06:00:00Z", Some("2026-06-03T06:00:00Z"), false, "2026-06-02T06:00:00Z", "2026-06-04T06:00:00Z", Some("2026-07-03T06:00:00Z"), None) },
    // Bad input: clear refusals naming the field.
    bad("eu", "", "2030-01-02T00:00:00Z", None, None, NOW, "aware", "in the future"),
    bad("eu", "", "2029-12-31T23:59:59-01:00", None, None, NOW, "aware", "in the future"),
    bad("eu", "", "2029-06-01T00:00:00Z", None, Some("2030-06-01T00:00:00Z"), NOW, "notified", "in the future"),
    bad("eu", "", "2029-06-01T00:00:00Z", None, Some("2029-05-31T23:59:59Z"), NOW, "notified", "before aware"),
    bad("eu", "Europe/Paris", "2029-06-01T00:00:00+02:00", None, Some("2029-05-31T23:00:00+02:00"), NOW, "notified", "before aware"),
    bad("eu", "", "2029-06-01T00:00:00Z", Some("2029-06-02T00:00:00Z"), None, NOW, "detected", "after aware"),
    bad("eu", "", "2029-06-01T00:00:00Z", Some("2030-06-02T00:00:00Z"), None, NOW, "detected", "in the future"),
    bad("xx", "", "2029-06-01T00:00:00Z", None, None, NOW, "jurisdiction", "unknown jurisdiction `xx` (known: al, eu)"),
    bad("EU", "", "2029-06-01T00:00:00Z", None, None, NOW, "jurisdiction", "unknown jurisdiction"),
    bad("eu", "Mars/Olympus_Mons", "2029-06-01T00:00:00Z", None, None, NOW, "tz", "not an IANA time zone"),
    bad("eu", "+01:00", "2029-06-01T00:00:00Z", None, None, NOW, "tz", "not an IANA time zone"),
    bad("eu", "", "2029-06-01T00:00:00", None, None, NOW, "aware", "not an RFC 3339 time with an offset"),
    bad("eu", "", "2029-06-01", None, None, NOW, "aware", "not an RFC 3339"),
    bad("eu", "", "2029-02-30T00:00:00Z", None, None, NOW, "aware", "not an RFC 3339"),
    bad("eu", "", "yesterday", None, None, NOW, "aware", "not an RFC 3339"),
    bad("eu", "", "2029-06-01T00:00:00Z", Some("06/01/2029"), None, NOW, "detected", "not an RFC 3339"),
    bad("eu", "", "2029-06-01T00:00:00Z", None, Some("2029-06-01T25:00:00Z"), NOW, "notified", "not an RFC 3339"),
    // Generated rows (see the module comment).
    ok("eu", "UTC", "2026-01-29T10:00:00+00:00", Some("2026-01-31T12:00:00+00:00"), false, "2026-01-30T10:00:00Z", "2026-02-01T10:00:00Z", Some("2026-02-28T12:00:00Z"), None),
    ok("eu", "UTC", "2026-01-29T10:00:00+00:00", Some("2026-01-31T12:00:00+00:00"), true, "2026-01-30T10:00:00Z", "2026-02-01T10:00:00Z", None, Some("2026-02-28T12:00:00Z")),
    ok("eu", "UTC", "2026-01-29T10:00:00+00:00", None, true, "2026-01-30T10:00:00Z", "2026-02-01T10:00:00Z", None, None),
    ok("eu", "UTC", "2028-01-29T00:59:59+00:00", Some("2028-01-31T23:59:59+00:00"), false, "2028-01-30T00:59:59Z", "2028-02-01T00:59:59Z", Some("2028-02-29T23:59:59Z"), None),
    ok("eu", "UTC", "2028-01-29T00:59:59+00:00", Some("2028-01-31T23:59:59+00:00"), true, "2028-01-30T00:59:59Z", "2028-02-01T00:59:59Z", None, Some("2028-02-29T23:59:59Z")),
    ok("eu", "UTC", "2028-01-29T00:59:59Z", Some("2028-01-31T23:59:59Z"), false, "2028-01-30T00:59:59Z", "2028-02-01T00:59:59Z", Some("2028-02-29T23:59:59Z"), None),
    ok("eu", "UTC", "2027-01-30T23:00:00+00:00", Some("2027-01-31T00:00:00+00:00"), false, "2027-01-31T23:00:00Z", "2027-02-02T23:00:00Z", Some("2027-02-28T00:00:00Z"), None),
    ok("eu", "UTC", "2027-01-30T23:00:00+00:00", Some("2027-01-31T00:00:00+00:00"), true, "2027-01-31T23:00:00Z", "2027-02-02T23:00:00Z", None, Some("2027-02-28T00:00:00Z")),
    ok("al", "UTC", "2026-03-30T02:00:00+00:00", Some("2026-03-31T08:00:00+00:00"), false, "2026-03-31T02:00:00Z", "2026-04-02T02:00:00Z", Some("2026-04-30T08:00:00Z"), None),
    ok("al", "UTC", "2026-03-30T02:00:00+00:00", Some("2026-03-31T08:00:00+00:00"), true, "2026-03-31T02:00:00Z", "2026-04-02T02:00:00Z", None, Some("2026-04-30T08:00:00Z")),
    ok("al", "UTC", "2026-03-30T02:00:00+00:00", None, false, "2026-03-31T02:00:00Z", "2026-04-02T02:00:00Z", None, None),
    ok("al", "UTC", "2026-03-30T02:00:00Z", Some("2026-03-31T08:00:00Z"), false, "2026-03-31T02:00:00Z", "2026-04-02T02:00:00Z", Some("2026-04-30T08:00:00Z"), None),
    ok("eu", "UTC", "2026-08-31T17:45:00+00:00", Some("2026-08-31T17:45:00+00:00"), false, "2026-09-01T17:45:00Z", "2026-09-03T17:45:00Z", Some("2026-09-30T17:45:00Z"), None),
    ok("eu", "UTC", "2026-08-31T17:45:00+00:00", Some("2026-08-31T17:45:00+00:00"), true, "2026-09-01T17:45:00Z", "2026-09-03T17:45:00Z", None, Some("2026-09-30T17:45:00Z")),
    ok("eu", "UTC", "2026-12-28T23:00:00+00:00", Some("2026-12-31T23:00:00+00:00"), false, "2026-12-29T23:00:00Z", "2026-12-31T23:00:00Z", Some("2027-01-31T23:00:00Z"), None),
    ok("eu", "UTC", "2026-12-28T23:00:00+00:00", Some("2026-12-31T23:00:00+00:00"), true, "2026-12-29T23:00:00Z", "2026-12-31T23:00:00Z", None, Some("2027-01-31T23:00:00Z")),
    ok("eu", "UTC", "2026-12-28T23:00:00Z", Some("2026-12-31T23:00:00Z"), false, "2026-12-29T23:00:00Z", "2026-12-31T23:00:00Z", Some("2027-01-31T23:00:00Z"), None),
    ok("eu", "UTC", "2028-02-27T08:00:00+00:00", Some("2028-02-29T10:00:00+00:00"), false, "2028-02-28T08:00:00Z", "2028-03-01T08:00:00Z", Some("2028-03-29T10:00:00Z"), None),
    ok("eu", "UTC", "2028-02-27T08:00:00+00:00", Some("2028-02-29T10:00:00+00:00"), true, "2028-02-28T08:00:00Z", "2028-03-01T08:00:00Z", None, Some("2028-03-29T10:00:00Z")),
    ok("eu", "UTC", "2028-02-27T08:00:00+00:00", None, true, "2028-02-28T08:00:00Z", "2028-03-01T08:00:00Z", None, None),
    ok("al", "UTC", "2026-05-12T10:00:00+00:00", Some("2026-05-15T09:00:00+00:00"), false, "2026-05-13T10:00:00Z", "2026-05-15T10:00:00Z", Some("2026-06-15T09:00:00Z"), None),
    ok("al", "UTC", "2026-05-12T10:00:00+00:00", Some("2026-05-15T09:00:00+00:00"), true, "2026-05-13T10:00:00Z", "2026-05-15T10:00:00Z", None, Some("2026-06-15T09:00:00Z")),
    ok("al", "UTC", "2026-05-12T10:00:00Z", Some("2026-05-15T09:00:00Z"), false, "2026-05-13T10:00:00Z", "2026-05-15T10:00:00Z", Some("2026-06-15T09:00:00Z"), None),
    ok("eu", "Europe/Tirane", "2026-03-26T08:00:00+01:00", Some("2026-03-28T10:00:00+01:00"), false, "2026-03-27T07:00:00Z", "2026-03-29T07:00:00Z", Some("2026-04-28T08:00:00Z"), None),
    ok("eu", "Europe/Tirane", "2026-03-26T08:00:00+01:00", Some("2026-03-28T10:00:00+01:00"), true, "2026-03-27T07:00:00Z", "2026-03-29T07:00:00Z", None, Some("2026-04-28T08:00:00Z")),
    ok("eu", "Europe/Tirane", "2026-03-26T08:00:00+01:00", None, true, "2026-03-27T07:00:00Z", "2026-03-29T07:00:00Z", None, None),
    ok("eu", "Europe/Tirane", "2026-02-25T03:30:00+01:00", Some("2026-02-28T02:30:00+01:00"), false, "2026-02-26T02:30:00Z", "2026-02-28T02:30:00Z", Some("2026-03-28T01:30:00Z"), None),
    ok("eu", "Europe/Tirane", "2026-02-25T03:30:00+01:00", Some("2026-02-28T02:30:00+01:00"), true, "2026-02-26T02:30:00Z", "2026-02-28T02:30:00Z", None, Some("2026-03-28T01:30:00Z")),
    ok("eu", "Europe/Tirane", "2026-02-25T02:30:00Z", Some("2026-02-28T01:30:00Z"), false, "2026-02-26T02:30:00Z", "2026-02-28T02:30:00Z", Some("2026-03-28T01:30:00Z"), None),
    ok("eu", "Europe/Tirane", "2026-09-25T01:30:00+02:00", Some("2026-09-25T02:30:00+02:00"), false, "2026-09-25T23:30:00Z", "2026-09-27T23:30:00Z", Some("2026-10-25T00:30:00Z"), None),
    ok("eu", "Europe/Tirane", "2026-09-25T01:30:00+02:00", Some("2026-09-25T02:30:00+02:00"), true, "2026-09-25T23:30:00Z", "2026-09-27T23:30:00Z", None, Some("2026-10-25T00:30:00Z")),
    ok("al", "Europe/Tirane", "2026-10-23T06:00:00+02:00", Some("2026-10-24T12:00:00+02:00"), false, "2026-10-24T04:00:00Z", "2026-10-26T04:00:00Z", Some("2026-11-24T11:00:00Z"), None),
    ok("al", "Europe/Tirane", "2026-10-23T06:00:00+02:00", Some("2026-10-24T12:00:00+02:00"), true, "2026-10-24T04:00:00Z", "2026-10-26T04:00:00Z", None, Some("2026-11-24T11:00:00Z")),
    ok("al", "Europe/Tirane", "2026-10-23T06:00:00+02:00", None, false, "2026-10-24T04:00:00Z", "2026-10-26T04:00:00Z", None, None),
    ok("al", "Europe/Tirane", "2026-10-23T04:00:00Z", Some("2026-10-24T10:00:00Z"), false, "2026-10-24T04:00:00Z", "2026-10-26T04:00:00Z", Some("2026-11-24T11:00:00Z"), None),
    ok("eu", "Europe/Tirane", "2027-01-31T00:30:00+01:00", Some("2027-01-31T00:30:00+01:00"), false, "2027-01-31T23:30:00Z", "2027-02-02T23:30:00Z", Some("2027-02-27T23:30:00Z"), None),
    ok("eu", "Europe/Tirane", "2027-01-31T00:30:00+01:00", Some("2027-01-31T00:30:00+01:00"), true, "2027-01-31T23:30:00Z", "2027-02-02T23:30:00Z", None, Some("2027-02-27T23:30:00Z")),
    ok("eu", "Europe/Tirane", "2028-01-28T23:30:00+01:00", Some("2028-01-31T23:30:00+01:00"), false, "2028-01-29T22:30:00Z", "2028-01-31T22:30:00Z", Some("2028-02-29T22:30:00Z"), None),
    ok("eu", "Europe/Tirane", "2028-01-28T23:30:00+01:00", Some("2028-01-31T23:30:00+01:00"), true, "2028-01-29T22:30:00Z", "2028-01-31T22:30:00Z", None, Some("2028-02-29T22:30:00Z")),
    ok("eu", "Europe/Tirane", "2028-01-28T22:30:00Z", Some("2028-01-31T22:30:00Z"), false, "2028-01-29T22:30:00Z", "2028-01-31T22:30:00Z", Some("2028-02-29T22:30:00Z"), None),
    ok("eu", "Europe/Tirane", "2026-03-28T22:00:00+01:00", Some("2026-03-31T01:00:00+02:00"), false, "2026-03-29T21:00:00Z", "2026-03-31T21:00:00Z", Some("2026-04-29T23:00:00Z"), None),
    ok("eu", "Europe/Tirane", "2026-03-28T22:00:00+01:00", Some("2026-03-31T01:00:00+02:00"), true, "2026-03-29T21:00:00Z", "2026-03-31T21:00:00Z", None, Some("2026-04-29T23:00:00Z")),
    ok("eu", "Europe/Tirane", "2026-03-28T22:00:00+01:00", None, true, "2026-03-29T21:00:00Z", "2026-03-31T21:00:00Z", None, None),
    ok("al", "Europe/Tirane", "2026-12-29T00:30:00+01:00", Some("2026-12-31T23:30:00+01:00"), false, "2026-12-29T23:30:00Z", "2026-12-31T23:30:00Z", Some("2027-01-31T22:30:00Z"), None),
    ok("al", "Europe/Tirane", "2026-12-29T00:30:00+01:00", Some("2026-12-31T23:30:00+01:00"), true, "2026-12-29T23:30:00Z", "2026-12-31T23:30:00Z", None, Some("2027-01-31T22:30:00Z")),
    ok("al", "Europe/Tirane", "2026-12-28T23:30:00Z", Some("2026-12-31T22:30:00Z"), false, "2026-12-29T23:30:00Z", "2026-12-31T23:30:00Z", Some("2027-01-31T22:30:00Z"), None),
    ok("eu", "Europe/Tirane", "2027-02-28T01:30:00+01:00", Some("2027-02-28T02:30:00+01:00"), false, "2027-03-01T00:30:00Z", "2027-03-03T00:30:00Z", Some("2027-03-28T01:30:00Z"), None),
    ok("eu", "Europe/Tirane", "2027-02-28T01:30:00+01:00", Some("2027-02-28T02:30:00+01:00"), true, "2027-03-01T00:30:00Z", "2027-03-03T00:30:00Z", None, Some("2027-03-28T01:30:00Z")),
    ok("eu", "Europe/Tirane", "2026-06-29T12:00:00+02:00", Some("2026-06-30T18:00:00+02:00"), false, "2026-06-30T10:00:00Z", "2026-07-02T10:00:00Z", Some("2026-07-30T16:00:00Z"), None),
    ok("eu", "Europe/Tirane", "2026-06-29T12:00:00+02:00", Some("2026-06-30T18:00:00+02:00"), true, "2026-06-30T10:00:00Z", "2026-07-02T10:00:00Z", None, Some("2026-07-30T16:00:00Z")),
    ok("eu", "Europe/Tirane", "2026-06-29T12:00:00+02:00", None, false, "2026-06-30T10:00:00Z", "2026-07-02T10:00:00Z", None, None),
    ok("eu", "Europe/Tirane", "2026-06-29T10:00:00Z", Some("2026-06-30T16:00:00Z"), false, "2026-06-30T10:00:00Z", "2026-07-02T10:00:00Z", Some("2026-07-30T16:00:00Z"), None),
    ok("eu", "Europe/Paris", "2027-02-26T00:30:00+01:00", Some("2027-02-28T02:30:00+01:00"), false, "2027-02-26T23:30:00Z", "2027-02-28T23:30:00Z", Some("2027-03-28T01:30:00Z"), None),
    ok("eu", "Europe/Paris", "2027-02-26T00:30:00+01:00", Some("2027-02-28T02:30:00+01:00"), true, "2027-02-26T23:30:00Z", "2027-02-28T23:30:00Z", None, Some("2027-03-28T01:30:00Z")),
    ok("eu", "Europe/Paris", "2027-02-26T00:30:00+01:00", None, true, "2027-02-26T23:30:00Z", "2027-02-28T23:30:00Z", None, None),
    ok("eu", "Europe/Paris", "2026-09-22T03:30:00+02:00", Some("2026-09-25T02:30:00+02:00"), false, "2026-09-23T01:30:00Z", "2026-09-25T01:30:00Z", Some("2026-10-25T00:30:00Z"), None),
    ok("eu", "Europe/Paris", "2026-09-22T03:30:00+02:00", Some("2026-09-25T02:30:00+02:00"), true, "2026-09-23T01:30:00Z", "2026-09-25T01:30:00Z", None, Some("2026-10-25T00:30:00Z")),
    ok("eu", "Europe/Paris", "2026-09-22T01:30:00Z", Some("2026-09-25T00:30:00Z"), false, "2026-09-23T01:30:00Z", "2026-09-25T01:30:00Z", Some("2026-10-25T00:30:00Z"), None),
    ok("eu", "Europe/Paris", "2026-03-29T00:30:00+01:00", Some("2026-03-29T01:30:00+01:00"), false, "2026-03-29T23:30:00Z", "2026-03-31T23:30:00Z", Some("2026-04-28T23:30:00Z"), None),
    ok("eu", "Europe/Paris", "2026-03-29T00:30:00+01:00", Some("2026-03-29T01:30:00+01:00"), true, "2026-03-29T23:30:00Z", "2026-03-31T23:30:00Z", None, Some("2026-04-28T23:30:00Z")),
    ok("al", "Europe/Paris", "2026-10-23T19:30:00+02:00", Some("2026-10-25T01:30:00+02:00"), false, "2026-10-24T17:30:00Z", "2026-10-26T17:30:00Z", Some("2026-11-25T00:30:00Z"), None),
    ok("al", "Europe/Paris", "2026-10-23T19:30:00+02:00", Some("2026-10-25T01:30:00+02:00"), true, "2026-10-24T17:30:00Z", "2026-10-26T17:30:00Z", None, Some("2026-11-25T00:30:00Z")),
    ok("al", "Europe/Paris", "2026-10-23T19:30:00+02:00", None, false, "2026-10-24T17:30:00Z", "2026-10-26T17:30:00Z", None, None),
    ok("al", "Europe/Paris", "2026-10-23T17:30:00Z", Some("2026-10-24T23:30:00Z"), false, "2026-10-24T17:30:00Z", "2026-10-26T17:30:00Z", Some("2026-11-25T00:30:00Z"), None),
    ok("eu", "Europe/Paris", "2027-01-31T00:30:00+01:00", Some("2027-01-31T00:30:00+01:00"), false, "2027-01-31T23:30:00Z", "2027-02-02T23:30:00Z", Some("2027-02-27T23:30:00Z"), None),
    ok("eu", "Europe/Paris", "2027-01-31T00:30:00+01:00", Some("2027-01-31T00:30:00+01:00"), true, "2027-01-31T23:30:00Z", "2027-02-02T23:30:00Z", None, Some("2027-02-27T23:30:00Z")),
    ok("eu", "Europe/Paris", "2028-01-26T09:00:00+01:00", Some("2028-01-29T09:00:00+01:00"), false, "2028-01-27T08:00:00Z", "2028-01-29T08:00:00Z", Some("2028-02-29T08:00:00Z"), None),
    ok("eu", "Europe/Paris", "2028-01-26T09:00:00+01:00", Some("2028-01-29T09:00:00+01:00"), true, "2028-01-27T08:00:00Z", "2028-01-29T08:00:00Z", None, Some("2028-02-29T08:00:00Z")),
    ok("eu", "Europe/Paris", "2028-01-26T08:00:00Z", Some("2028-01-29T08:00:00Z"), false, "2028-01-27T08:00:00Z", "2028-01-29T08:00:00Z", Some("2028-02-29T08:00:00Z"), None),
    ok("eu", "Europe/Paris", "2026-08-29T21:59:00+02:00", Some("2026-08-31T23:59:00+02:00"), false, "2026-08-30T19:59:00Z", "2026-09-01T19:59:00Z", Some("2026-09-30T21:59:00Z"), None),
    ok("eu", "Europe/Paris", "2026-08-29T21:59:00+02:00", Some("2026-08-31T23:59:00+02:00"), true, "2026-08-30T19:59:00Z", "2026-09-01T19:59:00Z", None, Some("2026-09-30T21:59:00Z")),
    ok("eu", "Europe/Paris", "2026-08-29T21:59:00+02:00", None, true, "2026-08-30T19:59:00Z", "2026-09-01T19:59:00Z", None, None),
    ok("al", "Europe/Paris", "2026-03-27T12:00:00+01:00", Some("2026-03-30T12:00:00+02:00"), false, "2026-03-28T11:00:00Z", "2026-03-30T11:00:00Z", Some("2026-04-30T10:00:00Z"), None),
    ok("al", "Europe/Paris", "2026-03-27T12:00:00+01:00", Some("2026-03-30T12:00:00+02:00"), true, "2026-03-28T11:00:00Z", "2026-03-30T11:00:00Z", None, Some("2026-04-30T10:00:00Z")),
    ok("al", "Europe/Paris", "2026-03-27T11:00:00Z", Some("2026-03-30T10:00:00Z"), false, "2026-03-28T11:00:00Z", "2026-03-30T11:00:00Z", Some("2026-04-30T10:00:00Z"), None),
    ok("eu", "Europe/Paris", "2026-10-26T07:00:00+01:00", Some("2026-10-26T08:00:00+01:00"), false, "2026-10-27T06:00:00Z", "2026-10-29T06:00:00Z", Some("2026-11-26T07:00:00Z"), None),
    ok("eu", "Europe/Paris", "2026-10-26T07:00:00+01:00", Some("2026-10-26T08:00:00+01:00"), true, "2026-10-27T06:00:00Z", "2026-10-29T06:00:00Z", None, Some("2026-11-26T07:00:00Z")),
    ok("eu", "America/New_York", "2027-02-12T00:30:00-05:00", Some("2027-02-14T02:30:00-05:00"), false, "2027-02-13T05:30:00Z", "2027-02-15T05:30:00Z", Some("2027-03-14T07:30:00Z"), None),
    ok("eu", "America/New_York", "2027-02-12T00:30:00-05:00", Some("2027-02-14T02:30:00-05:00"), true, "2027-02-13T05:30:00Z", "2027-02-15T05:30:00Z", None, Some("2027-03-14T07:30:00Z")),
    ok("eu", "America/New_York", "2027-02-12T00:30:00-05:00", None, true, "2027-02-13T05:30:00Z", "2027-02-15T05:30:00Z", None, None),
    ok("eu", "America/New_York", "2026-09-28T02:30:00-04:00", Some("2026-10-01T01:30:00-04:00"), false, "2026-09-29T06:30:00Z", "2026-10-01T06:30:00Z", Some("2026-11-01T05:30:00Z"), None),
    ok("eu", "America/New_York", "2026-09-28T02:30:00-04:00", Some("2026-10-01T01:30:00-04:00"), true, "2026-09-29T06:30:00Z", "2026-10-01T06:30:00Z", None, Some("2026-11-01T05:30:00Z")),
    ok("eu", "America/New_York", "2026-09-28T06:30:00Z", Some("2026-10-01T05:30:00Z"), false, "2026-09-29T06:30:00Z", "2026-10-01T06:30:00Z", Some("2026-11-01T05:30:00Z"), None),
    ok("eu", "America/New_York", "2026-03-07T11:00:00-05:00", Some("2026-03-07T12:00:00-05:00"), false, "2026-03-08T16:00:00Z", "2026-03-10T16:00:00Z", Some("2026-04-07T16:00:00Z"), None),
    ok("eu", "America/New_York", "2026-03-07T11:00:00-05:00", Some("2026-03-07T12:00:00-05:00"), true, "2026-03-08T16:00:00Z", "2026-03-10T16:00:00Z", None, Some("2026-04-07T16:00:00Z")),
    ok("al", "America/New_York", "2026-10-30T06:00:00-04:00", Some("2026-10-31T12:00:00-04:00"), false, "2026-10-31T10:00:00Z", "2026-11-02T10:00:00Z", Some("2026-11-30T17:00:00Z"), None),
    ok("al", "America/New_York", "2026-10-30T06:00:00-04:00", Some("2026-10-31T12:00:00-04:00"), true, "2026-10-31T10:00:00Z", "2026-11-02T10:00:00Z", None, Some("2026-11-30T17:00:00Z")),
    ok("al", "America/New_York", "2026-10-30T06:00:00-04:00", None, false, "2026-10-31T10:00:00Z", "2026-11-02T10:00:00Z", None, None),
    ok("al", "America/New_York", "2026-10-30T10:00:00Z", Some("2026-10-31T16:00:00Z"), false, "2026-10-31T10:00:00Z", "2026-11-02T10:00:00Z", Some("2026-11-30T17:00:00Z"), None),
    ok("eu", "America/New_York", "2027-01-31T22:00:00-05:00", Some("2027-01-31T22:00:00-05:00"), false, "2027-02-02T03:00:00Z", "2027-02-04T03:00:00Z", Some("2027-03-01T03:00:00Z"), None),
    ok("eu", "America/New_York", "2027-01-31T22:00:00-05:00", Some("2027-01-31T22:00:00-05:00"), true, "2027-02-02T03:00:00Z", "2027-02-04T03:00:00Z", None, Some("2027-03-01T03:00:00Z")),
    ok("eu", "America/New_York", "2028-01-28T20:00:00-05:00", Some("2028-01-31T20:00:00-05:00"), false, "2028-01-30T01:00:00Z", "2028-02-01T01:00:00Z", Some("2028-03-01T01:00:00Z"), None),
    ok("eu", "America/New_York", "2028-01-28T20:00:00-05:00", Some("2028-01-31T20:00:00-05:00"), true, "2028-01-30T01:00:00Z", "2028-02-01T01:00:00Z", None, Some("2028-03-01T01:00:00Z")),
    ok("eu", "America/New_York", "2028-01-29T01:00:00Z", Some("2028-02-01T01:00:00Z"), false, "2028-01-30T01:00:00Z", "2028-02-01T01:00:00Z", Some("2028-03-01T01:00:00Z"), None),
    ok("eu", "America/New_York", "2026-12-29T19:00:00-05:00", Some("2026-12-31T21:00:00-05:00"), false, "2026-12-31T00:00:00Z", "2027-01-02T00:00:00Z", Some("2027-02-01T02:00:00Z"), None),
    ok("eu", "America/New_York", "2026-12-29T19:00:00-05:00", Some("2026-12-31T21:00:00-05:00"), true, "2026-12-31T00:00:00Z", "2027-01-02T00:00:00Z", None, Some("2027-02-01T02:00:00Z")),
    ok("eu", "America/New_York", "2026-12-29T19:00:00-05:00", None, true, "2026-12-31T00:00:00Z", "2027-01-02T00:00:00Z", None, None),
    ok("al", "America/New_York", "2026-10-29T02:30:00-04:00", Some("2026-11-01T01:30:00-04:00"), false, "2026-10-30T06:30:00Z", "2026-11-01T06:30:00Z", Some("2026-12-01T06:30:00Z"), None),
    ok("al", "America/New_York", "2026-10-29T02:30:00-04:00", Some("2026-11-01T01:30:00-04:00"), true, "2026-10-30T06:30:00Z", "2026-11-01T06:30:00Z", None, Some("2026-12-01T06:30:00Z")),
    ok("al", "America/New_York", "2026-10-29T06:30:00Z", Some("2026-11-01T05:30:00Z"), false, "2026-10-30T06:30:00Z", "2026-11-01T06:30:00Z", Some("2026-12-01T06:30:00Z"), None),
    ok("eu", "America/New_York", "2026-03-08T01:30:00-05:00", Some("2026-03-08T03:30:00-04:00"), false, "2026-03-09T06:30:00Z", "2026-03-11T06:30:00Z", Some("2026-04-08T07:30:00Z"), None),
    ok("eu", "America/New_York", "2026-03-08T01:30:00-05:00", Some("2026-03-08T03:30:00-04:00"), true, "2026-03-09T06:30:00Z", "2026-03-11T06:30:00Z", None, Some("2026-04-08T07:30:00Z")),
    ok("eu", "Australia/Sydney", "2026-09-02T00:30:00+10:00", Some("2026-09-04T02:30:00+10:00"), false, "2026-09-02T14:30:00Z", "2026-09-04T14:30:00Z", Some("2026-10-03T16:30:00Z"), None),
    ok("eu", "Australia/Sydney", "2026-09-02T00:30:00+10:00", Some("2026-09-04T02:30:00+10:00"), true, "2026-09-02T14:30:00Z", "2026-09-04T14:30:00Z", None, Some("2026-10-03T16:30:00Z")),
    ok("eu", "Australia/Sydney", "2026-09-02T00:30:00+10:00", None, true, "2026-09-02T14:30:00Z", "2026-09-04T14:30:00Z", None, None),
    ok("eu", "Australia/Sydney", "2026-03-02T03:30:00+11:00", Some("2026-03-05T02:30:00+11:00"), false, "2026-03-02T16:30:00Z", "2026-03-04T16:30:00Z", Some("2026-04-04T15:30:00Z"), None),
    ok("eu", "Australia/Sydney", "2026-03-02T03:30:00+11:00", Some("2026-03-05T02:30:00+11:00"), true, "2026-03-02T16:30:00Z", "2026-03-04T16:30:00Z", None, Some("2026-04-04T15:30:00Z")),
    ok("eu", "Australia/Sydney", "2026-03-01T16:30:00Z", Some("2026-03-04T15:30:00Z"), false, "2026-03-02T16:30:00Z", "2026-03-04T16:30:00Z", Some("2026-04-04T15:30:00Z"), None),
    ok("eu", "Australia/Sydney", "2026-04-04T11:00:00+11:00", Some("2026-04-04T12:00:00+11:00"), false, "2026-04-05T00:00:00Z", "2026-04-07T00:00:00Z", Some("2026-05-04T02:00:00Z"), None),
    ok("eu", "Australia/Sydney", "2026-04-04T11:00:00+11:00", Some("2026-04-04T12:00:00+11:00"), true, "2026-04-05T00:00:00Z", "2026-04-07T00:00:00Z", None, Some("2026-05-04T02:00:00Z")),
    ok("al", "Australia/Sydney", "2026-10-02T06:00:00+10:00", Some("2026-10-03T12:00:00+10:00"), false, "2026-10-02T20:00:00Z", "2026-10-04T20:00:00Z", Some("2026-11-03T01:00:00Z"), None),
    ok("al", "Australia/Sydney", "2026-10-02T06:00:00+10:00", Some("2026-10-03T12:00:00+10:00"), true, "2026-10-02T20:00:00Z", "2026-10-04T20:00:00Z", None, Some("2026-11-03T01:00:00Z")),
    ok("al", "Australia/Sydney", "2026-10-02T06:00:00+10:00", None, false, "2026-10-02T20:00:00Z", "2026-10-04T20:00:00Z", None, None),
    ok("al", "Australia/Sydney", "2026-10-01T20:00:00Z", Some("2026-10-03T02:00:00Z"), false, "2026-10-02T20:00:00Z", "2026-10-04T20:00:00Z", Some("2026-11-03T01:00:00Z"), None),
    ok("eu", "Australia/Sydney", "2027-01-31T10:00:00+11:00", Some("2027-01-31T10:00:00+11:00"), false, "2027-01-31T23:00:00Z", "2027-02-02T23:00:00Z", Some("2027-02-27T23:00:00Z"), None),
    ok("eu", "Australia/Sydney", "2027-01-31T10:00:00+11:00", Some("2027-01-31T10:00:00+11:00"), true, "2027-01-31T23:00:00Z", "2027-02-02T23:00:00Z", None, Some("2027-02-27T23:00:00Z")),
    ok("eu", "Australia/Sydney", "2028-01-28T05:00:00+11:00", Some("2028-01-31T05:00:00+11:00"), false, "2028-01-28T18:00:00Z", "2028-01-30T18:00:00Z", Some("2028-02-28T18:00:00Z"), None),
    ok("eu", "Australia/Sydney", "2028-01-28T05:00:00+11:00", Some("2028-01-31T05:00:00+11:00"), true, "2028-01-28T18:00:00Z", "2028-01-30T18:00:00Z", None, Some("2028-02-28T18:00:00Z")),
    ok("eu", "Australia/Sydney", "2028-01-27T18:00:00Z", Some("2028-01-30T18:00:00Z"), false, "2028-01-28T18:00:00Z", "2028-01-30T18:00:00Z", Some("2028-02-28T18:00:00Z"), None),
    ok("eu", "Australia/Sydney", "2026-12-29T21:00:00+11:00", Some("2026-12-31T23:00:00+11:00"), false, "2026-12-30T10:00:00Z", "2027-01-01T10:00:00Z", Some("2027-01-31T12:00:00Z"), None),
    ok("eu", "Australia/Sydney", "2026-12-29T21:00:00+11:00", Some("2026-12-31T23:00:00+11:00"), true, "2026-12-30T10:00:00Z", "2027-01-01T10:00:00Z", None, Some("2027-01-31T12:00:00Z")),
    ok("eu", "Australia/Sydney", "2026-12-29T21:00:00+11:00", None, true, "2026-12-30T10:00:00Z", "2027-01-01T10:00:00Z", None, None),
    ok("al", "Australia/Sydney", "2026-04-02T03:30:00+11:00", Some("2026-04-05T02:30:00+11:00"), false, "2026-04-02T16:30:00Z", "2026-04-04T16:30:00Z", Some("2026-05-04T16:30:00Z"), None),
    ok("al", "Australia/Sydney", "2026-04-02T03:30:00+11:00", Some("2026-04-05T02:30:00+11:00"), true, "2026-04-02T16:30:00Z", "2026-04-04T16:30:00Z", None, Some("2026-05-04T16:30:00Z")),
    ok("al", "Australia/Sydney", "2026-04-01T16:30:00Z", Some("2026-04-04T15:30:00Z"), false, "2026-04-02T16:30:00Z", "2026-04-04T16:30:00Z", Some("2026-05-04T16:30:00Z"), None),
    ok("eu", "Asia/Kolkata", "2026-01-29T03:29:59+05:30", Some("2026-01-31T05:29:59+05:30"), false, "2026-01-29T21:59:59Z", "2026-01-31T21:59:59Z", Some("2026-02-27T23:59:59Z"), None),
    ok("eu", "Asia/Kolkata", "2026-01-29T03:29:59+05:30", Some("2026-01-31T05:29:59+05:30"), true, "2026-01-29T21:59:59Z", "2026-01-31T21:59:59Z", None, Some("2026-02-27T23:59:59Z")),
    ok("eu", "Asia/Kolkata", "2026-01-29T03:29:59+05:30", None, true, "2026-01-29T21:59:59Z", "2026-01-31T21:59:59Z", None, None),
    ok("eu", "Asia/Kolkata", "2028-01-28T05:00:00+05:30", Some("2028-01-31T04:00:00+05:30"), false, "2028-01-28T23:30:00Z", "2028-01-30T23:30:00Z", Some("2028-02-28T22:30:00Z"), None),
    ok("eu", "Asia/Kolkata", "2028-01-28T05:00:00+05:30", Some("2028-01-31T04:00:00+05:30"), true, "2028-01-28T23:30:00Z", "2028-01-30T23:30:00Z", None, Some("2028-02-28T22:30:00Z")),
    ok("eu", "Asia/Kolkata", "2028-01-27T23:30:00Z", Some("2028-01-30T22:30:00Z"), false, "2028-01-28T23:30:00Z", "2028-01-30T23:30:00Z", Some("2028-02-28T22:30:00Z"), None),
    ok("eu", "Asia/Kolkata", "2026-07-31T11:00:00+05:30", Some("2026-07-31T12:00:00+05:30"), false, "2026-08-01T05:30:00Z", "2026-08-03T05:30:00Z", Some("2026-08-31T06:30:00Z"), None),
    ok("eu", "Asia/Kolkata", "2026-07-31T11:00:00+05:30", Some("2026-07-31T12:00:00+05:30"), true, "2026-08-01T05:30:00Z", "2026-08-03T05:30:00Z", None, Some("2026-08-31T06:30:00Z")),
    ok("al", "Asia/Kolkata", "2026-10-29T18:15:00+05:30", Some("2026-10-31T00:15:00+05:30"), false, "2026-10-30T12:45:00Z", "2026-11-01T12:45:00Z", Some("2026-11-29T18:45:00Z"), None),
    ok("al", "Asia/Kolkata", "2026-10-29T18:15:00+05:30", Some("2026-10-31T00:15:00+05:30"), true, "2026-10-30T12:45:00Z", "2026-11-01T12:45:00Z", None, Some("2026-11-29T18:45:00Z")),
    ok("al", "Asia/Kolkata", "2026-10-29T18:15:00+05:30", None, false, "2026-10-30T12:45:00Z", "2026-11-01T12:45:00Z", None, None),
    ok("al", "Asia/Kolkata", "2026-10-29T12:45:00Z", Some("2026-10-30T18:45:00Z"), false, "2026-10-30T12:45:00Z", "2026-11-01T12:45:00Z", Some("2026-11-29T18:45:00Z"), None),
    ok("eu", "Asia/Kathmandu", "2027-01-28T22:10:00+05:45", Some("2027-01-31T00:10:00+05:45"), false, "2027-01-29T16:25:00Z", "2027-01-31T16:25:00Z", Some("2027-02-27T18:25:00Z"), None),
    ok("eu", "Asia/Kathmandu", "2027-01-28T22:10:00+05:45", Some("2027-01-31T00:10:00+05:45"), true, "2027-01-29T16:25:00Z", "2027-01-31T16:25:00Z", None, Some("2027-02-27T18:25:00Z")),
    ok("eu", "Asia/Kathmandu", "2027-01-28T22:10:00+05:45", None, true, "2027-01-29T16:25:00Z", "2027-01-31T16:25:00Z", None, None),
    ok("eu", "Asia/Kathmandu", "2026-05-29T00:50:00+05:45", Some("2026-05-31T23:50:00+05:45"), false, "2026-05-29T19:05:00Z", "2026-05-31T19:05:00Z", Some("2026-06-30T18:05:00Z"), None),
    ok("eu", "Asia/Kathmandu", "2026-05-29T00:50:00+05:45", Some("2026-05-31T23:50:00+05:45"), true, "2026-05-29T19:05:00Z", "2026-05-31T19:05:00Z", None, Some("2026-06-30T18:05:00Z")),
    ok("eu", "Asia/Kathmandu", "2026-05-28T19:05:00Z", Some("2026-05-31T18:05:00Z"), false, "2026-05-29T19:05:00Z", "2026-05-31T19:05:00Z", Some("2026-06-30T18:05:00Z"), None),
    ok("eu", "Asia/Kathmandu", "2028-02-29T11:00:00+05:45", Some("2028-02-29T12:00:00+05:45"), false, "2028-03-01T05:15:00Z", "2028-03-03T05:15:00Z", Some("2028-03-29T06:15:00Z"), None),
    ok("eu", "Asia/Kathmandu", "2028-02-29T11:00:00+05:45", Some("2028-02-29T12:00:00+05:45"), true, "2028-03-01T05:15:00Z", "2028-03-03T05:15:00Z", None, Some("2028-03-29T06:15:00Z")),
    ok("eu", "America/St_Johns", "2027-02-12T00:30:00-03:30", Some("2027-02-14T02:30:00-03:30"), false, "2027-02-13T04:00:00Z", "2027-02-15T04:00:00Z", Some("2027-03-14T06:00:00Z"), None),
    ok("eu", "America/St_Johns", "2027-02-12T00:30:00-03:30", Some("2027-02-14T02:30:00-03:30"), true, "2027-02-13T04:00:00Z", "2027-02-15T04:00:00Z", None, Some("2027-03-14T06:00:00Z")),
    ok("eu", "America/St_Johns", "2027-02-12T00:30:00-03:30", None, true, "2027-02-13T04:00:00Z", "2027-02-15T04:00:00Z", None, None),
    ok("eu", "America/St_Johns", "2026-09-28T01:30:00-02:30", Some("2026-10-01T00:30:00-02:30"), false, "2026-09-29T04:00:00Z", "2026-10-01T04:00:00Z", Some("2026-11-01T03:00:00Z"), None),
    ok("eu", "America/St_Johns", "2026-09-28T01:30:00-02:30", Some("2026-10-01T00:30:00-02:30"), true, "2026-09-29T04:00:00Z", "2026-10-01T04:00:00Z", None, Some("2026-11-01T03:00:00Z")),
    ok("eu", "America/St_Johns", "2026-09-28T04:00:00Z", Some("2026-10-01T03:00:00Z"), false, "2026-09-29T04:00:00Z", "2026-10-01T04:00:00Z", Some("2026-11-01T03:00:00Z"), None),
    ok("eu", "America/St_Johns", "2027-01-31T20:00:00-03:30", Some("2027-01-31T21:00:00-03:30"), false, "2027-02-01T23:30:00Z", "2027-02-03T23:30:00Z", Some("2027-03-01T00:30:00Z"), None),
    ok("eu", "America/St_Johns", "2027-01-31T20:00:00-03:30", Some("2027-01-31T21:00:00-03:30"), true, "2027-02-01T23:30:00Z", "2027-02-03T23:30:00Z", None, Some("2027-03-01T00:30:00Z")),
    ok("eu", "Pacific/Chatham", "2026-08-25T00:50:00+12:45", Some("2026-08-27T02:50:00+12:45"), false, "2026-08-25T12:05:00Z", "2026-08-27T12:05:00Z", Some("2026-09-26T14:05:00Z"), None),
    ok("eu", "Pacific/Chatham", "2026-08-25T00:50:00+12:45", Some("2026-08-27T02:50:00+12:45"), true, "2026-08-25T12:05:00Z", "2026-08-27T12:05:00Z", None, Some("2026-09-26T14:05:00Z")),
    ok("eu", "Pacific/Chatham", "2026-08-25T00:50:00+12:45", None, true, "2026-08-25T12:05:00Z", "2026-08-27T12:05:00Z", None, None),
    ok("eu", "Pacific/Chatham", "2026-03-02T03:50:00+13:45", Some("2026-03-05T02:50:00+13:45"), false, "2026-03-02T14:05:00Z", "2026-03-04T14:05:00Z", Some("2026-04-04T13:05:00Z"), None),
    ok("eu", "Pacific/Chatham", "2026-03-02T03:50:00+13:45", Some("2026-03-05T02:50:00+13:45"), true, "2026-03-02T14:05:00Z", "2026-03-04T14:05:00Z", None, Some("2026-04-04T13:05:00Z")),
    ok("eu", "Pacific/Chatham", "2026-03-01T14:05:00Z", Some("2026-03-04T13:05:00Z"), false, "2026-03-02T14:05:00Z", "2026-03-04T14:05:00Z", Some("2026-04-04T13:05:00Z"), None),
    ok("eu", "Pacific/Chatham", "2027-01-31T10:00:00+13:45", Some("2027-01-31T11:00:00+13:45"), false, "2027-01-31T20:15:00Z", "2027-02-02T20:15:00Z", Some("2027-02-27T21:15:00Z"), None),
    ok("eu", "Pacific/Chatham", "2027-01-31T10:00:00+13:45", Some("2027-01-31T11:00:00+13:45"), true, "2027-01-31T20:15:00Z", "2027-02-02T20:15:00Z", None, Some("2027-02-27T21:15:00Z")),
    ok("eu", "Europe/London", "2027-02-25T23:30:00+00:00", Some("2027-02-28T01:30:00+00:00"), false, "2027-02-26T23:30:00Z", "2027-02-28T23:30:00Z", Some("2027-03-28T01:30:00Z"), None),
    ok("eu", "Europe/London", "2027-02-25T23:30:00+00:00", Some("2027-02-28T01:30:00+00:00"), true, "2027-02-26T23:30:00Z", "2027-02-28T23:30:00Z", None, Some("2027-03-28T01:30:00Z")),
    ok("eu", "Europe/London", "2027-02-25T23:30:00+00:00", None, true, "2027-02-26T23:30:00Z", "2027-02-28T23:30:00Z", None, None),
    ok("eu", "Europe/London", "2026-09-22T02:30:00+01:00", Some("2026-09-25T01:30:00+01:00"), false, "2026-09-23T01:30:00Z", "2026-09-25T01:30:00Z", Some("2026-10-25T00:30:00Z"), None),
    ok("eu", "Europe/London", "2026-09-22T02:30:00+01:00", Some("2026-09-25T01:30:00+01:00"), true, "2026-09-23T01:30:00Z", "2026-09-25T01:30:00Z", None, Some("2026-10-25T00:30:00Z")),
    ok("eu", "Europe/London", "2026-09-22T01:30:00Z", Some("2026-09-25T00:30:00Z"), false, "2026-09-23T01:30:00Z", "2026-09-25T01:30:00Z", Some("2026-10-25T00:30:00Z"), None),
    ok("eu", "Europe/London", "2027-01-30T23:30:00+00:00", Some("2027-01-31T00:30:00+00:00"), false, "2027-01-31T23:30:00Z", "2027-02-02T23:30:00Z", Some("2027-02-28T00:30:00Z"), None),
    ok("eu", "Europe/London", "2027-01-30T23:30:00+00:00", Some("2027-01-31T00:30:00+00:00"), true, "2027-01-31T23:30:00Z", "2027-02-02T23:30:00Z", None, Some("2027-02-28T00:30:00Z")),
    ok("al", "Europe/London", "2026-03-27T12:00:00+00:00", Some("2026-03-28T18:00:00+00:00"), false, "2026-03-28T12:00:00Z", "2026-03-30T12:00:00Z", Some("2026-04-28T17:00:00Z"), None),
    ok("al", "Europe/London", "2026-03-27T12:00:00+00:00", Some("2026-03-28T18:00:00+00:00"), true, "2026-03-28T12:00:00Z", "2026-03-30T12:00:00Z", None, Some("2026-04-28T17:00:00Z")),
    ok("al", "Europe/London", "2026-03-27T12:00:00+00:00", None, false, "2026-03-28T12:00:00Z", "2026-03-30T12:00:00Z", None, None),
    ok("al", "Europe/London", "2026-03-27T12:00:00Z", Some("2026-03-28T18:00:00Z"), false, "2026-03-28T12:00:00Z", "2026-03-30T12:00:00Z", Some("2026-04-28T17:00:00Z"), None),
    ok("eu", "America/Los_Angeles", "2027-02-12T00:15:00-08:00", Some("2027-02-14T02:15:00-08:00"), false, "2027-02-13T08:15:00Z", "2027-02-15T08:15:00Z", Some("2027-03-14T10:15:00Z"), None),
    ok("eu", "America/Los_Angeles", "2027-02-12T00:15:00-08:00", Some("2027-02-14T02:15:00-08:00"), true, "2027-02-13T08:15:00Z", "2027-02-15T08:15:00Z", None, Some("2027-03-14T10:15:00Z")),
    ok("eu", "America/Los_Angeles", "2027-02-12T00:15:00-08:00", None, true, "2027-02-13T08:15:00Z", "2027-02-15T08:15:00Z", None, None),
    ok("eu", "America/Los_Angeles", "2026-09-28T02:45:00-07:00", Some("2026-10-01T01:45:00-07:00"), false, "2026-09-29T09:45:00Z", "2026-10-01T09:45:00Z", Some("2026-11-01T08:45:00Z"), None),
    ok("eu", "America/Los_Angeles", "2026-09-28T02:45:00-07:00", Some("2026-10-01T01:45:00-07:00"), true, "2026-09-29T09:45:00Z", "2026-10-01T09:45:00Z", None, Some("2026-11-01T08:45:00Z")),
    ok("eu", "America/Los_Angeles", "2026-09-28T09:45:00Z", Some("2026-10-01T08:45:00Z"), false, "2026-09-29T09:45:00Z", "2026-10-01T09:45:00Z", Some("2026-11-01T08:45:00Z"), None),
    ok("eu", "America/Los_Angeles", "2027-01-31T22:30:00-08:00", Some("2027-01-31T23:30:00-08:00"), false, "2027-02-02T06:30:00Z", "2027-02-04T06:30:00Z", Some("2027-03-01T07:30:00Z"), None),
    ok("eu", "America/Los_Angeles", "2027-01-31T22:30:00-08:00", Some("2027-01-31T23:30:00-08:00"), true, "2027-02-02T06:30:00Z", "2027-02-04T06:30:00Z", None, Some("2027-03-01T07:30:00Z")),
    ok("eu", "Europe/Berlin", "2026-03-26T21:00:00+01:00", Some("2026-03-28T23:00:00+01:00"), false, "2026-03-27T20:00:00Z", "2026-03-29T20:00:00Z", Some("2026-04-28T21:00:00Z"), None),
    ok("eu", "Europe/Berlin", "2026-03-26T21:00:00+01:00", Some("2026-03-28T23:00:00+01:00"), true, "2026-03-27T20:00:00Z", "2026-03-29T20:00:00Z", None, Some("2026-04-28T21:00:00Z")),
    ok("eu", "Europe/Berlin", "2026-03-26T21:00:00+01:00", None, true, "2026-03-27T20:00:00Z", "2026-03-29T20:00:00Z", None, None),
    ok("eu", "Europe/Berlin", "2026-10-22T00:00:00+02:00", Some("2026-10-24T23:00:00+02:00"), false, "2026-10-22T22:00:00Z", "2026-10-24T22:00:00Z", Some("2026-11-24T22:00:00Z"), None),
    ok("eu", "Europe/Berlin", "2026-10-22T00:00:00+02:00", Some("2026-10-24T23:00:00+02:00"), true, "2026-10-22T22:00:00Z", "2026-10-24T22:00:00Z", None, Some("2026-11-24T22:00:00Z")),
    ok("eu", "Europe/Berlin", "2026-10-21T22:00:00Z", Some("2026-10-24T21:00:00Z"), false, "2026-10-22T22:00:00Z", "2026-10-24T22:00:00Z", Some("2026-11-24T22:00:00Z"), None),
    ok("eu", "Europe/Berlin", "2026-12-31T22:59:59+01:00", Some("2026-12-31T23:59:59+01:00"), false, "2027-01-01T21:59:59Z", "2027-01-03T21:59:59Z", Some("2027-01-31T22:59:59Z"), None),
    ok("eu", "Europe/Berlin", "2026-12-31T22:59:59+01:00", Some("2026-12-31T23:59:59+01:00"), true, "2027-01-01T21:59:59Z", "2027-01-03T21:59:59Z", None, Some("2027-01-31T22:59:59Z")),
    ]
}

#[test]
fn the_table_holds() {
    let cases = table();
    assert!(cases.len() >= 200, "the table has {} cases; the issue asks for at least 200", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c).err()).collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn check_catches_a_wrong_expectation() {
    // A helper that cannot fail would prove nothing.
    let wrong = ok("eu", "", "2026-06-01T00:00:00Z", None, false, "2026-06-02T00:00:01Z", "2026-06-04T00:00:00Z", None, None);
    assert!(check(&wrong).is_err());
    let wrong = bad("eu", "", "2026-06-01T00:00:00Z", None, None, NOW, "aware", "in the future");
    assert!(check(&wrong).is_err());
}

/// On-request stages (NIS2 Art. 23(4)(c)): one row per request, through `deadlines` as the
/// case view computes it. `delay` is the stage's default delay in a test rule set (`-` none,
/// `48h`, `1m`); `due` the date the request names; `want` the deadline or `-` for none, or a
/// refusal `!field`.
#[rustfmt::skip]
const ON_REQUEST: &[(&str, &str, &str, &str, &str, &str)] = &[
    // (delay, zone, aware, requested at, named due, want)
    // EU-like: no delay of its own; the due date the request names is the deadline, whatever its offset.
    ("-", "UTC", "2026-12-07T08:00:00Z", "2026-12-08T09:00:00Z", "2026-12-10T17:00:00+01:00", "2026-12-10T16:00:00Z"),
    ("-", "Europe/Paris", "2026-03-27T08:00:00Z", "2026-03-28T09:00:00Z", "2026-03-30T09:00:00+02:00", "2026-03-30T07:00:00Z"),
    // No due date and no delay: owed without a deadline, never a guessed one.
    ("-", "UTC", "2026-12-07T08:00:00Z", "2026-12-08T09:00:00Z", "", "-"),
    // Not requested: no deadline, not owed.
    ("-", "UTC", "2026-12-07T08:00:00Z", "", "", "-"),
    ("48h", "UTC", "2026-12-07T08:00:00Z", "", "", "-"),
    // A default delay runs from the request: 48 elapsed hours across the spring change in Paris.
    ("48h", "Europe/Paris", "2026-03-27T08:00:00Z", "2026-03-28T12:00:00Z", "", "2026-03-30T12:00:00Z"),
    ("48h", "Europe/Paris", "2026-10-23T08:00:00Z", "2026-10-24T12:00:00Z", "", "2026-10-26T12:00:00Z"),
    // ... a month keeps the local date and time, clamps to the month's end.
    ("1m", "Europe/Paris", "2027-01-30T08:00:00Z", "2027-01-31T09:00:00Z", "", "2027-02-28T09:00:00Z"),
    ("1m", "Europe/Paris", "2027-02-27T08:00:00Z", "2027-02-28T09:00:00Z", "", "2027-03-28T08:00:00Z"),
    ("1m", "America/New_York", "2028-01-30T08:00:00Z", "2028-01-31T15:00:00Z", "", "2028-02-29T15:00:00Z"),
    // A due date the request names wins over the default delay.
    ("48h", "UTC", "2026-12-07T08:00:00Z", "2026-12-08T09:00:00Z", "2026-12-09T09:00:00Z", "2026-12-09T09:00:00Z"),
    // Refused: a request before aware, in the future, a due date not after the request.
    ("-", "UTC", "2026-12-07T08:00:00Z", "2026-12-07T07:00:00Z", "", "!requested.asked"),
    ("-", "UTC", "2026-12-07T08:00:00Z", "2031-01-01T00:00:00Z", "", "!requested.asked"),
    ("-", "UTC", "2026-12-07T08:00:00Z", "2026-12-08T09:00:00Z", "2026-12-08T09:00:00Z", "!requested.asked.due"),
];

fn on_request_rules(delay: &str) -> incidents::RuleSet {
    let delay = match delay {
        "48h" => "delay_hours = 48\n",
        "1m" => "delay_months = 1\n",
        _ => "",
    };
    let text = format!(
        "id = \"t\"\nversion = 1\nname = \"t\"\nsource = \"t\"\nlanguage = \"en\"\n[[stage]]\nid = \"warn\"\ndelay_hours = 24\nanchor = \"aware\"\n[[stage]]\nid = \"asked\"\non_request = true\n{delay}"
    );
    let mut all = incidents::rules::load(&[("t.toml", &text)]).expect("test rule set");
    all.remove("t").expect("t")
}

fn check_on_request(row: &(&str, &str, &str, &str, &str, &str)) -> Result<(), String> {
    let (delay, zone, aware, at, due, want) = *row;
    let t = |f: &str, s: &str| incidents::parse_instant(f, s).map_err(|e| e.to_string());
    let mut requested = std::collections::BTreeMap::new();
    if !at.is_empty() {
        let due = if due.is_empty() { None } else { Some(t("due", due)?) };
        requested.insert("asked".to_string(), incidents::Requested { at: t("at", at)?, due });
    }
    let facts = incidents::Facts { detected: None, aware: t("aware", aware)?, submitted: Default::default(), requested, ongoing: true };
    let zone = incidents::parse_zone(zone).map_err(|e| e.to_string())?;
    let now: DateTime<Utc> = NOW.parse().map_err(|e| format!("{e}"))?;
    let got = incidents::deadlines(&on_request_rules(delay), &facts, zone, now);
    match (want.strip_prefix('!'), got) {
        (Some(field), Err(e)) if e.field == field => Ok(()),
        (None, Ok(clock)) if show(clock.due("asked")).unwrap_or_else(|| "-".into()) == want => Ok(()),
        (_, got) => Err(format!("{row:?}: got {got:?}")),
    }
}

#[test]
fn on_request_stages_are_due_when_requested() {
    let failures: Vec<String> = ON_REQUEST.iter().filter_map(|r| check_on_request(r).err()).collect();
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), ON_REQUEST.len(), failures.join("\n"));
    // The helper can fail.
    assert!(check_on_request(&("-", "UTC", "2026-12-07T08:00:00Z", "2026-12-08T09:00:00Z", "", "2026-12-09T09:00:00Z")).is_err());
}
