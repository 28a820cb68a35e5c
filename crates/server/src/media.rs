//! TAXII 2.1 media-type negotiation: which Accept and Content-Type values a request may carry.

/// The TAXII 2.1 media type, on every TAXII response.
pub const TAXII: &str = "application/taxii+json;version=2.1";
/// How STIX 2.1 content is named in `media_types` and manifests.
pub const STIX: &str = "application/stix+json;version=2.1";

/// One media range of a header, lower-cased, with its `version` parameter if any.
fn ranges(header: &str) -> impl Iterator<Item = (String, Option<String>)> + '_ {
    header.split(',').map(|range| {
        let mut parts = range.split(';').map(str::trim);
        let essence = parts.next().unwrap_or("").to_ascii_lowercase();
        let version = parts
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("version"))
            .map(|(_, v)| v.trim().trim_matches('"').to_string());
        (essence, version)
    })
}

/// True when a response in the TAXII 2.1 media type satisfies `accept` (absent means anything).
pub fn accepts_taxii(accept: Option<&str>) -> bool {
    let Some(accept) = accept else { return true };
    ranges(accept).any(|(essence, version)| match essence.as_str() {
        "*/*" | "application/*" => true,
        "application/taxii+json" => version.as_deref().is_none_or(|v| v == "2.1"),
        _ => false,
    })
}

/// True when a request body is declared as TAXII 2.1 (or STIX 2.1, which some clients send).
pub fn is_taxii_content(content_type: Option<&str>) -> bool {
    let Some(ct) = content_type else { return false };
    ranges(ct).next().is_some_and(|(essence, version)| {
        matches!(essence.as_str(), "application/taxii+json" | "application/stix+json") && version.as_deref().is_none_or(|v| v == "2.1")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_negotiation() {
        for ok in [
            None,
            Some("application/taxii+json;version=2.1"),
            Some("application/taxii+json"),
            Some("*/*"),
            Some("text/html, application/taxii+json; version=2.1"),
        ] {
            assert!(accepts_taxii(ok), "{ok:?}");
        }
        for bad in [Some("application/xml"), Some("application/taxii+json;version=2.0"), Some("application/json")] {
            assert!(!accepts_taxii(bad), "{bad:?}");
        }
    }

    #[test]
    fn content_type_negotiation() {
        assert!(is_taxii_content(Some("application/taxii+json;version=2.1")));
        assert!(is_taxii_content(Some("application/taxii+json; version=\"2.1\"")));
        assert!(!is_taxii_content(Some("application/json")));
        assert!(!is_taxii_content(Some("application/taxii+json;version=2.0")));
        assert!(!is_taxii_content(None));
    }
}
