//! The single mapping from hub errors to HTTP: TAXII error objects on TAXII routes, RFC 9457
//! problem details elsewhere.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hub::HubError;
use serde_json::json;

use crate::media::TAXII;

/// An error response in the protocol's own format.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    title: String,
    description: String,
    field: Option<String>,
    taxii: bool,
}

impl ApiError {
    pub fn taxii(status: StatusCode, title: &str, description: impl Into<String>) -> ApiError {
        ApiError { status, title: title.into(), description: description.into(), field: None, taxii: true }
    }

    pub fn problem(status: StatusCode, title: &str, description: impl Into<String>) -> ApiError {
        ApiError { status, title: title.into(), description: description.into(), field: None, taxii: false }
    }

    /// Names the request field at fault (`details.field` in the body).
    pub fn with_field(mut self, field: &str) -> ApiError {
        self.field = Some(field.to_string());
        self
    }

    /// Maps a hub error; `taxii` selects the TAXII error format.
    pub fn from_hub(e: HubError, taxii: bool) -> ApiError {
        let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let title = status.canonical_reason().unwrap_or("Error");
        let field = match &e {
            HubError::BadRequest { field, .. } => Some(field.clone()),
            _ => None,
        };
        let description = if status == StatusCode::INTERNAL_SERVER_ERROR {
            tracing::error!(error = %e, "request failed");
            "the hub could not complete the request; it is logged".to_string()
        } else {
            e.to_string()
        };
        ApiError { status, title: title.into(), description, field, taxii }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = if self.taxii {
            json!({"title": self.title, "description": self.description, "http_status": self.status.as_u16().to_string()})
        } else {
            json!({"type": "about:blank", "title": self.title, "status": self.status.as_u16(), "detail": self.description})
        };
        if let Some(field) = self.field {
            body["details"] = json!({"field": field});
        }
        let content_type = if self.taxii { TAXII } else { "application/problem+json" };
        let mut resp = (self.status, body.to_string()).into_response();
        resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        if self.status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"postern\", Bearer"));
        }
        resp
    }
}
