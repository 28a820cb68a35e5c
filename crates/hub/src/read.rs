//! TLP-filtered reads: collections, object pages, manifests, versions, deletes, statuses.
//!
//! Every row read from the store passes `tlp::may_read` before it reaches a caller; pages are
//! keyset-paged on the hub's unique, commit-ordered `date_added`.

use store::{Collection, NewAudit, ObjectQuery, StoredObject, VersionSel};
use tlp::Audience;

use crate::query::{decode_cursor, encode_cursor, fingerprint};
use crate::{Filters, Hub, HubError, Principal, Result, bad};

/// What the caller may do with a collection it can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    pub read: bool,
    pub write: bool,
}

/// One page of object versions, oldest `date_added` first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub objects: Vec<StoredObject>,
    pub more: bool,
    pub next: Option<String>,
}

/// One page of an object's versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionsPage {
    pub versions: Vec<String>,
    pub more: bool,
    pub next: Option<String>,
    pub first_added_us: Option<i64>,
    pub last_added_us: Option<i64>,
}

/// Rows read per request at most before a page is cut short (it then says `more` with a cursor),
/// so a reader who may see little of a large collection cannot make one request scan it all.
const SCAN_BUDGET: usize = 20_000;

impl Hub {
    /// The collections `who` may see, with its grant on each.
    pub fn collections(&self, who: &Principal) -> Result<Vec<(Collection, Grant)>> {
        Ok(self.store.list_collections()?.into_iter().filter_map(|c| grant(who, &c).map(|g| (c, g))).collect())
    }

    /// Whether `who` may read an object with this STIX id in any collection it reads (one answer
    /// whether the object does not exist or may not be read).
    pub fn readable_object(&self, who: &Principal, object_id: &str) -> Result<bool> {
        for (c, grant) in self.collections(who)? {
            if !grant.read {
                continue;
            }
            match self.object_page(who, &c.id, object_id, &Filters::default()) {
                Ok(page) if !page.objects.is_empty() => return Ok(true),
                Ok(_) | Err(HubError::NotFound(_) | HubError::Forbidden(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(false)
    }

    /// The collection, if `who` may see it; otherwise 404, so its existence does not leak.
    pub fn collection_access(&self, who: &Principal, id: &str) -> Result<(Collection, Grant)> {
        let not_found = || HubError::NotFound(format!("collection '{}' not found", id.chars().take(80).collect::<String>()));
        let Some(col) = self.store.collection(id)? else { return Err(not_found()) };
        match grant(who, &col) {
            Some(g) => Ok((col, g)),
            None => Err(self.deny(who, "collection.read", id, not_found())),
        }
    }

    /// Get Objects / Get Manifest: a page of visible versions matching `filters`.
    pub fn objects_page(&self, who: &Principal, collection_id: &str, endpoint: &str, filters: &Filters) -> Result<Page> {
        let (col, grant) = self.collection_access(who, collection_id)?;
        let mut versions = filters.versions.clone();
        if versions.is_empty() {
            versions.push(VersionSel::Last);
        }
        self.page(who, &col, grant, endpoint, filters, filters.ids.clone(), versions)
    }

    /// Get An Object: its visible versions (default the last); 404 when none is visible.
    pub fn object_page(&self, who: &Principal, collection_id: &str, object_id: &str, filters: &Filters) -> Result<Page> {
        let (col, grant) = self.collection_access(who, collection_id)?;
        let mut versions = filters.versions.clone();
        if versions.is_empty() {
            versions.push(VersionSel::Last);
        }
        let page = self.page(who, &col, grant, &format!("object {object_id}"), filters, vec![object_id.to_string()], versions)?;
        if page.objects.is_empty() && !page.more && filters.next.is_none() && filters.added_after_us.is_none() {
            return Err(HubError::NotFound(format!("object '{}' not found", object_id.chars().take(120).collect::<String>())));
        }
        Ok(page)
    }

    /// Get Object Versions.
    pub fn versions_page(&self, who: &Principal, collection_id: &str, object_id: &str, filters: &Filters) -> Result<VersionsPage> {
        let (col, grant) = self.collection_access(who, collection_id)?;
        let page =
            self.page(who, &col, grant, &format!("versions {object_id}"), filters, vec![object_id.to_string()], vec![VersionSel::All])?;
        if page.objects.is_empty() && !page.more && filters.next.is_none() && filters.added_after_us.is_none() {
            return Err(HubError::NotFound(format!("object '{}' not found", object_id.chars().take(120).collect::<String>())));
        }
        Ok(VersionsPage {
            first_added_us: page.objects.first().map(|o| o.date_added_us),
            last_added_us: page.objects.last().map(|o| o.date_added_us),
            versions: page.objects.iter().map(version_text).collect(),
            more: page.more,
            next: page.next,
        })
    }

    /// Delete An Object: the matching versions (default all) the caller produced; hub admins
    /// may delete any version they can see.
    pub fn delete_object(&self, who: &Principal, collection_id: &str, object_id: &str, filters: &Filters) -> Result<usize> {
        let (col, grant) = self.collection_access(who, collection_id)?;
        let Principal::Member { org, role, .. } = who else {
            return Err(self.deny(who, "object.delete", object_id, HubError::Unauthenticated("deleting needs credentials".into())));
        };
        let versions = if filters.versions.is_empty() { vec![VersionSel::All] } else { filters.versions.clone() };
        let query = ObjectQuery {
            collection_id: col.id.clone(),
            added_after_us: None,
            ids: vec![object_id.to_string()],
            types: Vec::new(),
            versions,
            spec_versions: filters.spec_versions.clone(),
            batch: 100_000,
            candidates: None,
        };
        let audience = audience(who, &col, grant);
        let visible: Vec<StoredObject> = self.store.scan(&query)?.into_iter().filter(|o| tlp::may_read(&audience, &o.access())).collect();
        if visible.is_empty() {
            return Err(HubError::NotFound(format!("object '{}' not found", object_id.chars().take(120).collect::<String>())));
        }
        let hub_admin = org.is_hub && role.may_write() && who.is_admin();
        if !role.may_write() || !grant.write {
            let e =
                HubError::Forbidden(format!("organisation '{}' may not delete from collection '{}' with this token", org.name, col.title));
            return Err(self.deny(who, "object.delete", object_id, e));
        }
        // A member deletes its own versions: of a cyber-observable several producers may hold
        // their own copies, and each producer's copy is its own to delete.
        let visible: Vec<StoredObject> =
            if hub_admin { visible } else { visible.into_iter().filter(|o| o.producer == org.identity_id).collect() };
        if visible.is_empty() {
            let e = HubError::Forbidden("only the producing organisation (or a hub administrator) may delete these versions".into());
            return Err(self.deny(who, "object.delete", object_id, e));
        }
        let stamps: Vec<i64> = visible.iter().map(|o| o.date_added_us).collect();
        let audit = NewAudit {
            actor: who.actor(),
            action: "object.delete".into(),
            target: object_id.into(),
            outcome: "ok".into(),
            detail: format!("collection {} versions {:?}", col.id, visible.iter().map(version_text).collect::<Vec<_>>()),
        };
        Ok(self.store.delete_versions(&col.id, object_id, &stamps, &audit)?)
    }

    /// Get Status: only the organisation that made the request may read it.
    pub fn status(&self, who: &Principal, id: &str) -> Result<String> {
        let not_found = || HubError::NotFound(format!("status '{}' not found", id.chars().take(80).collect::<String>()));
        let Some(org) = who.org() else { return Err(not_found()) };
        match self.store.status(id)? {
            Some(s) if s.org_id == org.id => Ok(s.body),
            _ => Err(not_found()),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn page(
        &self,
        who: &Principal,
        col: &Collection,
        grant: Grant,
        endpoint: &str,
        filters: &Filters,
        ids: Vec<String>,
        versions: Vec<VersionSel>,
    ) -> Result<Page> {
        let fp = fingerprint(endpoint, &col.id, &Filters { ids: ids.clone(), versions: versions.clone(), ..filters.clone() });
        let mut after = filters.added_after_us;
        if let Some(next) = &filters.next {
            let cursor = decode_cursor(&self.cursor_key, fp, next)?;
            after = Some(after.map_or(cursor.after_us, |a| a.max(cursor.after_us)));
        }
        let limit =
            usize::try_from(filters.limit.unwrap_or(self.config.max_page_size as u64)).unwrap_or(usize::MAX).min(self.config.max_page_size);
        if limit == 0 {
            return Err(bad("limit", "must be at least 1"));
        }
        let audience = audience(who, col, grant);
        let want = limit + 1;
        let mut query = ObjectQuery {
            collection_id: col.id.clone(),
            added_after_us: after,
            ids,
            types: filters.types.clone(),
            versions,
            spec_versions: filters.spec_versions.clone(),
            batch: 0,
            candidates: Some(tlp::candidates(&audience)),
        };
        let mut visible = Vec::with_capacity(want);
        let mut scanned = 0;
        let mut last_scanned = None;
        let mut exhausted = false;
        'scan: while visible.len() < want {
            query.batch = (want - visible.len()).max(64).min(SCAN_BUDGET - scanned);
            let rows = self.store.scan(&query)?;
            let got = rows.len();
            for row in rows {
                scanned += 1;
                last_scanned = Some(row.date_added_us);
                if tlp::may_read(&audience, &row.access()) {
                    visible.push(row);
                    if visible.len() == want {
                        break 'scan;
                    }
                }
            }
            if got < query.batch {
                exhausted = true;
                break;
            }
            if scanned >= SCAN_BUDGET {
                break;
            }
            query.added_after_us = last_scanned;
        }
        let resume = if visible.len() == want {
            visible.pop();
            visible.last().map(|o| o.date_added_us)
        } else if exhausted {
            None
        } else {
            last_scanned
        };
        let next = resume.map(|r| encode_cursor(&self.cursor_key, fp, r)).transpose()?;
        Ok(Page { objects: visible, more: next.is_some(), next })
    }
}

/// The grant of `who` on `col`, or `None` when it may not even know the collection exists.
fn grant(who: &Principal, col: &Collection) -> Option<Grant> {
    match who {
        Principal::Anonymous => col.public.then_some(Grant { read: false, write: false }),
        Principal::Member { org, .. } => {
            let g = Grant { read: col.can_read(org.id), write: col.can_write(org.id) };
            (g.read || g.write || col.public).then_some(g)
        }
    }
}

fn audience<'a>(who: &'a Principal, col: &Collection, grant: Grant) -> Audience<'a> {
    match who {
        Principal::Anonymous => Audience::Anonymous { public_collection: col.public },
        Principal::Member { org, .. } => {
            Audience::Member { identity: &org.identity_id, collection_read: grant.read, public_collection: col.public }
        }
    }
}

/// The TAXII version of a stored object: its `modified`/`created`, or for unversioned objects
/// the hub's `date_added`.
pub fn version_text(o: &StoredObject) -> String {
    match &o.version {
        Some(v) => v.text.clone(),
        None => crate::format_us(o.date_added_us),
    }
}

impl Hub {
    /// Latest versions of `object_type` in a collection added after `after_us`, WITHOUT TLP
    /// filtering. Only for building indexes (blocklists, dashboards) that keep each row's
    /// `tlp::Access` and ask `tlp::may_read` on every lookup; never for serving objects.
    pub fn scan_for_index(&self, collection_id: &str, object_type: &str, after_us: Option<i64>, batch: usize) -> Result<Vec<StoredObject>> {
        let query = ObjectQuery {
            collection_id: collection_id.to_string(),
            added_after_us: after_us,
            ids: Vec::new(),
            types: vec![object_type.to_string()],
            versions: vec![VersionSel::Last],
            spec_versions: Vec::new(),
            batch,
            candidates: None,
        };
        Ok(self.store.scan(&query)?)
    }
}
