//! Incident rules: the regulatory clocks of NIS2-style incident reporting, computed from
//! versioned jurisdiction rule sets (data files under `data/jurisdictions/`).
//!
//! The crate is pure: it reads no file at run time (the rule sets are embedded), opens no
//! connection and never reads the clock; `now` is a parameter of every check that needs it.

pub mod clock;
pub mod rules;

pub use clock::{Clock, ClockError, Deadline, Facts, Request, deadlines, evaluate, parse_instant, parse_zone};
pub use rules::{Anchor, Applies, Delay, RuleError, RuleSet, Stage, jurisdiction, jurisdictions};
