//! The postal brand registry: postal operators, couriers, customs and tax authorities, postal
//! banks and toll operators that scams impersonate, with their names, local-language words and
//! official registrable domains.
//!
//! The built-in data lives in `data/brands.toml` (embedded at compile time, nothing is fetched);
//! an operator may load an override file of the same format that replaces brands by `id` and adds
//! new ones. The crate does no analysis of its own beyond plain lookups: look-alike scoring lives in
//! the `links` crate, message wording in `scamtext`.

pub mod known_sites;
pub mod lists;

use std::collections::HashMap;

use serde::Deserialize;

pub use known_sites::{KnownSite, KnownSites};

/// The embedded registry, as shipped.
pub const BUILTIN_TOML: &str = include_str!("../data/brands.toml");
/// Names of registry brands in their countries' own languages and scripts (`id` -> `local`),
/// kept apart from `brands.toml` so that one file holds one concept.
pub const LOCAL_NAMES_TOML: &str = include_str!("../data/local_names.toml");

/// Errors while loading a registry file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BrandError {
    /// The file is not valid TOML of the registry format.
    #[error("invalid brand file {origin}: {message}")]
    Format { origin: String, message: String },
    /// A brand entry breaks a rule of the format (empty id, bad domain, unknown kind).
    #[error("invalid brand {id:?} in {origin}: {message}")]
    Invalid { origin: String, id: String, message: String },
}

/// What sort of organisation a brand is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BrandKind {
    /// A UPU designated postal operator.
    Post,
    /// A parcel or express courier.
    Courier,
    /// A customs authority.
    Customs,
    /// A tax authority.
    Tax,
    /// A postal bank or a post's payment service, and the commercial banks and payment apps
    /// the same crews impersonate.
    Bank,
    /// A road-toll operator (same smishing crews, same lures).
    Toll,
    /// Another public agency the same crews impersonate: traffic fines, vehicle tax, health
    /// insurance.
    Government,
    /// A company outside the postal sector that the same crews impersonate with the same lures:
    /// a telecom operator, a utility, a marketplace, an identity app.
    Company,
}

impl BrandKind {
    pub fn name(self) -> &'static str {
        match self {
            BrandKind::Post => "post",
            BrandKind::Courier => "courier",
            BrandKind::Customs => "customs",
            BrandKind::Tax => "tax",
            BrandKind::Bank => "bank",
            BrandKind::Toll => "toll",
            BrandKind::Government => "government",
            BrandKind::Company => "company",
        }
    }
}

/// One impersonated organisation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Brand {
    /// Stable identifier, e.g. `fr-laposte`.
    pub id: String,
    /// Display name, e.g. `La Poste`.
    pub name: String,
    /// The name people write, where the display name is longer (`HMRC` for HM Revenue &
    /// Customs, `CTT` for CTT Correios de Portugal); see [`Brand::common_name`].
    #[serde(default)]
    pub common: Option<String>,
    /// Product and service names the operator's messages go out under (`Colissimo`,
    /// `Parcelforce`, `Postepay`), as written: a message naming only the product is reported
    /// under it, one naming the operator too under the operator.
    #[serde(default)]
    pub products: Vec<String>,
    pub kind: BrandKind,
    /// ISO 3166-1 alpha-2 country code; `None` for global couriers.
    #[serde(default)]
    pub country: Option<String>,
    /// Distinctive short names, lower-case ASCII without spaces (`laposte`, `colissimo`).
    #[serde(default, rename = "short")]
    pub short_names: Vec<String>,
    /// Local-language words the brand is known by (`poste`, `correos`, `pošta`); generic.
    #[serde(default)]
    pub words: Vec<String>,
    /// Names as messages in the brand's country write them, in its own language and script,
    /// with their common short and inflected forms (`البريد المصري`, `Почта России`,
    /// `Почты России`, `中国邮政`); distinctive, unlike `words`. From `data/local_names.toml`.
    #[serde(default)]
    pub local: Vec<String>,
    /// Official registrable domains (`laposte.fr`); their subdomains are official too.
    #[serde(default)]
    pub domains: Vec<String>,
    /// True where the entry was not confirmed from the operator's own pages.
    #[serde(default)]
    pub uncertain: bool,
    /// Where the entry's names and domains come from (required for postal operators).
    #[serde(default)]
    pub source: Option<String>,
}

impl Brand {
    /// The organisation's common name, as a message or an analyst would write it: `common` when
    /// given, else the display name without its qualifier ("DGFiP (impots.gouv.fr)" -> "DGFiP",
    /// "ANTAI / ANTS" -> "ANTAI").
    pub fn common_name(&self) -> &str {
        if let Some(c) = &self.common {
            return c;
        }
        let bare = self.name.split(" (").next().unwrap_or(&self.name);
        bare.split(" / ").next().unwrap_or(bare).trim()
    }

    /// The main official domain, used in explanations ("looks like La Poste (laposte.fr)").
    pub fn primary_domain(&self) -> Option<&str> {
        self.domains.first().map(String::as_str)
    }
}

/// How a domain relates to a brand in [`BrandRegistry::match_domain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// The domain is one of the brand's official registrable domains.
    Official,
    /// The domain is a subdomain of an official domain.
    OfficialSubdomain,
    /// A label of the domain contains one of the brand's short names (not an official domain).
    NameInLabel,
}

/// One brand a domain relates to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrandMatch<'a> {
    pub brand: &'a Brand,
    pub kind: MatchKind,
    /// The official domain or the short name that matched.
    pub matched: &'a str,
}

/// The loaded registry with its lookup tables.
#[derive(Debug, Clone)]
pub struct BrandRegistry {
    brands: Vec<Brand>,
    by_domain: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    brands: Vec<Brand>,
}

/// `data/local_names.toml`: local names per brand id.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocalNamesFile {
    brand: Vec<LocalNames>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocalNames {
    id: String,
    local: Vec<String>,
}

/// Adds the local names of `text` (the `local_names.toml` format) to `brands`; an unknown id or
/// an empty name is an error.
fn add_local_names(brands: &mut [Brand], text: &str, origin: &str) -> Result<(), BrandError> {
    let file: LocalNamesFile =
        toml::from_str(text).map_err(|e| BrandError::Format { origin: origin.to_string(), message: e.to_string() })?;
    for entry in file.brand {
        let invalid =
            |message: &str| BrandError::Invalid { origin: origin.to_string(), id: entry.id.clone(), message: message.to_string() };
        let Some(b) = brands.iter_mut().find(|b| b.id == entry.id) else {
            return Err(invalid("no brand has this id"));
        };
        for name in &entry.local {
            let name = name.trim();
            if name.is_empty() {
                return Err(invalid("empty local name"));
            }
            if !b.local.iter().any(|l| l == name) {
                b.local.push(name.to_string());
            }
        }
    }
    Ok(())
}

impl BrandRegistry {
    /// The registry shipped with Postern.
    pub fn builtin() -> BrandRegistry {
        // The embedded file is checked by this crate's tests; an error here is a build defect,
        // so fall back to an empty registry rather than panic in a server.
        let parsed = parse(BUILTIN_TOML, "builtin").and_then(|mut brands| {
            add_local_names(&mut brands, LOCAL_NAMES_TOML, "local_names.toml")?;
            Ok(brands)
        });
        match parsed {
            Ok(brands) => BrandRegistry::from_brands(brands),
            Err(_) => BrandRegistry::from_brands(Vec::new()),
        }
    }

    /// Applies an override document (same format as the built-in file) to this registry.
    pub fn with_overrides_str(self, text: &str, origin: &str) -> Result<BrandRegistry, BrandError> {
        let extra = parse(text, origin)?;
        let mut brands = self.brands;
        for brand in extra {
            match brands.iter_mut().find(|b| b.id == brand.id) {
                Some(slot) => *slot = brand,
                None => brands.push(brand),
            }
        }
        Ok(BrandRegistry::from_brands(brands))
    }

    /// Builds the lookup tables over `brands` (already validated and normalised).
    pub fn from_brands(brands: Vec<Brand>) -> BrandRegistry {
        let mut by_domain: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, b) in brands.iter().enumerate() {
            for d in &b.domains {
                push_unique(by_domain.entry(d.clone()).or_default(), i);
            }
            let names = std::iter::once(b.id.clone()).chain(std::iter::once(name_key(&b.name))).chain(b.short_names.iter().cloned());
            for n in names {
                push_unique(by_name.entry(n).or_default(), i);
            }
        }
        BrandRegistry { brands, by_domain, by_name }
    }

    pub fn brands(&self) -> &[Brand] {
        &self.brands
    }

    pub fn len(&self) -> usize {
        self.brands.len()
    }

    pub fn is_empty(&self) -> bool {
        self.brands.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Brand> {
        self.brands.iter().find(|b| b.id == id)
    }

    /// Brands known by `name`: id, display name (case and spacing ignored) or short name.
    pub fn by_name(&self, name: &str) -> Vec<&Brand> {
        let key = name_key(name);
        self.by_name.get(&key).map(|v| v.iter().map(|&i| &self.brands[i]).collect()).unwrap_or_default()
    }

    /// Brands whose official registrable domains include exactly `domain`.
    pub fn by_official_domain(&self, domain: &str) -> Vec<&Brand> {
        let key = domain.trim_end_matches('.').to_ascii_lowercase();
        self.by_domain.get(&key).map(|v| v.iter().map(|&i| &self.brands[i]).collect()).unwrap_or_default()
    }

    /// Whether `domain` is an official domain of some brand or a subdomain of one.
    pub fn is_official(&self, domain: &str) -> bool {
        self.official_suffix(domain).is_some()
    }

    /// The official domain that `domain` equals or is a subdomain of, with its brands.
    pub fn official_suffix<'a>(&'a self, domain: &str) -> Option<(&'a str, &'a [usize])> {
        let d = domain.trim_end_matches('.').to_ascii_lowercase();
        let mut rest = d.as_str();
        loop {
            if let Some((k, v)) = self.by_domain.get_key_value(rest) {
                return Some((k.as_str(), v.as_slice()));
            }
            match rest.split_once('.') {
                Some((_, tail)) => rest = tail,
                None => return None,
            }
        }
    }

    /// Plain relation of a domain to the registry: official, official subdomain, or a short name
    /// inside one of its labels. Look-alike detection (typos, homoglyphs) is `links`' job.
    pub fn match_domain<'a>(&'a self, domain: &str) -> Vec<BrandMatch<'a>> {
        let d = domain.trim_end_matches('.').to_ascii_lowercase();
        let mut out = Vec::new();
        if let Some((official, ids)) = self.official_suffix(&d) {
            let kind = if official == d { MatchKind::Official } else { MatchKind::OfficialSubdomain };
            for &i in ids {
                out.push(BrandMatch { brand: &self.brands[i], kind, matched: official });
            }
            return out;
        }
        for b in &self.brands {
            let hit = b
                .short_names
                .iter()
                .filter(|s| s.len() >= 4)
                .find(|s| d.split('.').any(|label| label.replace('-', "").contains(s.as_str())));
            if let Some(s) = hit {
                out.push(BrandMatch { brand: b, kind: MatchKind::NameInLabel, matched: s });
            }
        }
        out
    }
}

fn push_unique(v: &mut Vec<usize>, i: usize) {
    if !v.contains(&i) {
        v.push(i);
    }
}

/// Lookup key of a name: lower case, letters and digits only.
fn name_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    if lower.contains('-') && !lower.contains(' ') {
        // Ids such as `fr-laposte` are looked up as given.
        return lower;
    }
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Parses and validates a registry document; normalises short names and domains to lower case.
fn parse(text: &str, origin: &str) -> Result<Vec<Brand>, BrandError> {
    let file: File = toml::from_str(text).map_err(|e| BrandError::Format { origin: origin.to_string(), message: e.to_string() })?;
    let mut out = Vec::with_capacity(file.brands.len());
    for mut b in file.brands {
        let invalid = |message: &str| BrandError::Invalid { origin: origin.to_string(), id: b.id.clone(), message: message.to_string() };
        if b.id.trim().is_empty() || b.name.trim().is_empty() {
            return Err(invalid("id and name must not be empty"));
        }
        for d in &mut b.domains {
            *d = d.trim().trim_end_matches('.').to_ascii_lowercase();
            let ok = d.contains('.') && d.split('.').all(|l| !l.is_empty() && l.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-'));
            if !ok {
                return Err(invalid(&format!("domain {d:?} is not an ASCII registrable domain")));
            }
        }
        for s in &mut b.short_names {
            *s = s.trim().to_lowercase();
            if s.is_empty() {
                return Err(invalid("empty short name"));
            }
        }
        for w in &mut b.words {
            *w = w.trim().to_lowercase();
        }
        if let Some(c) = &mut b.country {
            *c = c.to_ascii_uppercase();
        }
        out.push(b);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_name_known_brands_of_the_upus_languages() {
        let mut brands = parse(BUILTIN_TOML, "builtin").expect("builtin registry parses");
        add_local_names(&mut brands, LOCAL_NAMES_TOML, "local_names.toml").expect("local names load");
        let local = |id: &str| brands.iter().find(|b| b.id == id).map(|b| b.local.clone()).unwrap_or_default();
        assert!(local("eg-egyptpost").iter().any(|n| n == "البريد المصري"));
        assert!(local("ru-pochta").iter().any(|n| n == "Почта России"));
        assert!(local("cn-chinapost").iter().any(|n| n == "中国邮政"));
        assert!(local("ke-posta").iter().any(|n| n == "Posta Kenya"));
        // Posts, customs and tax authorities of the Arabic-, Russian- and Chinese-speaking
        // countries all carry a local name.
        for id in [
            "eg-customs",
            "eg-eta",
            "sa-zatca",
            "ma-douane",
            "ru-fts",
            "ru-fns",
            "kz-kgd",
            "cn-customs",
            "cn-chinatax",
            "hk-customs",
            "tw-customs",
        ] {
            assert!(!local(id).is_empty(), "{id} has no local name");
        }
        let mut bad = brands.clone();
        let err = add_local_names(&mut bad, "[[brand]]\nid = \"xx-nobody\"\nlocal = [\"x\"]\n", "t").expect_err("unknown id");
        assert!(err.to_string().contains("xx-nobody"), "{err}");
        assert!(BrandRegistry::builtin().get("eg-egyptpost").is_some_and(|b| !b.local.is_empty()));
    }

    #[test]
    fn builtin_parses_and_covers_the_upu() {
        let brands = parse(BUILTIN_TOML, "builtin").expect("builtin registry parses");
        let posts: std::collections::HashSet<_> =
            brands.iter().filter(|b| b.kind == BrandKind::Post).filter_map(|b| b.country.clone()).collect();
        assert!(posts.len() >= 190, "{} countries", posts.len());
        let mut ids = std::collections::HashSet::new();
        for b in &brands {
            assert!(ids.insert(b.id.clone()), "duplicate id {}", b.id);
        }
        assert_eq!(BrandRegistry::builtin().len(), brands.len());
    }

    #[test]
    fn every_postal_operator_names_its_source_and_is_unsure_without_a_domain() {
        let brands = parse(BUILTIN_TOML, "builtin").expect("builtin registry parses");
        let mut problems = Vec::new();
        for b in brands.iter().filter(|b| b.kind == BrandKind::Post) {
            if b.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
                problems.push(format!("{}: no source", b.id));
            }
            if b.domains.is_empty() && !b.uncertain {
                problems.push(format!("{}: no domain but not marked uncertain", b.id));
            }
        }
        let known = brands.iter().filter(|b| b.kind == BrandKind::Post && !b.domains.is_empty()).count();
        assert!(known >= 195, "{known} postal operators with a domain");
        assert!(problems.is_empty(), "{problems:#?}");
    }

    fn check_match(domain: &str, expected: &[(&str, MatchKind)]) {
        let reg = BrandRegistry::builtin();
        let got: Vec<(&str, MatchKind)> = reg.match_domain(domain).iter().map(|m| (m.brand.id.as_str(), m.kind)).collect();
        assert_eq!(got, expected, "{domain}");
    }

    #[test]
    fn match_domain_cases() {
        check_match("laposte.fr", &[("fr-laposte", MatchKind::Official)]);
        check_match("www.laposte.fr", &[("fr-laposte", MatchKind::OfficialSubdomain)]);
        check_match("LaPoste.FR.", &[("fr-laposte", MatchKind::Official)]);
        check_match("tools.usps.com", &[("us-usps", MatchKind::OfficialSubdomain)]);
        check_match("laposte-suivi.top", &[("fr-laposte", MatchKind::NameInLabel)]);
        check_match("postgresql.org", &[]);
        check_match("example.com", &[]);
    }

    #[test]
    fn lookups_by_name_and_domain() {
        let reg = BrandRegistry::builtin();
        assert_eq!(reg.by_name("La Poste")[0].id, "fr-laposte");
        assert_eq!(reg.by_name("colissimo")[0].id, "fr-laposte");
        assert_eq!(reg.by_name("fr-laposte")[0].id, "fr-laposte");
        assert_eq!(reg.by_name("USPS")[0].id, "us-usps");
        assert!(reg.by_name("nonexistent brand").is_empty());
        assert_eq!(reg.by_official_domain("royalmail.com")[0].id, "gb-royalmail");
        assert!(reg.by_official_domain("royalmail.com.evil.top").is_empty());
        assert!(reg.is_official("a.b.postnl.nl"));
        assert!(!reg.is_official("postnl.nl.evil.top"));
        assert!(!reg.is_official("nl"));
    }

    #[test]
    fn overrides_replace_and_extend() {
        let doc = r#"brands = [
          { id = "fr-laposte", name = "La Poste (test)", kind = "post", country = "fr", short = ["LaPoste"], domains = ["LaPoste.fr"] },
          { id = "xx-newpost", name = "New Post", kind = "courier", short = ["newpost"], domains = ["newpost.example"] },
        ]"#;
        let base = BrandRegistry::builtin();
        let n = base.len();
        let reg = base.with_overrides_str(doc, "test").expect("override parses");
        assert_eq!(reg.len(), n + 1);
        let lp = reg.get("fr-laposte").expect("still there");
        assert_eq!(lp.name, "La Poste (test)");
        assert_eq!(lp.country.as_deref(), Some("FR"));
        assert_eq!(lp.domains, vec!["laposte.fr".to_string()]);
        assert!(reg.is_official("newpost.example"));
        assert!(!reg.is_official("colissimo.fr"), "replaced brand lost its other domains");
    }

    #[test]
    fn override_errors_are_reported() {
        let bad = [
            "brands = [ { id = \"\", name = \"x\", kind = \"post\" } ]",
            "brands = [ { id = \"a\", name = \"x\", kind = \"spaceship\" } ]",
            "brands = [ { id = \"a\", name = \"x\", kind = \"post\", domains = [\"no_dot\"] } ]",
            "brands = [ { id = \"a\", name = \"x\", kind = \"post\", domains = [\"bad..dom\"] } ]",
            "not toml at all [[[",
        ];
        for doc in bad {
            assert!(BrandRegistry::builtin().with_overrides_str(doc, "t").is_err(), "{doc}");
        }
    }
}
