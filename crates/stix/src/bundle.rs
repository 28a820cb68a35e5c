//! Bundle parsing: turns a request body into the list of objects to validate one by one.
//!
//! Only the envelope is checked here. Objects stay `serde_json::Value`s, because the hub
//! stores the original JSON, and a bad object must not sink its bundle: each object is
//! validated separately with [`crate::validate_object`].
//!
//! Duplicate versions inside one bundle are *not* a bundle error. [`parse_bundle`]
//! succeeds and [`duplicate_versions`] names every repeated `(id, modified)` so that the
//! caller fails those objects individually (the first occurrence is stored, later ones are
//! reported in the status resource) -- the same "one bad object never sinks its bundle"
//! rule as for any other invalid object.

use std::collections::HashMap;

use serde_json::Value;

/// A parsed bundle or TAXII envelope.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// `bundle--<uuid>`; `None` for a TAXII envelope, which has no id.
    pub id: Option<String>,
    /// The objects, untouched, in body order.
    pub objects: Vec<Value>,
    /// Which of the two accepted shapes the body had.
    pub form: BundleForm,
}

/// The two body shapes accepted by [`parse_bundle`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BundleForm {
    /// A STIX 2.1 bundle: `{"type": "bundle", "id": "bundle--...", "objects": [...]}`.
    Bundle,
    /// A TAXII 2.1 envelope: `{"objects": [...]}` with no `type` (optional `more`/`next`).
    Envelope,
}

/// Why a body is not a bundle. Each variant names the field at fault (see [`BundleError::field`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// The body is not JSON; `line`/`column` are 1-based as reported by serde_json.
    #[error("malformed JSON at line {line}, column {column}: {reason}")]
    Json { line: usize, column: usize, reason: String },
    /// The body is JSON but not a JSON object.
    #[error("body is not a JSON object (found {found})")]
    NotAnObject { found: &'static str },
    /// A field has the wrong type or value (`type`, `id`, `objects`, `spec_version`).
    #[error("field '{field}': {reason}")]
    Field { field: &'static str, reason: String },
    /// Neither a bundle nor an envelope: there is no `objects` array.
    #[error("field 'objects': missing (a bundle or TAXII envelope needs an 'objects' array)")]
    MissingObjects,
}

impl BundleError {
    /// The JSON field the error is about (`"body"` when it is about the body as a whole).
    pub fn field(&self) -> &'static str {
        match self {
            BundleError::Json { .. } | BundleError::NotAnObject { .. } => "body",
            BundleError::Field { field, .. } => field,
            BundleError::MissingObjects => "objects",
        }
    }
}

/// Parses a request body as a STIX 2.1 bundle or a TAXII 2.1 envelope (see [`BundleForm`]).
/// Elements of `objects` are not checked here, not even that they are JSON objects:
/// [`crate::validate_object`] reports each one on its own.
pub fn parse_bundle(body: &[u8]) -> Result<Bundle, BundleError> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| BundleError::Json { line: e.line(), column: e.column(), reason: json_reason(&e) })?;
    let Value::Object(mut map) = value else {
        return Err(BundleError::NotAnObject { found: json_kind(&value) });
    };
    let form = match map.get("type") {
        None => BundleForm::Envelope,
        Some(Value::String(t)) if t == "bundle" => BundleForm::Bundle,
        Some(Value::String(t)) => {
            return Err(field("type", format!("expected 'bundle', got '{}'", truncate(t))));
        }
        Some(other) => {
            return Err(field("type", format!("expected the string 'bundle', got {}", json_kind(other))));
        }
    };
    let id = match form {
        BundleForm::Envelope => None,
        BundleForm::Bundle => Some(bundle_id(map.get("id"))?),
    };
    if form == BundleForm::Bundle {
        match map.get("spec_version") {
            None => {}
            Some(Value::String(v)) if v == "2.1" => {}
            Some(Value::String(v)) if v == "2.0" => {
                return Err(field("spec_version", "STIX 2.0 bundles are not accepted (STIX 2.1 only)".into()));
            }
            Some(_) => {
                return Err(field("spec_version", "a STIX 2.1 bundle has no spec_version".into()));
            }
        }
    }
    let objects = match map.remove("objects") {
        None => return Err(BundleError::MissingObjects),
        Some(Value::Array(objects)) => objects,
        Some(other) => {
            return Err(field("objects", format!("expected an array, got {}", json_kind(&other))));
        }
    };
    Ok(Bundle { id, objects, form })
}

/// One object whose `(id, modified)` already appeared earlier in the same bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateVersion {
    /// Index of the repeated object in `objects`.
    pub index: usize,
    /// Index of the first object with the same id and version.
    pub first: usize,
    /// The repeated id.
    pub id: String,
    /// The repeated `modified` (`None` for objects without one: SCOs, marking-definitions).
    pub modified: Option<String>,
}

impl std::fmt::Display for DuplicateVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.modified {
            Some(m) => write!(f, "duplicate of object {} in this bundle (same id {} and modified {m})", self.first, self.id),
            None => write!(f, "duplicate of object {} in this bundle (same id {})", self.first, self.id),
        }
    }
}

/// Lists every object whose `(id, modified)` repeats an earlier one in `objects`, in order.
/// Objects without a string `id` are skipped (validation reports them).
pub fn duplicate_versions(objects: &[Value]) -> Vec<DuplicateVersion> {
    let mut seen: HashMap<(&str, Option<&str>), usize> = HashMap::with_capacity(objects.len());
    let mut dups = Vec::new();
    for (index, obj) in objects.iter().enumerate() {
        let Some(id) = obj.get("id").and_then(Value::as_str) else {
            continue;
        };
        let modified = obj.get("modified").and_then(Value::as_str);
        match seen.get(&(id, modified)) {
            Some(&first) => dups.push(DuplicateVersion { index, first, id: id.to_owned(), modified: modified.map(str::to_owned) }),
            None => {
                seen.insert((id, modified), index);
            }
        }
    }
    dups
}

/// Validates every object of a bundle in order: a repeated `(id, modified)` fails with path
/// `id` and the [`DuplicateVersion`] message, any other object gets [`crate::validate_object`].
/// One result per object, so the caller can store the valid ones and report the rest.
pub fn validate_objects(objects: &[Value]) -> Vec<Result<crate::ObjectSummary, crate::InvalidObject>> {
    let mut results: Vec<_> = objects.iter().map(crate::validate_object).collect();
    for dup in duplicate_versions(objects) {
        results[dup.index] = Err(crate::InvalidObject::new("id", dup.to_string()));
    }
    results
}

fn bundle_id(id: Option<&Value>) -> Result<String, BundleError> {
    let id = match id {
        None => {
            return Err(field("id", "missing (a bundle needs 'bundle--<uuid>')".into()));
        }
        Some(Value::String(id)) => id,
        Some(other) => {
            return Err(field("id", format!("expected a string, got {}", json_kind(other))));
        }
    };
    match id.strip_prefix("bundle--") {
        Some(uuid) if crate::validate::is_uuid(uuid) => Ok(id.clone()),
        _ => Err(field("id", format!("expected 'bundle--<uuid>', got '{}'", truncate(id)))),
    }
}

fn field(field: &'static str, reason: String) -> BundleError {
    BundleError::Field { field, reason }
}

/// serde_json appends " at line L column C" to its messages; we report those separately.
fn json_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Echoed input is cut so that an error message cannot be used to reflect megabytes.
pub(crate) fn truncate(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d";

    fn check(body: &str, expected: Result<(Option<&str>, usize, BundleForm), &str>) {
        let got = parse_bundle(body.as_bytes());
        match (got, expected) {
            (Ok(b), Ok((id, n, form))) => {
                assert_eq!((b.id.as_deref(), b.objects.len(), b.form), (id, n, form), "body {body}")
            }
            (Err(e), Err(msg)) => assert_eq!(e.to_string(), msg, "body {body}"),
            (got, expected) => panic!("body {body}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn accepts_bundles_and_envelopes() {
        check(&format!(r#"{{"type":"bundle","id":"{ID}","objects":[{{}},1]}}"#), Ok((Some(ID), 2, BundleForm::Bundle)));
        check(r#"{"objects":[],"more":false}"#, Ok((None, 0, BundleForm::Envelope)));
        check(&format!(r#"{{"type":"bundle","id":"{ID}","spec_version":"2.1","objects":[]}}"#), Ok((Some(ID), 0, BundleForm::Bundle)));
    }

    #[test]
    fn names_the_field_at_fault() {
        check("{\"type\":\"bundle\",\n \"id\": x}", Err("malformed JSON at line 2, column 8: expected value"));
        check("", Err("malformed JSON at line 1, column 0: EOF while parsing a value"));
        check("[1]", Err("body is not a JSON object (found an array)"));
        check(r#"{"type":"indicator","objects":[]}"#, Err("field 'type': expected 'bundle', got 'indicator'"));
        check(r#"{"type":7,"objects":[]}"#, Err("field 'type': expected the string 'bundle', got a number"));
        check(r#"{"type":"bundle","objects":[]}"#, Err("field 'id': missing (a bundle needs 'bundle--<uuid>')"));
        check(r#"{"type":"bundle","id":"bundle--1","objects":[]}"#, Err("field 'id': expected 'bundle--<uuid>', got 'bundle--1'"));
        check(
            &format!(r#"{{"type":"bundle","id":"{ID}"}}"#),
            Err("field 'objects': missing (a bundle or TAXII envelope needs an 'objects' array)"),
        );
        check(&format!(r#"{{"type":"bundle","id":"{ID}","objects":{{}}}}"#), Err("field 'objects': expected an array, got an object"));
        check(
            &format!(r#"{{"type":"bundle","id":"{ID}","spec_version":"2.0","objects":[]}}"#),
            Err("field 'spec_version': STIX 2.0 bundles are not accepted (STIX 2.1 only)"),
        );
        assert_eq!(parse_bundle(b"{}").map_err(|e| e.field()), Err("objects"));
    }

    #[test]
    fn validate_objects_fails_duplicates_and_invalid_objects_individually() {
        let ind = serde_json::json!({
            "type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
            "pattern": "[url:value = 'https://x.example/']", "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z",
        });
        let results = validate_objects(&[ind.clone(), Value::Null, ind]);
        let shown: Vec<String> = results
            .iter()
            .map(|r| match r {
                Ok(s) => format!("ok {}", s.id),
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "ok indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "object is not a JSON object (found null)",
                "property 'id': duplicate of object 0 in this bundle (same id indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f and modified 2024-01-01T00:00:00.000Z)",
            ]
        );
    }

    #[test]
    fn finds_duplicate_versions() {
        let objects: Vec<Value> = serde_json::from_str(
            r#"[{"id":"a","modified":"1"},{"id":"a","modified":"2"},{"id":"a","modified":"1"},
                {"id":"s"},{"id":"s"},{"no":"id"},{"no":"id"}]"#,
        )
        .unwrap();
        let dups = duplicate_versions(&objects);
        let shown: Vec<String> = dups.iter().map(|d| format!("{}: {d}", d.index)).collect();
        assert_eq!(
            shown,
            ["2: duplicate of object 0 in this bundle (same id a and modified 1)", "4: duplicate of object 3 in this bundle (same id s)"]
        );
    }
}
