//! The portal's pages, one module per capability: `public` (what citizens use: checks, reports,
//! awareness), `members` (the members' workspace: dashboard, indicators, triage, recipient
//! lists), `posture` (domain posture), `incidents` (incident cases and their clocks), `exercises` (joint exercises: runs, their score and hot-wash), `monitor` (the brand monitor's triage queue), `awareness` (lessons, report a message, simulation campaigns, citizens' quizzes), `admin` (the hub's administration). A new capability adds
//! its module here, its templates under `templates/`, and its message keys to both catalogues.

pub(crate) mod admin;
pub(crate) mod awareness;
pub(crate) mod exercises;
pub(crate) mod incidents;
pub(crate) mod members;
pub(crate) mod monitor;
pub(crate) mod posture;
pub(crate) mod public;
pub(crate) mod readiness;
