//! Administration of the hub: organisations, API tokens, collections, first-start bootstrap.
//! Every change lands in the audit log in the same call.

use store::{Collection, NewAudit, Org, Role, TokenRecord, now_rfc3339};

use crate::{Hub, HubError, Result, bad};

/// A freshly issued token: the secret is shown once and never stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedToken {
    pub id: String,
    pub token: String,
    pub org: String,
    pub role: Role,
}

/// Who may read a new collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadGrant {
    AllMembers,
    Orgs(Vec<String>),
}

/// What `postern collection add` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionSpec {
    pub title: String,
    pub description: Option<String>,
    pub read: ReadGrant,
    pub write: Vec<String>,
    pub public: bool,
}

const HUB_ORG_NAME: &str = "hub";

impl Hub {
    pub(crate) fn ensure_hub_org(&self) -> Result<Org> {
        if let Some(org) = self.store.hub_org()? {
            return Ok(org);
        }
        let identity = format!("identity--{}", uuid::Uuid::new_v4());
        match self.store.create_org(HUB_ORG_NAME, &identity, None, true) {
            Ok(org) => {
                self.audit("system", "org.add", HUB_ORG_NAME, &format!("hub organisation created with {identity}"))?;
                Ok(org)
            }
            // Another process created it between our read and our write.
            Err(store::StoreError::Duplicate { .. }) => self.store.hub_org()?.ok_or_else(|| HubError::NotFound("hub organisation".into())),
            Err(e) => Err(e.into()),
        }
    }

    /// The hub's own organisation (creator of hub-made objects, holder of the first admin token).
    pub fn hub_org(&self) -> Result<Org> {
        self.ensure_hub_org()
    }

    /// The hub's STIX identity object, as it would be shared.
    pub fn hub_identity_object(&self) -> Result<serde_json::Value> {
        let org = self.hub_org()?;
        Ok(serde_json::json!({
            "type": "identity", "spec_version": "2.1", "id": org.identity_id,
            "created": org.created, "modified": org.created,
            "name": "Postern POST-ISAC hub", "identity_class": "organization", "sectors": ["communications"],
        }))
    }

    /// Issues the first admin token exactly once in the life of a database (first `serve`).
    pub fn bootstrap_admin_token(&self) -> Result<Option<IssuedToken>> {
        let marker = format!("claimed-{}", uuid::Uuid::new_v4());
        if self.store.meta_init("bootstrap_admin_token", &marker)? != marker {
            return Ok(None);
        }
        self.issue_token(HUB_ORG_NAME, Role::Admin, "bootstrap").map(Some)
    }

    pub fn add_org(&self, name: &str, country: Option<&str>, actor: &str) -> Result<Org> {
        let name = name.trim();
        if name.is_empty() || name.len() > 200 || name.chars().any(char::is_control) {
            return Err(bad("name", "an organisation name is 1 to 200 printable characters"));
        }
        if name.contains(',') {
            return Err(bad("name", "an organisation name may not contain ',' (lists of names are comma-separated)"));
        }
        let country = country.map(str::trim).filter(|c| !c.is_empty());
        if let Some(cc) = country
            && !(cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err(bad("country", format!("'{cc}' is not an ISO 3166-1 alpha-2 code such as FR")));
        }
        let identity = format!("identity--{}", uuid::Uuid::new_v4());
        let org = self.store.create_org(name, &identity, country, false).map_err(conflict)?;
        self.audit(actor, "org.add", name, &format!("identity {identity}"))?;
        Ok(org)
    }

    pub fn org(&self, name: &str) -> Result<Org> {
        self.store.org_by_name(name)?.ok_or_else(|| HubError::NotFound(format!("organisation '{name}' not found")))
    }

    /// The organisation with database id `id`, if any (a portal user's or token's owner).
    pub fn org_by_id(&self, id: i64) -> Result<Option<Org>> {
        Ok(self.store.org_by_id(id)?)
    }

    /// Appends a line for an action the hub did not perform itself (a portal login, a refusal
    /// by the HTTP face's role table): every audit line, whoever writes it, goes through the
    /// hub so that one log holds them all.
    pub fn append_audit(&self, entry: &NewAudit) -> Result<()> {
        Ok(self.store.append(entry)?)
    }

    /// How many object versions a collection stores (deletions lower it): what the blocklist
    /// indexes compare to know whether to rebuild.
    pub fn stored_versions(&self, collection_id: &str) -> Result<u64> {
        Ok(self.store.count(collection_id)?)
    }

    /// Every organisation, for the operator's console.
    pub fn orgs(&self) -> Result<Vec<Org>> {
        Ok(self.store.list_orgs()?)
    }

    /// Every token record (hashes only, never secrets), for the operator's console.
    pub fn tokens(&self) -> Result<Vec<TokenRecord>> {
        Ok(self.store.list_tokens()?)
    }

    /// Every collection with its grants, for the operator's console (members see theirs
    /// through [`Hub::collections`]).
    pub fn all_collections(&self) -> Result<Vec<Collection>> {
        Ok(self.store.list_collections()?)
    }

    /// The collections of exercise runs: their participants read and write them over TAXII,
    /// but they never feed a blocklist, an RPZ, a link verdict or a federation peer.
    pub fn exercise_collections(&self) -> Result<Vec<String>> {
        Ok(self.store.exercise_collections()?)
    }

    /// Whether `collection_id` belongs to an exercise run (see [`Hub::exercise_collections`]).
    pub fn is_exercise_collection(&self, collection_id: &str) -> Result<bool> {
        Ok(self.exercise_collections()?.iter().any(|c| c == collection_id))
    }

    /// Audit entries after sequence number `after`, oldest first, at most `limit`.
    pub fn audit_entries(&self, after: i64, limit: usize) -> Result<Vec<store::AuditEntry>> {
        Ok(self.store.entries(after, limit)?)
    }

    /// Audit entries about one of `targets` from `from` to `to` (RFC 3339 UTC with milliseconds,
    /// inclusive), oldest first, read by target through the store's index.
    pub fn audit_about(&self, targets: &[String], from: &str, to: &str) -> Result<Vec<store::AuditEntry>> {
        Ok(self.store.entries_about(targets, from, to)?)
    }

    /// Binds a STIX identity to an organisation (its own platform's identity in
    /// `created_by_ref`); audited. 409 when an organisation already holds it.
    pub fn bind_identity(&self, org_name: &str, identity_id: &str, actor: &str) -> Result<store::IdentityBinding> {
        let org = self.org(org_name)?;
        if !stix_identity_id(identity_id) {
            return Err(bad(
                "identity",
                format!("'{}' is not a STIX identity id (identity--UUID)", identity_id.chars().take(80).collect::<String>()),
            ));
        }
        let audit = store::NewAudit {
            actor: actor.into(),
            action: "identity.bind".into(),
            target: identity_id.into(),
            outcome: "ok".into(),
            detail: format!("bound to organisation '{}' by an administrator", org.name),
        };
        self.store.bind_identity(identity_id, org.id, &audit).map_err(|e| match e {
            store::StoreError::Duplicate { .. } => HubError::Conflict(format!(
                "{identity_id} already speaks for an organisation; remove that binding first (an organisation's own identity cannot be moved)"
            )),
            e => HubError::Store(e),
        })
    }

    /// Removes a binding; audited. 404 when the identity is not bound.
    pub fn unbind_identity(&self, identity_id: &str, actor: &str) -> Result<()> {
        let audit = store::NewAudit {
            actor: actor.into(),
            action: "identity.unbind".into(),
            target: identity_id.into(),
            outcome: "ok".into(),
            detail: "binding removed by an administrator".into(),
        };
        if self.store.unbind_identity(identity_id, &audit)? {
            Ok(())
        } else {
            Err(HubError::NotFound(format!(
                "identity '{}' is not bound to an organisation",
                identity_id.chars().take(80).collect::<String>()
            )))
        }
    }

    /// Every binding with the name of its organisation, oldest first; only for `org_name` when given.
    pub fn identity_bindings(&self, org_name: Option<&str>) -> Result<Vec<(store::IdentityBinding, String)>> {
        let only = org_name.map(|n| self.org(n)).transpose()?;
        let orgs = self.store.list_orgs()?;
        Ok(self
            .store
            .identity_bindings()?
            .into_iter()
            .filter(|b| only.as_ref().is_none_or(|o| o.id == b.org_id))
            .map(|b| {
                let name = orgs.iter().find(|o| o.id == b.org_id).map(|o| o.name.clone()).unwrap_or_default();
                (b, name)
            })
            .collect())
    }

    pub fn issue_token(&self, org_name: &str, role: Role, actor: &str) -> Result<IssuedToken> {
        let org = self.org(org_name)?;
        let (token, id, hash) = crate::auth::new_token();
        let record = TokenRecord { id: id.clone(), org_id: org.id, role, secret_hash: hash, created: now_rfc3339(), revoked: None };
        self.store.insert_token(&record)?;
        self.audit(actor, "token.issue", &id, &format!("org {} role {}", org.name, role.as_str()))?;
        Ok(IssuedToken { id, token, org: org.name, role })
    }

    pub fn revoke_token(&self, id: &str, actor: &str) -> Result<()> {
        // Accept the whole token too: operators paste what they have.
        let id = crate::parse_token(id).map_or(id, |(i, _)| i);
        if !self.store.revoke_token(id, &now_rfc3339())? {
            return Err(HubError::NotFound(format!("token '{id}' not found")));
        }
        self.tokens.forget(id);
        self.audit(actor, "token.revoke", id, "")?;
        Ok(())
    }

    pub fn add_collection(&self, spec: &CollectionSpec, actor: &str) -> Result<Collection> {
        let title = spec.title.trim();
        if title.is_empty() || title.len() > 200 || title.chars().any(char::is_control) {
            return Err(bad("title", "a collection title is 1 to 200 printable characters"));
        }
        let ids = |names: &[String]| -> Result<Vec<i64>> { names.iter().map(|n| self.org(n.trim()).map(|o| o.id)).collect() };
        let (read_all, readers) = match &spec.read {
            ReadGrant::AllMembers => (true, Vec::new()),
            ReadGrant::Orgs(names) => (false, ids(names)?),
        };
        let collection = Collection {
            id: uuid::Uuid::new_v4().to_string(),
            title: title.to_string(),
            description: spec.description.clone(),
            read_all,
            public: spec.public,
            readers,
            writers: ids(&spec.write)?,
        };
        self.store.create_collection(&collection).map_err(conflict)?;
        self.audit(
            actor,
            "collection.add",
            &collection.id,
            &format!("title '{}' read {:?} write {:?} public {}", collection.title, spec.read, spec.write, spec.public),
        )?;
        Ok(collection)
    }

    pub(crate) fn audit(&self, actor: &str, action: &str, target: &str, detail: &str) -> Result<()> {
        let entry =
            NewAudit { actor: actor.into(), action: action.into(), target: target.into(), outcome: "ok".into(), detail: detail.into() };
        Ok(self.store.append(&entry)?)
    }
}

fn conflict(e: store::StoreError) -> HubError {
    match e {
        store::StoreError::Duplicate { .. } => HubError::Conflict(e.to_string()),
        other => HubError::Store(other),
    }
}

fn stix_identity_id(id: &str) -> bool {
    id.strip_prefix("identity--").is_some_and(|u| uuid::Uuid::parse_str(u).is_ok() && u.len() == 36)
}
