//! What the portal's file uploads share (incident evidence, readiness documents): reading the
//! one `multipart/form-data` form (the anti-CSRF token and one file, with the media type the
//! browser declared), the body limit, and serving a stored file as a download that is never
//! rendered.

use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use incidents::CaseError;
use incidents::case::MAX_EVIDENCE_BYTES;

/// The body limit of an upload route: the file's limit, plus room for the form's other parts,
/// so that a file just over the limit is refused by [`incidents::check_evidence`], naming the size.
pub(crate) const UPLOAD_BODY_LIMIT: usize = MAX_EVIDENCE_BYTES + 64 * 1024;

/// An upload form's parts: the anti-CSRF token and one file.
#[derive(Default)]
pub(crate) struct Upload {
    pub csrf: String,
    pub filename: String,
    /// The part's `Content-Type` as sent (empty when none was).
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// Reads an upload form. A body over [`UPLOAD_BODY_LIMIT`] is refused naming the `file` field
/// and the limit, not with the multipart parser's words.
pub(crate) async fn read_upload(mut parts: Multipart) -> Result<Upload, CaseError> {
    let broken = |e: MultipartError| {
        let reason = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            format!("is more than the limit of {MAX_EVIDENCE_BYTES} bytes")
        } else {
            e.body_text()
        };
        CaseError { field: "file".into(), reason }
    };
    let mut up = Upload::default();
    while let Some(part) = parts.next_field().await.map_err(broken)? {
        match part.name() {
            Some("csrf") => up.csrf = part.text().await.map_err(broken)?,
            Some("file") => {
                up.filename = part.file_name().unwrap_or_default().to_string();
                up.media_type = part.content_type().unwrap_or_default().to_string();
                up.bytes = part.bytes().await.map_err(broken)?.to_vec();
            }
            _ => {}
        }
    }
    Ok(up)
}

/// A declared media type kept for the record: `type/subtype` of token characters, lower-cased,
/// parameters dropped; anything else (or nothing) is `application/octet-stream`.
pub(crate) fn declared_media_type(raw: &str) -> String {
    let essence = raw.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let token = |s: &str| !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c));
    match essence.split_once('/') {
        Some((kind, sub)) if token(kind) && token(sub) => essence,
        _ => "application/octet-stream".into(),
    }
}

/// A file name safe inside a quoted `Content-Disposition` parameter: ASCII letters, digits and
/// `.-_` kept, anything else replaced, so that no header can be split or quoted out of.
pub fn attachment_name(name: &str) -> String {
    let safe: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    if safe.trim_matches('.').is_empty() { "evidence.bin".into() } else { safe }
}

/// A stored file as a download, never rendered: an opaque type whatever was declared, an
/// attachment, nosniff (also set by the transport layer), and a sandboxing CSP should a
/// browser try anyway.
pub fn file_download(filename: &str, bytes: Vec<u8>) -> Response {
    let mut resp = bytes.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", attachment_name(filename))) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox; default-src 'none'"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names_cannot_break_the_header() {
        assert_eq!(attachment_name("sms capture.png"), "sms_capture.png");
        assert_eq!(attachment_name("a\"; filename=x.html\r\nSet-Cookie: y"), "a___filename_x.html__Set-Cookie__y");
        assert_eq!(attachment_name(".."), "evidence.bin");
        assert_eq!(attachment_name("écran.png"), "_cran.png");
    }

    #[test]
    fn declared_media_types_are_kept_only_when_well_formed() {
        assert_eq!(declared_media_type("Application/PDF; charset=x"), "application/pdf");
        assert_eq!(declared_media_type(""), "application/octet-stream");
        assert_eq!(declared_media_type("text/html\r\nx: y"), "application/octet-stream");
        assert_eq!(declared_media_type("nonsense"), "application/octet-stream");
    }
}
