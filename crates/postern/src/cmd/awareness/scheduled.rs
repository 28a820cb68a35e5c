//! The campaign sender of `postern serve`: every round it looks at the running campaigns that
//! were started with a schedule (`postern awareness campaign start`, the API or the trainers'
//! page), sends what each one's schedule allows at that moment (its start, send window and rate:
//! `awareness::schedule`), and finishes those whose end has come. The delivery is the one of
//! `campaign send` (`send.rs`): a target is marked sent only after the relay or gateway took its
//! message, and a refusal or a timeout stops that campaign's round, so the next round resumes
//! without sending anyone twice. Campaigns started at creation have no schedule and are left to
//! `campaign send`.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use awareness::schedule::{Phase, phase, quota};
use awareness::templates::Channel;
use chrono::{DateTime, SecondsFormat, Utc};
use portal::awareness_service::schedule_of;
use store::awareness::{AwarenessStore, CampaignRecord};

use super::send::{Courier, Lure, run, sent_since, unsent};
use super::sms::GatewayArgs;

/// Flags of `postern serve` for scheduled campaigns (config keys: the names with `_`).
#[derive(Debug, Clone, clap::Args)]
pub struct ScheduledArgs {
    /// The SMTP relay (HOST:PORT) that scheduled e-mail campaigns are sent through; without it
    /// (and without --sms-gateway for SMS campaigns) `serve` sends no campaign.
    #[arg(long, value_name = "HOST:PORT")]
    pub campaign_smtp: Option<String>,
    #[command(flatten)]
    pub sms: GatewayArgs,
    /// Seconds between two rounds of the campaign sender.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub campaign_interval_secs: u64,
    /// Seconds to wait for the relay or gateway at each step before the round gives up (the
    /// next round resumes).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub campaign_timeout_secs: u64,
}

/// What one round did, for the logs and the tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub finished: usize,
    /// Campaigns whose round stopped on a refusal, an error or a timeout.
    pub stopped: usize,
}

/// The scheduled campaign sender.
pub struct Scheduler {
    args: ScheduledArgs,
    public: String,
}

impl Scheduler {
    /// The sender of the flags; `None` when neither a relay nor a gateway is configured. The
    /// links are built on the hub's public URL, which it needs.
    pub fn from_args(a: &ScheduledArgs, public: Option<&str>) -> anyhow::Result<Option<Scheduler>> {
        if a.campaign_smtp.is_none() && a.sms.sms_gateway.is_none() {
            return Ok(None);
        }
        let public = public.context("--campaign-smtp and --sms-gateway need --public-url: the campaigns' links are built on it")?;
        let public = server::public_base(public).context("--public-url")?;
        Ok(Some(Scheduler { args: a.clone(), public }))
    }

    /// Runs rounds on a thread of its own for as long as the process lives.
    pub fn spawn(self, store: Arc<dyn AwarenessStore>) {
        let interval = Duration::from_secs(self.args.campaign_interval_secs);
        std::thread::Builder::new()
            .name("campaign-sender".into())
            .spawn(move || {
                loop {
                    match self.round(&*store, Utc::now()) {
                        Ok(r) if r != Round::default() => {
                            tracing::info!(sent = r.sent, finished = r.finished, stopped = r.stopped, "campaign round")
                        }
                        Ok(_) => {}
                        Err(e) => tracing::warn!(error = %format!("{e:#}"), "campaign round failed"),
                    }
                    std::thread::sleep(interval);
                }
            })
            .map(|_| ())
            .unwrap_or_else(|e| tracing::error!(error = %e, "starting the campaign sender failed"));
    }

    /// One round at `now`: finish what is over, send what is due.
    pub fn round(&self, store: &dyn AwarenessStore, now: DateTime<Utc>) -> anyhow::Result<Round> {
        let mut r = Round::default();
        for c in store.running_campaigns()? {
            let Some(plan) = schedule_of(&c) else { continue };
            match phase(&plan, now) {
                Phase::Over => {
                    let end = plan.end.unwrap_or(now).to_rfc3339_opts(SecondsFormat::Secs, true);
                    r.finished += usize::from(store.finish_campaign(c.id, &end)?);
                }
                Phase::Scheduled | Phase::OutsideWindow => {}
                Phase::Sending => match self.send(store, &c, &plan, now) {
                    Ok(n) => r.sent += n,
                    Err(e) => {
                        r.stopped += 1;
                        tracing::warn!(campaign = c.id, error = %format!("{e:#}"), "campaign round stopped; the next round resumes");
                    }
                },
            }
        }
        Ok(r)
    }

    /// Sends what the campaign's schedule allows at `now`.
    fn send(
        &self,
        store: &dyn AwarenessStore,
        c: &CampaignRecord,
        plan: &awareness::schedule::Schedule,
        now: DateTime<Utc>,
    ) -> anyhow::Result<usize> {
        let pending = unsent(store, c)?;
        if pending.is_empty() {
            return Ok(0);
        }
        let recent = store.targets(c.id)?.iter().filter(|t| sent_since(t, now - chrono::Duration::minutes(1))).count();
        let limit = quota(plan, now, recent, pending.len());
        if limit == 0 {
            return Ok(0);
        }
        let channel = Channel::from_key(&c.campaign.channel).with_context(|| format!("campaign {}: unknown channel", c.id))?;
        let s = &c.schedule;
        let (brand, domain) = (s.brand.as_deref().unwrap_or_default(), s.domain.as_deref().unwrap_or_default());
        let timeout = Duration::from_secs(self.args.campaign_timeout_secs);
        let courier = Courier::of(channel, self.args.campaign_smtp.as_deref(), s.sender.as_deref(), &self.args.sms, domain, timeout)
            .with_context(|| format!("campaign {}", c.id))?;
        let lure = Lure::of(c, brand, domain, &self.public)?;
        let stamp = now.to_rfc3339_opts(SecondsFormat::Millis, true);
        Ok(run(store, c, &courier, &lure, limit, &|| stamp.clone())?.sent)
    }
}
