//! Postal cyber-readiness assessments: the question bank, the scoring contract and peer benchmarks.
//!
//! The crate is pure: no IO and no clock. The bank and the framework lists are data files under
//! `data/`, embedded at build time; `now` is always a parameter.

pub mod bank;
pub mod bench;
pub mod chart;
pub mod evidence;
pub mod file;
pub mod frameworks;
pub mod peers;
pub mod platform;
pub mod profile;
pub mod proof;
pub mod scan;
pub mod score;
pub mod starter;
pub mod summary;
pub mod trend;

pub use bank::{Bank, BankError, Coverage, Effort, Question, Scale};
pub use profile::{Channel, Profile};
pub use score::{
    Applicability, AreaResult, AreaWeights, Assessment, Claim, Claimed, Contradiction, Evidence, Level, Observation, Outcome, PlanItem,
    QuestionResult, ScanState, ScoreError, assess,
};
