//! `postern brands list|show NAME|match DOMAIN`: browse the postal brand registry.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

/// `postern brands`
#[derive(Debug, clap::Args)]
pub struct BrandsArgs {
    #[command(subcommand)]
    pub command: BrandsCommand,
    /// Print JSON instead of text.
    /// Set from the global `--json` flag.
    #[arg(skip)]
    pub json: bool,
    /// A brand override file applied on top of the built-in registry.
    #[arg(long, global = true)]
    pub overrides: Option<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
pub enum BrandsCommand {
    /// List brands, optionally of one kind or country.
    List {
        /// post, courier, customs, tax, bank or toll.
        #[arg(long)]
        kind: Option<String>,
        /// ISO 3166-1 alpha-2 country code.
        #[arg(long)]
        country: Option<String>,
    },
    /// Show one brand by id, name or short name.
    Show { name: String },
    /// How a domain relates to the registry: official, or impersonating which brand.
    Match { domain: String },
}

/// The built-in brand registry, with the brands of the override file `path` replacing
/// same-id brands and added. The file is read here: `brands` itself does no IO.
pub fn registry(path: Option<&std::path::Path>) -> anyhow::Result<::brands::BrandRegistry> {
    let Some(path) = path else { return Ok(::brands::BrandRegistry::builtin()) };
    let text = std::fs::read_to_string(path).with_context(|| format!("reading brand overrides {}", path.display()))?;
    ::brands::BrandRegistry::builtin()
        .with_overrides_str(&text, &path.display().to_string())
        .with_context(|| format!("loading brand overrides {}", path.display()))
}

pub fn run(args: BrandsArgs) -> anyhow::Result<()> {
    let registry = registry(args.overrides.as_deref())?;
    let mut out = std::io::stdout().lock();
    run_with(&registry, args.command, args.json, &mut out)
}

fn brand_json(b: &::brands::Brand) -> serde_json::Value {
    serde_json::json!({
        "id": b.id,
        "name": b.name,
        "kind": b.kind.name(),
        "country": b.country,
        "short_names": b.short_names,
        "words": b.words,
        "domains": b.domains,
        "uncertain": b.uncertain,
    })
}

fn run_with(registry: &::brands::BrandRegistry, command: BrandsCommand, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    match command {
        BrandsCommand::List { kind, country } => {
            let kind = kind.map(|k| k.to_ascii_lowercase());
            let country = country.map(|c| c.to_ascii_uppercase());
            for b in registry.brands() {
                if kind.as_deref().is_some_and(|k| b.kind.name() != k) || country.as_ref().is_some_and(|c| b.country.as_ref() != Some(c)) {
                    continue;
                }
                if json {
                    writeln!(out, "{}", brand_json(b))?;
                } else {
                    let mark = if b.uncertain { " (uncertain)" } else { "" };
                    writeln!(
                        out,
                        "{:<28} {:<8} {:<3} {:<40} {}{mark}",
                        b.id,
                        b.kind.name(),
                        b.country.as_deref().unwrap_or("--"),
                        b.name,
                        b.domains.join(" ")
                    )?;
                }
            }
        }
        BrandsCommand::Show { name } => {
            let found = registry.get(&name).map(|b| vec![b]).unwrap_or_else(|| registry.by_name(&name));
            anyhow::ensure!(!found.is_empty(), "no brand known as {name:?}");
            for b in found {
                if json {
                    writeln!(out, "{}", brand_json(b))?;
                } else {
                    writeln!(out, "{} ({})", b.name, b.id)?;
                    writeln!(out, "  kind:     {}", b.kind.name())?;
                    writeln!(out, "  country:  {}", b.country.as_deref().unwrap_or("global"))?;
                    writeln!(out, "  names:    {}", b.short_names.join(", "))?;
                    writeln!(out, "  words:    {}", b.words.join(", "))?;
                    writeln!(out, "  domains:  {}", b.domains.join(", "))?;
                    if b.uncertain {
                        writeln!(out, "  note:     domains not confirmed from the operator's own pages")?;
                    }
                }
            }
        }
        BrandsCommand::Match { domain } => {
            let plain = registry.match_domain(&domain);
            let analyzer = links::Analyzer::new(registry);
            let verdict = analyzer.analyse(&domain).ok();
            let brand_reasons: Vec<&links::Reason> = verdict.iter().flat_map(|v| v.reasons.iter()).filter(|r| r.brand.is_some()).collect();
            let text = portal::Catalogues::load();
            let sentence = |r: &links::Reason| text.link_reason(portal::Lang::En, r);
            if json {
                let matches: Vec<serde_json::Value> = plain
                    .iter()
                    .map(|m| serde_json::json!({"brand": m.brand.id, "name": m.brand.name, "match": format!("{:?}", m.kind).to_lowercase(), "matched": m.matched}))
                    .collect();
                let lookalikes: Vec<serde_json::Value> = brand_reasons
                    .iter()
                    .map(|r| serde_json::json!({"brand": r.brand, "code": r.code, "technique": r.technique, "message": sentence(r)}))
                    .collect();
                writeln!(out, "{}", serde_json::json!({"domain": domain, "matches": matches, "lookalikes": lookalikes}))?;
                return Ok(());
            }
            if plain.is_empty() && brand_reasons.is_empty() {
                writeln!(out, "{domain}: no brand relation found")?;
            }
            for m in &plain {
                writeln!(out, "{domain}: {:?} of {} ({}) via {}", m.kind, m.brand.name, m.brand.id, m.matched)?;
            }
            for r in brand_reasons {
                writeln!(out, "{domain}: {} [{}]", sentence(r), r.code)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(command: BrandsCommand, json: bool) -> String {
        let mut out = Vec::new();
        run_with(&::brands::BrandRegistry::builtin(), command, json, &mut out).expect("runs");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn list_show_and_match() {
        let list = output(BrandsCommand::List { kind: Some("post".into()), country: Some("fr".into()) }, false);
        assert!(list.contains("fr-laposte") && !list.contains("us-usps"), "{list}");
        let show = output(BrandsCommand::Show { name: "colissimo".into() }, true);
        let v: serde_json::Value = serde_json::from_str(show.trim()).expect("json");
        assert_eq!(v["id"], "fr-laposte");
        let m = output(BrandsCommand::Match { domain: "www.laposte.fr".into() }, false);
        assert!(m.contains("OfficialSubdomain"), "{m}");
        let m = output(BrandsCommand::Match { domain: "lapostte.fr".into() }, true);
        let v: serde_json::Value = serde_json::from_str(m.trim()).expect("json");
        assert_eq!(v["lookalikes"][0]["code"], "typosquat");
        let mut out = Vec::new();
        assert!(run_with(&::brands::BrandRegistry::builtin(), BrandsCommand::Show { name: "nope".into() }, false, &mut out).is_err());
    }
}
