//! Joint post–CSIRT exercises: scenarios as data (modules, injects on a compressed clock,
//! expectations with a score and an expiry), and the scoring of a run from the audit trail and
//! a facilitator's marks.
//!
//! The crate is pure: the shipped scenarios are embedded, nothing is read at run time, and
//! `now` is a parameter of every function that needs the time.

pub mod clock;
pub mod report;
pub mod scenario;
pub mod score;

pub use clock::Clock;
pub use scenario::{
    Expectation, Inject, InjectKind, KNOWN_ACTIONS, Module, Rule, Scenario, ScenarioError, Scoring, load, parse, shipped, shipped_in,
};
pub use score::{AuditEvent, Board, ExpectationScore, ImprovementAction, Mark, Run, Status, Totals, draft_actions, due_injects, score};
