//! `POST /api/v1/links/check`: link verdicts, optionally live (fetched, redirects followed,
//! every hop judged), with optional reporting of malicious links to the hub.

use std::net::SocketAddr;

use axum::Json;
use axum::Router;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hub::Principal;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tlp::Tlp;

use crate::error::ApiError;
use crate::{AppState, LiveMode};

use super::{charge, may_report, parse_json, parse_report_tlp, problem, report};

/// Most URLs in one batch request.
const MAX_BATCH: usize = 1000;
/// Most URLs in one request that asks for live fetches: each may take the whole time budget.
const MAX_LIVE_BATCH: usize = 10;
/// Rate-limit tokens a live URL costs an anonymous caller (an offline check costs 1): a fetch
/// ties up a worker and an outbound connection for up to the time budget. Ten live URLs (200)
/// stay within the anonymous burst (240), so a full live batch is possible from a fresh bucket.
const LIVE_COST: u32 = 20;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/links/check", post(check_links))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkRequest {
    url: Option<String>,
    urls: Option<Vec<String>>,
    /// Members: turn a malicious verdict into an indicator and a sighting in the hub.
    #[serde(default)]
    report: bool,
    /// TLP of reported objects (default GREEN).
    tlp: Option<String>,
    /// Collection to report into (default: the first the member may write).
    collection: Option<String>,
    /// Also fetch each link, follow its redirects and judge every hop (if the server allows).
    #[serde(default)]
    live: bool,
}

/// One link's answer: the verdict to show and, when fetched live, what the fetch saw.
struct Checked {
    /// The offline verdict, or with `live` the worst of the input and every hop.
    verdict: links::Verdict,
    /// With `live`: the offline verdict's level and score, and the `live` object.
    live: Option<(links::Level, u8, LiveAnswer)>,
}

/// One link's verdict as the API answers it and `postern check --json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct LinkAnswer {
    /// The link as given.
    pub url: String,
    pub normalized_url: String,
    /// `benign`, `suspicious` or `malicious`.
    pub verdict: &'static str,
    /// 0-100.
    pub score: u8,
    /// The impersonated brand's name and official domain, when there is one.
    pub brand: Option<String>,
    pub brand_domain: Option<String>,
    /// Whose site this is, when it is an official brand domain or a well-known legitimate site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Each with a stable `code`, a sentence, its points, and the brand and technique if any.
    pub reasons: Vec<links::Reason>,
    /// With a live check: the offline verdict before the fetch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offline: Option<OfflineVerdict>,
    /// With a live check: what the fetch saw.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub live: Option<LiveAnswer>,
}

impl LinkAnswer {
    pub fn of(v: &links::Verdict) -> LinkAnswer {
        LinkAnswer {
            url: v.input.clone(),
            normalized_url: v.url.clone(),
            verdict: v.verdict.name(),
            score: v.score,
            brand: v.brand.as_ref().map(|b| b.name.clone()),
            brand_domain: v.brand.as_ref().map(|b| b.domain.clone()),
            site: v.site.clone(),
            reasons: v.reasons.clone(),
            offline: None,
            live: None,
        }
    }

    /// Fills the sentence of every reason, the answer's and each live hop's, in `lang` from the
    /// catalogues: the codes and arguments stay as they are, whatever the language.
    pub fn explain(&mut self, text: &portal::Catalogues, lang: portal::Lang) {
        let hops = self.live.iter_mut().flat_map(|l| l.hops.iter_mut()).flat_map(|h| h.reasons.iter_mut());
        for r in self.reasons.iter_mut().chain(hops) {
            r.message = text.link_reason(lang, r);
        }
    }
}

/// The offline verdict of a link that was also fetched live.
#[derive(Debug, Clone, Serialize)]
pub struct OfflineVerdict {
    pub verdict: &'static str,
    pub score: u8,
}

/// What a live fetch saw: every hop, and where it ended (`final_url` and the TLS fields are
/// null when the fetch stopped early, `error` null when it did not).
#[derive(Debug, Clone, Serialize)]
pub struct LiveAnswer {
    pub hops: Vec<HopAnswer>,
    pub final_url: Option<String>,
    pub tls_issuer: Option<String>,
    pub tls_not_before: Option<String>,
    pub error: Option<LiveErrorAnswer>,
}

impl LiveAnswer {
    pub fn of(hops: &[links::LiveHop], report: Option<&links::LiveReport>, error: Option<LiveErrorAnswer>) -> LiveAnswer {
        LiveAnswer {
            hops: hops.iter().map(HopAnswer::of).collect(),
            final_url: report.map(|r| r.final_url.clone()),
            tls_issuer: report.and_then(|r| r.tls_issuer.clone()),
            tls_not_before: report.and_then(|r| r.tls_not_before.clone()),
            error,
        }
    }
}

/// One hop of a live fetch: the URL requested, the address connected to, the HTTP status and
/// the offline verdict on that URL.
#[derive(Debug, Clone, Serialize)]
pub struct HopAnswer {
    pub url: String,
    pub verdict: &'static str,
    pub score: u8,
    pub brand: Option<String>,
    pub brand_domain: Option<String>,
    pub reasons: Vec<links::Reason>,
    pub address: String,
    pub status: u16,
}

impl HopAnswer {
    fn of(h: &links::LiveHop) -> HopAnswer {
        let v = LinkAnswer::of(&h.verdict);
        HopAnswer {
            url: h.url.clone(),
            verdict: v.verdict,
            score: v.score,
            brand: v.brand,
            brand_domain: v.brand_domain,
            reasons: v.reasons,
            address: h.address.clone(),
            status: h.status,
        }
    }
}

/// Why a live fetch stopped: a stable code, the hop it stopped at, a sentence.
#[derive(Debug, Clone, Serialize)]
pub struct LiveErrorAnswer {
    pub code: &'static str,
    pub hop: Option<usize>,
    pub message: String,
}

impl LiveErrorAnswer {
    /// A live failure as data. A refusal names the kind of address, not the address itself: a
    /// name may resolve to an internal address through the server's resolver, and the caller
    /// has no business learning the server's internal network.
    pub fn of(e: &links::LiveError) -> LiveErrorAnswer {
        let (hop, message) = match e {
            links::LiveError::Refused { hop, host, refusal } => {
                (Some(*hop), format!("hop {hop}: refused to connect to {host}: it is or resolves to {}", refusal_kind(refusal)))
            }
            links::LiveError::Link { hop, .. }
            | links::LiveError::Resolve { hop, .. }
            | links::LiveError::Fetch { hop, .. }
            | links::LiveError::BadRedirect { hop, .. } => (Some(*hop), e.to_string()),
            _ => (None, e.to_string()),
        };
        LiveErrorAnswer { code: e.code(), hop, message }
    }
}

/// A link that could not be checked: the input and why, with a stable code.
#[derive(Debug, Clone, Serialize)]
pub struct LinkErrorAnswer {
    pub url: String,
    pub error: ErrorBody,
}

/// A stable code and a sentence.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorBody {
    pub code: &'static str,
    pub message: String,
}

fn link_error_json(input: &str, e: &links::LinkError) -> Value {
    let answer = LinkErrorAnswer { url: input.to_string(), error: ErrorBody { code: e.code(), message: e.to_string() } };
    serde_json::to_value(answer).unwrap_or(Value::Null)
}

async fn check_links(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let req: LinkRequest = parse_json(&body)?;
    let (inputs, single) = match (req.url, req.urls) {
        (Some(u), None) => (vec![u], true),
        (None, Some(us)) if !us.is_empty() && us.len() <= MAX_BATCH => (us, false),
        (None, Some(us)) if us.is_empty() => {
            return Err(problem(StatusCode::BAD_REQUEST, "Bad Request", "urls: the list is empty").with_field("urls"));
        }
        (None, Some(_)) => {
            return Err(
                problem(StatusCode::BAD_REQUEST, "Bad Request", format!("urls: at most {MAX_BATCH} per request")).with_field("urls")
            );
        }
        _ => return Err(problem(StatusCode::BAD_REQUEST, "Bad Request", "give exactly one of 'url' or 'urls'")),
    };
    let mode = state.live.config.mode;
    if req.live {
        if let Some((status, title, detail)) = live_refusal(mode, None) {
            return Err(problem(status, title, detail).with_field("live"));
        }
        if inputs.len() > MAX_LIVE_BATCH {
            return Err(problem(StatusCode::BAD_REQUEST, "Bad Request", format!("urls: at most {MAX_LIVE_BATCH} per request with 'live'"))
                .with_field("urls"));
        }
    }
    let who = crate::authenticate(&state, &headers, false).await?;
    if let (true, Some((status, title, detail))) = (req.live, live_refusal(mode, Some(&who))) {
        return Err(problem(status, title, detail).with_field("live"));
    }
    let per_url = if req.live { LIVE_COST } else { 1 };
    charge(&state, &who, peer, u32::try_from(inputs.len()).unwrap_or(u32::MAX).saturating_mul(per_url))?;
    may_report(&who, req.report)?;
    let report_tlp = parse_report_tlp(req.tlp.as_deref())?;
    let (st, w) = (state.clone(), who.clone());
    let offline =
        tokio::task::spawn_blocking(move || inputs.iter().map(|i| (i.clone(), st.blocklists.check(&st.links, i, &w))).collect::<Vec<_>>())
            .await
            .map_err(|e| problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", e.to_string()))?;
    let verdicts: Vec<(String, Result<Checked, links::LinkError>)> = if req.live {
        live_checks(&state, &who, offline).await
    } else {
        offline.into_iter().map(|(i, v)| (i, v.map(|verdict| Checked { verdict, live: None }))).collect()
    };
    let text = state.portal.catalogues();
    let lang = crate::api::answer_language(&headers);
    let mut reported = Vec::new();
    if req.report {
        let malicious: Vec<&links::Verdict> = verdicts
            .iter()
            .filter_map(|(_, v)| v.as_ref().ok())
            .map(|c| &c.verdict)
            .filter(|v| v.verdict == links::Level::Malicious)
            .collect();
        if !malicious.is_empty() {
            let objects = report_objects(&who, &malicious, report_tlp, text);
            reported.push(report(&state, &who, req.collection, objects).await?);
        }
    }
    let results: Vec<Value> = verdicts
        .iter()
        .map(|(input, v)| match v {
            Ok(c) => checked_json(c, text, lang),
            Err(e) => link_error_json(input, e),
        })
        .collect();
    let mut out = if single {
        match &verdicts[0].1 {
            Ok(_) => results[0].clone(),
            Err(e) => return Err(problem(StatusCode::UNPROCESSABLE_ENTITY, "Unprocessable Entity", format!("url: {e}"))),
        }
    } else {
        json!({ "results": results })
    };
    if req.report {
        out["reported"] = json!(reported);
    }
    Ok(crate::api::in_language(Json(out).into_response(), lang))
}

/// Why a caller may not ask for live fetches under `mode`, if it may not: checked once before
/// authenticating (`who` unknown, so a switched-off server answers without a database call)
/// and once after.
fn live_refusal(mode: LiveMode, who: Option<&Principal>) -> Option<(StatusCode, &'static str, &'static str)> {
    match (mode, who) {
        (LiveMode::Off, _) => {
            Some((StatusCode::FORBIDDEN, "Forbidden", "live: live link checks are turned off on this server (serve --live-checks)"))
        }
        (LiveMode::Members, Some(Principal::Anonymous)) => {
            Some((StatusCode::UNAUTHORIZED, "Unauthorized", "live: live link checks on this server need a member's API token"))
        }
        _ => None,
    }
}

/// Fetches every link whose offline check succeeded, at most `max_concurrent` at once
/// server-wide, each on a blocking worker; a link whose fetch fails keeps its offline verdict
/// (with the hops seen before the failure) and reports the failure in its `live` object.
async fn live_checks(
    state: &AppState,
    who: &Principal,
    offline: Vec<(String, Result<links::Verdict, links::LinkError>)>,
) -> Vec<(String, Result<Checked, links::LinkError>)> {
    let mut pending = Vec::with_capacity(offline.len());
    for (input, verdict) in offline {
        let task = verdict.as_ref().ok().map(|_| {
            let (st, w, url) = (state.clone(), who.clone(), input.clone());
            tokio::spawn(async move { live_fetch(st, w, url).await })
        });
        pending.push((input, verdict, task));
    }
    let mut out = Vec::with_capacity(pending.len());
    for (input, verdict, task) in pending {
        let checked = match (verdict, task) {
            (Ok(v), Some(task)) => {
                let fetched = task.await.unwrap_or_else(|e| Err(LiveProblem::Internal(e.to_string())));
                Ok(with_live(v, fetched))
            }
            (Ok(v), None) => Ok(Checked { verdict: v, live: None }),
            (Err(e), _) => Err(e),
        };
        out.push((input, checked));
    }
    out
}

/// Why a live fetch gave no report.
enum LiveProblem {
    /// The fetch stopped; the hops before it are kept.
    Failed(links::live::LiveFailure),
    /// No fetch slot came free within the time budget.
    Busy,
    /// The worker failed (a bug); logged.
    Internal(String),
}

/// One live fetch: waits for a slot (at most the time budget), then runs the blocking fetch
/// with every hop judged for `who` exactly as an offline check is (same blocklists, same TLP
/// audience per collection).
async fn live_fetch(state: AppState, who: Principal, input: String) -> Result<links::LiveReport, LiveProblem> {
    let budget = state.live.config.options.budget;
    let slot = match tokio::time::timeout(budget, state.live.slots.clone().acquire_owned()).await {
        Ok(Ok(slot)) => slot,
        _ => return Err(LiveProblem::Busy),
    };
    let fetched = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        links::live::fetch_with(&input, &state.live.config.options, |url| state.blocklists.check(&state.links, url, &who))
    })
    .await;
    match fetched {
        Ok(r) => r.map_err(LiveProblem::Failed),
        Err(e) => Err(LiveProblem::Internal(e.to_string())),
    }
}

/// The offline verdict made the worst of every hop the fetch saw, and the `live` object.
fn with_live(offline: links::Verdict, fetched: Result<links::LiveReport, LiveProblem>) -> Checked {
    let (level, score) = (offline.verdict, offline.score);
    let (verdict, live) = match fetched {
        Ok(report) => (links::live::combine(offline, &report), LiveAnswer::of(&report.hops, Some(&report), None)),
        Err(LiveProblem::Failed(f)) => {
            let seen = links::LiveReport { hops: f.hops, final_url: String::new(), tls_issuer: None, tls_not_before: None };
            (links::live::combine(offline, &seen), LiveAnswer::of(&seen.hops, None, Some(LiveErrorAnswer::of(&f.error))))
        }
        Err(LiveProblem::Busy) => {
            let e = LiveErrorAnswer {
                code: "live_busy",
                hop: None,
                message: "every live fetch slot stayed busy for the whole time budget; try again".into(),
            };
            (offline, LiveAnswer::of(&[], None, Some(e)))
        }
        Err(LiveProblem::Internal(message)) => {
            tracing::error!(%message, "live link check worker failed");
            let e = LiveErrorAnswer { code: "live_internal", hop: None, message: "the live check failed; it is logged".into() };
            (offline, LiveAnswer::of(&[], None, Some(e)))
        }
    };
    Checked { verdict, live: Some((level, score, live)) }
}

fn refusal_kind(r: &links::SsrfRefusal) -> &'static str {
    match r {
        links::SsrfRefusal::Loopback(_) => "a loopback address",
        links::SsrfRefusal::Private(_) => "a private address",
        links::SsrfRefusal::LinkLocal(_) => "a link-local address",
        links::SsrfRefusal::SharedAddressSpace(_) => "a carrier-grade NAT address",
        links::SsrfRefusal::Multicast(_) => "a multicast or broadcast address",
        links::SsrfRefusal::Unspecified(_) => "an unspecified address",
        links::SsrfRefusal::UniqueLocal(_) => "a unique-local IPv6 address",
        links::SsrfRefusal::Reserved(_) => "a reserved address",
        links::SsrfRefusal::Tunnelled(_) => "an address tunnelling another one",
        _ => "an address this server may not fetch",
    }
}

/// An item of the answer: the verdict, plus `offline` and `live` when fetched live.
fn checked_json(c: &Checked, text: &portal::Catalogues, lang: portal::Lang) -> Value {
    let mut answer = LinkAnswer::of(&c.verdict);
    if let Some((level, score, live)) = &c.live {
        answer.offline = Some(OfflineVerdict { verdict: level.name(), score: *score });
        answer.live = Some(live.clone());
    }
    answer.explain(text, lang);
    serde_json::to_value(answer).unwrap_or(Value::Null)
}

/// An indicator plus a sighting by the member's organisation for each malicious link.
fn report_objects(who: &Principal, verdicts: &[&links::Verdict], level: Tlp, text: &portal::Catalogues) -> Vec<Value> {
    // Shared intelligence is read by analysts of every member: its sentences are in English.
    let explained: Vec<links::Verdict> = verdicts
        .iter()
        .map(|v| {
            let mut v = (*v).clone();
            text.explain_link(portal::Lang::En, &mut v);
            v
        })
        .collect();
    match who.org() {
        Some(org) => links::report_objects(&explained.iter().collect::<Vec<_>>(), &org.identity_id, level, &store::now_rfc3339()),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(mode: LiveMode, who: Option<&Principal>) -> Option<u16> {
        live_refusal(mode, who).map(|(status, _, detail)| {
            assert!(detail.starts_with("live: "), "the detail names the field: {detail}");
            status.as_u16()
        })
    }

    #[test]
    fn live_needs_the_operator_and_in_members_mode_a_token() {
        let anonymous = Principal::Anonymous;
        assert_eq!(refused(LiveMode::Off, None), Some(403));
        assert_eq!(refused(LiveMode::Off, Some(&anonymous)), Some(403));
        assert_eq!(refused(LiveMode::Members, None), None, "undecided until the caller is known");
        assert_eq!(refused(LiveMode::Members, Some(&anonymous)), Some(401));
        assert_eq!(refused(LiveMode::All, Some(&anonymous)), None);
        assert!(MAX_LIVE_BATCH as u32 * LIVE_COST <= 240, "a full live batch must fit the anonymous burst");
    }

    #[test]
    fn a_failed_fetch_keeps_the_offline_verdict_and_hides_internal_addresses() {
        let analyzer = links::Analyzer::new(&brands::BrandRegistry::builtin());
        let offline = analyzer.analyse("https://bit.ly/abc").expect("analyses");
        let bad = analyzer.analyse("https://laposte-fr.colis-suivi.top/pay").expect("analyses");
        let hop =
            |v: &links::Verdict, status| links::LiveHop { url: v.url.clone(), address: "192.0.2.1".into(), status, verdict: v.clone() };
        let error = links::LiveError::Refused {
            hop: 3,
            host: "intranet.example".into(),
            refusal: links::SsrfRefusal::Private("10.1.2.3".parse().expect("ip")),
        };
        let failure = links::live::LiveFailure { hops: vec![hop(&offline, 301), hop(&bad, 302)], error };
        let c = with_live(offline.clone(), Err(LiveProblem::Failed(failure)));
        let v = checked_json(&c, &portal::Catalogues::load(), portal::Lang::En);
        assert_eq!(v["offline"], json!({"verdict": offline.verdict.name(), "score": offline.score}), "{v}");
        assert_eq!(v["verdict"], "malicious", "the hops seen before the refusal still count: {v}");
        let live = &v["live"];
        assert_eq!(live["hops"].as_array().map(Vec::len), Some(2), "{v}");
        assert_eq!(live["hops"][1]["status"], 302);
        assert_eq!(live["hops"][1]["verdict"], "malicious");
        assert_eq!(live["final_url"], Value::Null);
        assert_eq!(live["error"]["code"], "ssrf_refused");
        assert_eq!(live["error"]["hop"], 3);
        let message = live["error"]["message"].as_str().expect("message");
        assert!(message.contains("intranet.example") && message.contains("a private address"), "{message}");
        assert!(!v.to_string().contains("10.1.2.3"), "the internal address leaked: {v}");

        let busy = checked_json(&with_live(offline.clone(), Err(LiveProblem::Busy)), &portal::Catalogues::load(), portal::Lang::En);
        assert_eq!(busy["verdict"], offline.verdict.name());
        assert_eq!(busy["live"]["error"]["code"], "live_busy");
    }
}
