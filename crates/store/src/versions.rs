//! The versioning rule of Add Objects, shared by both engines: what storing one object version
//! does, given the versions of its id the collection already holds and who produced them.
//!
//! Only the producer versions an object (STIX 2.1 §3.6: others derive a new object), so a
//! version of an id another producer holds is refused whatever its `modified`; a hub
//! administrator's audited correction is the one exception. Unversioned objects (cyber-
//! observables, whose ids derive from their values) are each producer's own assertion: one
//! producer's copy is stored and compared without looking at another's, so the answer never
//! tells whether another organisation holds the same value.

use crate::{NewObject, PutOutcome};

/// What the backend does next for one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// The outcome is known without reading a body.
    Done(PutOutcome),
    /// The producer already holds this version: compare bodies (identical re-post or conflict).
    Compare { version_ns: Option<i64> },
    /// Insert a new row with these flags, first clearing the flags of the rows it supersedes.
    Insert { is_first: bool, is_latest: bool, demote_first: bool, demote_latest: bool, over_other: bool },
}

/// Decides for `o` given the `(version_ns, producer)` of every stored row of its id.
pub(crate) fn decide<P: AsRef<str>>(known: &[(Option<i64>, P)], o: &NewObject) -> Decision {
    let own = |p: &P| p.as_ref() == o.producer;
    let Some(v) = o.version.as_ref().map(|v| v.nanos) else {
        // Unversioned: only this producer's own copy counts.
        return match known.iter().find(|(_, p)| own(p)) {
            Some((version_ns, _)) => Decision::Compare { version_ns: *version_ns },
            None => Decision::Insert { is_first: true, is_latest: true, demote_first: false, demote_latest: false, over_other: false },
        };
    };
    let over_other = known.iter().any(|(_, p)| !own(p));
    if over_other && !o.may_version_others {
        return Decision::Done(PutOutcome::OtherProducer);
    }
    if known.iter().any(|(k, p)| *k == Some(v) && own(p)) {
        return Decision::Compare { version_ns: Some(v) };
    }
    if known.iter().any(|(k, _)| *k == Some(v)) {
        // Another producer's row holds this very version (reachable only by an administrator).
        return Decision::Done(PutOutcome::Conflict);
    }
    let first = known.iter().filter_map(|(k, _)| *k).all(|k| v < k);
    let latest = known.iter().filter_map(|(k, _)| *k).all(|k| v > k);
    Decision::Insert {
        is_first: first,
        is_latest: latest,
        demote_first: first && !known.is_empty(),
        demote_latest: latest && !known.is_empty(),
        over_other,
    }
}

/// Same JSON value, whatever the key order or spacing of the two texts.
pub(crate) fn same_json(a: &str, b: &str) -> bool {
    match (serde_json::from_str::<serde_json::Value>(a), serde_json::from_str::<serde_json::Value>(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Version;

    fn object(producer: &str, version: Option<i64>, admin: bool) -> NewObject {
        NewObject {
            object_id: "indicator--a".into(),
            object_type: "indicator".into(),
            spec_version: "2.1".into(),
            version: version.map(|nanos| Version { text: nanos.to_string(), nanos }),
            tlp: tlp::Tlp::Green,
            producer: producer.into(),
            recipients: vec![],
            body: "{}".into(),
            origin: None,
            may_version_others: admin,
        }
    }

    fn check(known: &[(Option<i64>, &str)], o: NewObject, expected: Decision) {
        assert_eq!(decide(known, &o), expected, "known {known:?}, producer {} version {:?}", o.producer, o.version);
    }

    const NEW: Decision =
        Decision::Insert { is_first: true, is_latest: true, demote_first: false, demote_latest: false, over_other: false };

    #[test]
    fn only_the_producer_versions_an_object() {
        let a = [(Some(10), "A")];
        check(&[], object("B", Some(5), false), NEW);
        check(
            &a,
            object("A", Some(20), false),
            Decision::Insert { is_first: false, is_latest: true, demote_first: false, demote_latest: true, over_other: false },
        );
        check(
            &a,
            object("A", Some(5), false),
            Decision::Insert { is_first: true, is_latest: false, demote_first: true, demote_latest: false, over_other: false },
        );
        check(&a, object("A", Some(10), false), Decision::Compare { version_ns: Some(10) });
        // Another producer: refused whatever the version, identical or not, newer or older.
        for v in [5, 10, 20, i64::MAX] {
            check(&a, object("B", Some(v), false), Decision::Done(PutOutcome::OtherProducer));
        }
        // A hub administrator's correction may join the chain, never overwrite a version.
        check(
            &a,
            object("H", Some(20), true),
            Decision::Insert { is_first: false, is_latest: true, demote_first: false, demote_latest: true, over_other: true },
        );
        check(&a, object("H", Some(10), true), Decision::Done(PutOutcome::Conflict));
    }

    #[test]
    fn cyber_observables_are_each_producers_own_assertion() {
        check(&[(None, "A")], object("B", None, false), NEW);
        check(&[(None, "A")], object("A", None, false), Decision::Compare { version_ns: None });
        check(&[(None, "A"), (None, "B")], object("B", None, false), Decision::Compare { version_ns: None });
    }
}
