//! Who may do what: the one table of roles against the state-changing actions of the portal
//! and of the JSON and federation APIs. Handlers ask [`require`] and map its refusal once per
//! face (an error page in the portal, problem details or a TAXII error object in the APIs).
//!
//! The hub checks writes to collections again (`Hub::add_objects` refuses a reader's token);
//! this table decides the actions the hub does not know of (recipient lists, triage, the
//! citizen's contact details) and refuses the others before any work is done.

use hub::{HubError, Principal};
use store::Role;

/// Something a caller asks to do that changes state or shows private data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Submit an indicator from the portal's form.
    SubmitIndicator,
    /// Record a sighting of an object from its page.
    AddSighting,
    /// See the triage queue of citizen reports and accept or reject them.
    Triage,
    /// Create, overwrite or delete one of the organisation's TLP:RED recipient lists.
    EditRecipientLists,
    /// See the contact details a citizen left with a report: the hub operator's own analysts
    /// only, since the citizen gave them to the hub, not to every member.
    SeeReporterContact,
    /// Report link or message findings into the hub (`"report": true` on the JSON API).
    ReportToHub,
    /// Start posture scans (`POST /api/v1/posture/scan`).
    ScanPosture,
    /// Push objects over a federation peering (`POST /federation/collections/{id}/objects`).
    PushFromPeer,
    /// Create or change the organisation's incident cases, their notes, tasks, evidence and
    /// links (reading them needs membership of the organisation only).
    EditIncidents,
    /// Manage the hub: organisations, users, tokens, collections, peers.
    AdministerHub,
    /// Start, answer and finalise the organisation's readiness assessments.
    AnswerReadiness,
    /// Open any member's readiness assessment and validate its answers: the hub operator's own
    /// analysts, as facilitators of readiness missions.
    FacilitateReadiness,
    /// Confirm, reject or allowlist the brand monitor's hits of the organisation (rejecting
    /// revokes their indicators).
    TriageHits,
    /// Ask for DNS tokens and prove the organisation's domains for readiness scan evidence: the
    /// organisation's administrators.
    ProveDomains,
    /// Create simulation campaigns and read their results and information sheets: the
    /// organisation's administrators (per-person click data is monitoring; only group figures
    /// are shown even to them).
    RunCampaigns,
    /// Share the organisation's finalised readiness reports with a named regulator
    /// organisation, and withdraw a share: the organisation's administrators.
    ShareReadiness,
    /// Read the ISAC's awareness benchmarks (difficulty-normalised aggregates over the posts that
    /// opted in, never one post's figures): the hub operator's own analysts, the ISAC.
    SeeAwarenessBenchmarks,
}

impl Action {
    /// The name of the action in audit lines and refusals.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::SubmitIndicator => "indicator.submit",
            Action::AddSighting => "sighting.add",
            Action::Triage => "triage",
            Action::EditRecipientLists => "recipients.edit",
            Action::SeeReporterContact => "report.contact",
            Action::ReportToHub => "report.hub",
            Action::ScanPosture => "posture.scan",
            Action::PushFromPeer => "federation.push",
            Action::EditIncidents => "incident.edit",
            Action::AdministerHub => "hub.admin",
            Action::AnswerReadiness => "readiness.answer",
            Action::FacilitateReadiness => "readiness.facilitate",
            Action::TriageHits => "monitor.triage",
            Action::ProveDomains => "readiness.domains",
            Action::RunCampaigns => "awareness.campaigns",
            Action::ShareReadiness => "readiness.share",
            Action::SeeAwarenessBenchmarks => "awareness.benchmarks",
        }
    }
}

/// Who asks, as far as the table cares: the role and whether the organisation runs the hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    Anonymous,
    Member { role: Role, hub_org: bool },
}

impl From<&Principal> for Caller {
    fn from(who: &Principal) -> Caller {
        match who {
            Principal::Anonymous => Caller::Anonymous,
            Principal::Member { org, role, .. } => Caller::Member { role: *role, hub_org: org.is_hub },
        }
    }
}

/// Why an action was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// Nobody is signed in (or no token was sent): the caller should authenticate.
    #[error("{} needs a member's credentials", .0.as_str())]
    SignIn(Action),
    /// The caller's role may not do this.
    #[error("a {role} may not do {}", .action.as_str(), role = .role.as_str())]
    Role { role: Role, action: Action },
}

impl From<Denied> for HubError {
    fn from(d: Denied) -> HubError {
        match d {
            Denied::SignIn(_) => HubError::Unauthenticated(d.to_string()),
            Denied::Role { .. } => HubError::Forbidden(d.to_string()),
        }
    }
}

/// True when `caller` may do `action`: the whole policy, in one match.
pub fn allows(caller: Caller, action: Action) -> bool {
    let Caller::Member { role, hub_org } = caller else { return false };
    match action {
        // Readers read: every change to intelligence, lists or the queue needs an analyst or
        // an administrator of the organisation.
        Action::SubmitIndicator
        | Action::AddSighting
        | Action::Triage
        | Action::EditRecipientLists
        | Action::ReportToHub
        | Action::ScanPosture
        | Action::PushFromPeer
        | Action::AnswerReadiness
        | Action::EditIncidents
        | Action::TriageHits => role.may_write(),
        Action::SeeReporterContact | Action::FacilitateReadiness | Action::SeeAwarenessBenchmarks => hub_org && role.may_write(),
        Action::AdministerHub => hub_org && role == Role::Admin,
        Action::ProveDomains | Action::RunCampaigns | Action::ShareReadiness => role == Role::Admin,
    }
}

/// `Ok` when `caller` may do `action`, else why not.
pub fn require(caller: Caller, action: Action) -> Result<(), Denied> {
    match caller {
        _ if allows(caller, action) => Ok(()),
        Caller::Anonymous => Err(Denied::SignIn(action)),
        Caller::Member { role, .. } => Err(Denied::Role { role, action }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Action; 17] = [
        Action::SubmitIndicator,
        Action::AddSighting,
        Action::Triage,
        Action::EditRecipientLists,
        Action::SeeReporterContact,
        Action::ReportToHub,
        Action::ScanPosture,
        Action::PushFromPeer,
        Action::EditIncidents,
        Action::AdministerHub,
        Action::AnswerReadiness,
        Action::FacilitateReadiness,
        Action::TriageHits,
        Action::ProveDomains,
        Action::RunCampaigns,
        Action::ShareReadiness,
        Action::SeeAwarenessBenchmarks,
    ];

    /// `allowed` lists the actions `caller` may do; every other one must be refused.
    fn check(caller: Caller, allowed: &[Action]) {
        for action in ALL {
            assert_eq!(allows(caller, action), allowed.contains(&action), "{caller:?} {action:?}");
            assert_eq!(require(caller, action).is_ok(), allowed.contains(&action), "{caller:?} {action:?}");
        }
    }

    #[test]
    fn the_table() {
        let member = |role, hub_org| Caller::Member { role, hub_org };
        let writes = [
            Action::SubmitIndicator,
            Action::AddSighting,
            Action::Triage,
            Action::EditRecipientLists,
            Action::ReportToHub,
            Action::ScanPosture,
            Action::PushFromPeer,
            Action::AnswerReadiness,
            Action::EditIncidents,
            Action::TriageHits,
        ];
        check(Caller::Anonymous, &[]);
        check(member(Role::Reader, false), &[]);
        check(member(Role::Reader, true), &[]);
        check(member(Role::Analyst, false), &writes);
        let admin = [&writes[..], &[Action::ProveDomains, Action::RunCampaigns, Action::ShareReadiness]].concat();
        check(member(Role::Admin, false), &admin);
        let hub_analyst =
            [&writes[..], &[Action::SeeReporterContact, Action::FacilitateReadiness, Action::SeeAwarenessBenchmarks]].concat();
        check(member(Role::Analyst, true), &hub_analyst);
        let hub_admin =
            [&hub_analyst[..], &[Action::AdministerHub, Action::ProveDomains, Action::RunCampaigns, Action::ShareReadiness]].concat();
        check(member(Role::Admin, true), &hub_admin);
    }

    #[test]
    fn refusals_map_to_the_hub_errors_the_faces_know() {
        let anon = require(Caller::Anonymous, Action::EditRecipientLists).map_err(HubError::from);
        assert!(matches!(anon, Err(HubError::Unauthenticated(_))));
        let reader = require(Caller::Member { role: Role::Reader, hub_org: false }, Action::EditRecipientLists);
        assert_eq!(reader, Err(Denied::Role { role: Role::Reader, action: Action::EditRecipientLists }));
        assert!(matches!(reader.map_err(HubError::from), Err(HubError::Forbidden(m)) if m == "a reader may not do recipients.edit"));
    }
}
