//! Incident rules: the regulatory clocks of NIS2-style incident reporting, computed from
//! versioned jurisdiction rule sets (data files under `data/jurisdictions/`), and the rules of
//! incident cases (`case`: fields, vocabularies as data under `data/case/`, tasks, evidence).
//!
//! The crate is pure: it reads no file at run time (the rule sets are embedded), opens no
//! connection and never reads the clock; `now` is a parameter of every check that needs it.

pub mod audience;
pub mod case;
pub mod clock;
pub mod followup;
pub mod remind;
pub mod report;
pub mod rules;

pub use case::{
    CaseError, CaseFields, CaseInput, EvidenceFacts, Requests, StageRequest, StageState, TaskFields, TaskInput, case_clock, check_case,
    check_evidence, check_note, check_request, check_stix_id, check_submission, check_task, stage_state,
};
/// The IANA time zone type the engine computes in.
pub use chrono_tz::Tz as Zone;
pub use clock::{Clock, ClockError, Deadline, Facts, Request, Requested, deadlines, evaluate, parse_instant, parse_zone};
pub use rules::{Anchor, Applies, Delay, FieldKind, FieldSpec, RuleError, RuleSet, Stage, jurisdiction, jurisdictions};
