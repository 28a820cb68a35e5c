//! TLP 2.0 markings and the single sharing decision of Postern: [`may_read`].
//!
//! Every read path (TAXII objects, manifests, versions, status, link verdicts, feeds, portal
//! counts) asks [`may_read`]; nothing else in the workspace decides who sees what. The crate is
//! pure: no IO, no clock.

use serde::{Deserialize, Serialize};

/// A Traffic Light Protocol level, ordered from least to most restrictive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tlp {
    #[serde(rename = "clear")]
    Clear,
    #[serde(rename = "green")]
    Green,
    #[serde(rename = "amber")]
    Amber,
    #[serde(rename = "amber+strict")]
    AmberStrict,
    #[serde(rename = "red")]
    Red,
}

/// TLP 2.0 marking-definition ids (extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d).
pub const TLP2_CLEAR: &str = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
pub const TLP2_GREEN: &str = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
pub const TLP2_AMBER: &str = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
pub const TLP2_AMBER_STRICT: &str = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
pub const TLP2_RED: &str = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
/// TLP 1.0 ids still emitted by MISP, OpenCTI and the python `stix2` library.
pub const TLP1_WHITE: &str = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
pub const TLP1_GREEN: &str = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
pub const TLP1_AMBER: &str = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
pub const TLP1_RED: &str = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

impl Tlp {
    pub const ALL: [Tlp; 5] = [Tlp::Clear, Tlp::Green, Tlp::Amber, Tlp::AmberStrict, Tlp::Red];

    /// The TLP level a marking-definition id stands for, if it is one of the TLP 2.0 or 1.0 ids.
    pub fn from_marking_id(id: &str) -> Option<Tlp> {
        Some(match id {
            TLP2_CLEAR | TLP1_WHITE => Tlp::Clear,
            TLP2_GREEN | TLP1_GREEN => Tlp::Green,
            TLP2_AMBER | TLP1_AMBER => Tlp::Amber,
            TLP2_AMBER_STRICT => Tlp::AmberStrict,
            TLP2_RED | TLP1_RED => Tlp::Red,
            _ => return None,
        })
    }

    /// The TLP 2.0 marking-definition id of this level (what the hub emits).
    pub fn marking_id(self) -> &'static str {
        match self {
            Tlp::Clear => TLP2_CLEAR,
            Tlp::Green => TLP2_GREEN,
            Tlp::Amber => TLP2_AMBER,
            Tlp::AmberStrict => TLP2_AMBER_STRICT,
            Tlp::Red => TLP2_RED,
        }
    }

    /// The label FIRST prints on documents, e.g. `TLP:AMBER+STRICT`.
    pub fn label(self) -> &'static str {
        match self {
            Tlp::Clear => "TLP:CLEAR",
            Tlp::Green => "TLP:GREEN",
            Tlp::Amber => "TLP:AMBER",
            Tlp::AmberStrict => "TLP:AMBER+STRICT",
            Tlp::Red => "TLP:RED",
        }
    }

    /// Lower-case name used in config, CLI flags and the database (`clear`, `amber+strict`).
    pub fn name(self) -> &'static str {
        match self {
            Tlp::Clear => "clear",
            Tlp::Green => "green",
            Tlp::Amber => "amber",
            Tlp::AmberStrict => "amber+strict",
            Tlp::Red => "red",
        }
    }

    /// Parses a level name as users type it: `clear`, `TLP:GREEN`, `amber+strict`, `white`.
    pub fn parse(s: &str) -> Option<Tlp> {
        let s = s.trim().to_ascii_lowercase();
        let s = s.strip_prefix("tlp:").unwrap_or(&s);
        Some(match s {
            "clear" | "white" => Tlp::Clear,
            "green" => Tlp::Green,
            "amber" => Tlp::Amber,
            "amber+strict" | "amber-strict" | "amber_strict" => Tlp::AmberStrict,
            "red" => Tlp::Red,
            _ => return None,
        })
    }

    /// Small integer stored in databases and indexes; order-preserving.
    pub fn rank(self) -> u8 {
        self as u8
    }

    pub fn from_rank(rank: u8) -> Option<Tlp> {
        Tlp::ALL.get(usize::from(rank)).copied()
    }

    /// Levels whose objects are restricted to the producer and its named recipients.
    pub fn is_recipient_restricted(self) -> bool {
        matches!(self, Tlp::AmberStrict | Tlp::Red)
    }
}

/// The most restrictive TLP level among marking ids (object and granular markings together);
/// `None` when no TLP marking is present, so the caller applies the hub's default.
pub fn most_restrictive<'a>(marking_ids: impl IntoIterator<Item = &'a str>) -> Option<Tlp> {
    marking_ids.into_iter().filter_map(Tlp::from_marking_id).max()
}

/// What the hub knows about one stored object for sharing decisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// Effective level: the most restrictive marking, or the hub default when unmarked.
    pub tlp: Tlp,
    /// STIX identity id of the producing organisation.
    pub producer: String,
    /// Identity ids named in `x_postern_recipients` (only meaningful for AMBER+STRICT and RED).
    pub recipients: Vec<String>,
}

/// Who is asking, and what their grant on the collection holding the object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience<'a> {
    /// An unauthenticated TAXII or portal reader of a collection.
    Anonymous { public_collection: bool },
    /// An authenticated member organisation, by its STIX identity id.
    Member { identity: &'a str, collection_read: bool, public_collection: bool },
    /// An anonymous lookup that reveals only a verdict (check my link): it may use indicators up
    /// to `ceiling`, which is clamped to GREEN whatever the configuration says.
    AnonymousLookup { ceiling: Tlp },
}

/// The one sharing decision: may `audience` see the object described by `access`?
///
/// CLEAR: everyone with read on the collection, anonymous readers of public collections.
/// GREEN and AMBER: members with read on the collection.
/// AMBER+STRICT and RED: the producer and the recipients it names, if they may read the collection.
pub fn may_read(audience: &Audience<'_>, access: &Access) -> bool {
    match *audience {
        Audience::Anonymous { public_collection } => public_collection && access.tlp == Tlp::Clear,
        Audience::AnonymousLookup { ceiling } => access.tlp <= ceiling.min(Tlp::Green),
        Audience::Member { identity, collection_read, public_collection } => {
            if !collection_read {
                return public_collection && access.tlp == Tlp::Clear;
            }
            if !access.tlp.is_recipient_restricted() {
                return true;
            }
            access.producer == identity || access.recipients.iter().any(|r| r == identity)
        }
    }
}

/// The rows an audience could possibly read, in a form a store can pre-select on without
/// deciding anything: every row at or below `open_up_to`, plus the rows `identity` produced or
/// is named a recipient of. [`may_read`] still decides on every row; this only spares a reader
/// from scanning rows it can never see (and so from learning how many there are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidates {
    /// Levels readable whoever produced the row; `None`: no level is.
    pub open_up_to: Option<Tlp>,
    /// The member whose own and addressed rows are candidates too.
    pub identity: Option<String>,
}

/// The candidates of `audience`: a superset of what [`may_read`] allows it.
pub fn candidates(audience: &Audience<'_>) -> Candidates {
    let clear_if = |public: bool| Candidates { open_up_to: public.then_some(Tlp::Clear), identity: None };
    match *audience {
        Audience::Anonymous { public_collection } => clear_if(public_collection),
        Audience::AnonymousLookup { ceiling } => Candidates { open_up_to: Some(ceiling.min(Tlp::Green)), identity: None },
        Audience::Member { collection_read: false, public_collection, .. } => clear_if(public_collection),
        Audience::Member { identity, collection_read: true, .. } => {
            Candidates { open_up_to: Some(Tlp::Amber), identity: Some(identity.to_string()) }
        }
    }
}

impl Candidates {
    /// Whether a row with `access` is a candidate (what the store's SQL computes).
    pub fn admits(&self, access: &Access) -> bool {
        self.open_up_to.is_some_and(|t| access.tlp <= t)
            || self.identity.as_deref().is_some_and(|me| access.producer == me || access.recipients.iter().any(|r| r == me))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How the reader relates to the object's producer.
    #[derive(Debug, Clone, Copy)]
    enum Relation {
        Producer,
        Recipient,
        Other,
    }

    const ME: &str = "identity--00000000-0000-4000-8000-000000000001";
    const PRODUCER: &str = "identity--00000000-0000-4000-8000-000000000002";

    fn access(tlp: Tlp, relation: Relation) -> Access {
        let producer = match relation {
            Relation::Producer => ME,
            _ => PRODUCER,
        };
        let recipients = match relation {
            Relation::Recipient => vec![ME.to_string()],
            _ => vec!["identity--00000000-0000-4000-8000-000000000009".to_string()],
        };
        Access { tlp, producer: producer.to_string(), recipients }
    }

    /// The expected answer, written as the TLP 2.0 table reads, independently of `may_read`.
    fn expected(tlp: Tlp, relation: Relation, grant: (bool, bool, bool)) -> bool {
        let (member, collection_read, public) = grant;
        let in_collection = collection_read && member;
        match tlp {
            Tlp::Clear => in_collection || public,
            Tlp::Green | Tlp::Amber => in_collection,
            Tlp::AmberStrict | Tlp::Red => in_collection && matches!(relation, Relation::Producer | Relation::Recipient),
        }
    }

    #[test]
    fn decision_is_exhaustively_the_tlp_table() {
        let mut cases = 0;
        for tlp in Tlp::ALL {
            for relation in [Relation::Producer, Relation::Recipient, Relation::Other] {
                for member in [false, true] {
                    for collection_read in [false, true] {
                        for public in [false, true] {
                            if !member && collection_read {
                                continue; // anonymous readers have no collection grant
                            }
                            let audience = if member {
                                Audience::Member { identity: ME, collection_read, public_collection: public }
                            } else {
                                Audience::Anonymous { public_collection: public }
                            };
                            let got = may_read(&audience, &access(tlp, relation));
                            let want = expected(tlp, relation, (member, collection_read, public));
                            assert_eq!(got, want, "{tlp:?} {relation:?} member={member} read={collection_read} public={public}");
                            cases += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(cases, 5 * 3 * 6);
    }

    #[test]
    fn candidates_never_drop_a_readable_row_and_keep_out_restricted_rows_of_others() {
        let mut audiences = vec![];
        for public_collection in [false, true] {
            audiences.push(Audience::Anonymous { public_collection });
            for collection_read in [false, true] {
                audiences.push(Audience::Member { identity: ME, collection_read, public_collection });
            }
        }
        audiences.extend(Tlp::ALL.map(|ceiling| Audience::AnonymousLookup { ceiling }));
        for audience in audiences {
            let c = candidates(&audience);
            for tlp in Tlp::ALL {
                for relation in [Relation::Producer, Relation::Recipient, Relation::Other] {
                    let a = access(tlp, relation);
                    if may_read(&audience, &a) {
                        assert!(c.admits(&a), "{audience:?} may read {tlp:?} {relation:?} but it is not a candidate");
                    }
                    // Rows another producer restricted to others are never even scanned.
                    if tlp.is_recipient_restricted() && matches!(relation, Relation::Other) {
                        assert!(!c.admits(&a), "{audience:?} scans {tlp:?} rows of others");
                    }
                }
            }
        }
    }

    #[test]
    fn anonymous_lookup_never_exceeds_green() {
        for ceiling in Tlp::ALL {
            for tlp in Tlp::ALL {
                let got = may_read(&Audience::AnonymousLookup { ceiling }, &access(tlp, Relation::Other));
                assert_eq!(got, tlp <= ceiling && tlp <= Tlp::Green, "{ceiling:?} {tlp:?}");
            }
        }
    }

    #[test]
    fn tlp1_ids_map_and_white_is_clear() {
        assert_eq!(Tlp::from_marking_id(TLP1_WHITE), Some(Tlp::Clear));
        assert_eq!(Tlp::from_marking_id(TLP1_RED), Some(Tlp::Red));
        assert_eq!(most_restrictive([TLP2_GREEN, TLP1_AMBER, "marking-definition--x"]), Some(Tlp::Amber));
        assert_eq!(most_restrictive(["marking-definition--x"]), None);
        for t in Tlp::ALL {
            assert_eq!(Tlp::from_marking_id(t.marking_id()), Some(t));
            assert_eq!(Tlp::parse(t.label()), Some(t));
            assert_eq!(Tlp::from_rank(t.rank()), Some(t));
        }
    }
}
