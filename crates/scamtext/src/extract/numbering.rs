//! Numbering plans: the `phonenumber` crate's metadata (the libphonenumber tables), compiled per
//! region on first use into ASCII-only patterns, and the parse / validate / national-format steps
//! phone extraction needs, with the crate's own semantics.
//!
//! Why not call the crate: it compiles every pattern with Unicode classes (`\d` is every digit of
//! every script, which multiplies automaton states) into one global LRU cache behind a mutex. On a
//! mix of messages from two hundred countries that cost one to two seconds of compilation per
//! process, most of the steady-state time, and hundreds of megabytes in a server. Candidates reach
//! this module as ASCII digits only, so ASCII classes match the same strings; patterns are
//! compiled once per region and kept, and nothing is shared behind a lock.
//!
//! The steps follow the crate (version pinned in Cargo.lock) rule for rule, including where it
//! departs from libphonenumber (a descriptor matches when its pattern matches at the start, not
//! the whole number; the national prefix can be stripped twice). The test
//! `the_plans_answer_as_the_phonenumber_crate_does` checks every region against the crate.

use std::sync::OnceLock;

use phonenumber::metadata::{DATABASE, Metadata};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// The shortest and longest national significant numbers the crate accepts.
const MIN_NSN: usize = 2;
const MAX_NSN: usize = 17;

/// A phone number read in a region: its country calling code and national significant number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub code: u16,
    pub national: String,
    /// The carrier code the national prefix carried, if the region's rules capture one.
    carrier: Option<String>,
}

impl Reading {
    /// The number in E.164 form.
    pub fn e164(&self) -> String {
        format!("+{}{}", self.code, self.national)
    }
}

/// A descriptor: which numbers of a region are of one kind.
struct Descriptor {
    lengths: Vec<u16>,
    local_lengths: Vec<u16>,
    pattern: Regex,
}

impl Descriptor {
    fn matches(&self, national: &str) -> bool {
        (self.lengths.is_empty() || self.lengths.contains(&(national.len() as u16))) && self.pattern.is_match(national)
    }
}

/// A national format: which numbers it applies to and how it prints them.
struct Format {
    leading: Option<Regex>,
    pattern: Regex,
    format: &'static str,
    national_prefix_rule: Option<&'static str>,
    domestic_carrier: Option<&'static str>,
}

/// One region's plan, compiled.
struct Plan {
    meta: &'static Metadata,
    general: Descriptor,
    /// The specific kinds (fixed line, mobile, toll free...): a number is valid when one matches.
    kinds: RegexSet,
    kind_lengths: Vec<Vec<u16>>,
    /// The index of the mobile kind in `kinds`, when the region has one.
    mobile: Option<usize>,
    idd: Option<Regex>,
    prefix_for_parsing: Option<Regex>,
    leading_digits: Option<Regex>,
    /// National formats, compiled when a number of this region is first printed.
    formats: OnceLock<Option<Vec<Format>>>,
}

/// Why a region's plan could not be compiled (a metadata pattern this engine rejects).
#[derive(Debug)]
pub struct PlanError {
    pub region: String,
    pub pattern: String,
    pub reason: String,
}

fn anchored(p: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(&format!("^(?:{p})")).unicode(false).ignore_whitespace(true).build()
}

impl Plan {
    fn compile(meta: &'static Metadata) -> Result<Plan, PlanError> {
        let fail = |p: &str, e: regex::Error| PlanError { region: meta.id().to_string(), pattern: p.to_string(), reason: e.to_string() };
        let re = |p: &str| anchored(p).map_err(|e| fail(p, e));
        let d = meta.descriptors();
        let general = d.general();
        // The kinds the crate's `number_type` tries; any of them makes a number valid.
        let kinds: Vec<&phonenumber::metadata::Descriptor> = [
            d.premium_rate(),
            d.toll_free(),
            d.shared_cost(),
            d.voip(),
            d.personal_number(),
            d.pager(),
            d.uan(),
            d.voicemail(),
            d.fixed_line(),
            d.mobile(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let patterns: Vec<String> = kinds.iter().map(|k| format!("^(?:{})", k.national_number().as_str())).collect();
        let set =
            RegexSetBuilder::new(&patterns).unicode(false).ignore_whitespace(true).build().map_err(|e| fail(&patterns.join("|"), e))?;
        Ok(Plan {
            meta,
            general: Descriptor {
                lengths: general.possible_length().to_vec(),
                local_lengths: general.possible_local_length().to_vec(),
                pattern: re(general.national_number().as_str())?,
            },
            // Mobile is the last kind listed above: the last one kept, when the region has it.
            mobile: d.mobile().map(|_| kinds.len() - 1),
            kinds: set,
            kind_lengths: kinds.iter().map(|k| k.possible_length().to_vec()).collect(),
            idd: meta.international_prefix().map(|p| re(p.as_str())).transpose()?,
            prefix_for_parsing: meta.national_prefix_for_parsing().map(|p| re(p.as_str())).transpose()?,
            leading_digits: meta.leading_digits().map(|p| re(p.as_str())).transpose()?,
            formats: OnceLock::new(),
        })
    }

    /// The crate's `number_type(..) != Unknown`.
    fn is_valid_national(&self, national: &str) -> bool {
        self.general.matches(national)
            && self.kinds.matches(national).into_iter().any(|i| {
                let lengths = &self.kind_lengths[i];
                lengths.is_empty() || lengths.contains(&(national.len() as u16))
            })
    }

    /// Whether a valid national number is of the mobile kind.
    fn is_mobile_national(&self, national: &str) -> bool {
        self.mobile.is_some_and(|m| {
            self.general.matches(national)
                && self.kinds.matches(national).matched(m)
                && (self.kind_lengths[m].is_empty() || self.kind_lengths[m].contains(&(national.len() as u16)))
        })
    }

    /// The crate's `validator::length(meta, number, Type::Unknown)`, reduced to the two answers
    /// parsing asks for.
    fn length(&self, national: &str) -> Length {
        let possible = &self.general.lengths;
        let (Some(first), Some(last)) = (possible.first(), possible.last()) else { return Length::Invalid };
        let len = national.len() as u16;
        if self.general.local_lengths.contains(&len) || len == *first {
            Length::Possible
        } else if len < *first {
            Length::TooShort
        } else if len > *last {
            Length::Invalid
        } else if possible.contains(&len) {
            Length::Possible
        } else {
            Length::Invalid
        }
    }

    fn formats(&self) -> Option<&[Format]> {
        self.formats
            .get_or_init(|| {
                self.meta
                    .formats()
                    .iter()
                    .map(|f| {
                        // An empty list of leading digits means "every number"; a pattern that
                        // does not compile leaves the whole region unprintable, never "every".
                        let leading = match f.leading_digits().last() {
                            None => None,
                            Some(l) => Some(anchored(l.as_str()).ok()?),
                        };
                        Some(Format {
                            leading,
                            pattern: anchored(f.pattern().as_str()).ok()?,
                            format: f.format(),
                            national_prefix_rule: f.national_prefix(),
                            domestic_carrier: f.domestic_carrier(),
                        })
                    })
                    .collect()
            })
            .as_deref()
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Length {
    Possible,
    TooShort,
    Invalid,
}

/// Every region of the metadata, keyed by region and calling code ("001" names several
/// non-geographic codes), with its plan compiled on first use.
/// (Fx hashing: looked up at every phone validation, never iterated.)
type PlanTable = rustc_hash::FxHashMap<(&'static str, u16), OnceLock<Option<Plan>>>;

fn plans() -> &'static PlanTable {
    static PLANS: OnceLock<PlanTable> = OnceLock::new();
    // `DATABASE.iter()` keeps one "001" entry; the calling codes list them all.
    PLANS.get_or_init(|| {
        (1..1000u16)
            .flat_map(|code| DATABASE.by_code(&code).unwrap_or_default())
            .map(|m| ((m.id(), m.country_code()), OnceLock::new()))
            .collect()
    })
}

fn plan_of(meta: &'static Metadata) -> Option<&'static Plan> {
    plans().get(&(meta.id(), meta.country_code()))?.get_or_init(|| Plan::compile(meta).ok()).as_ref()
}

fn by_id(region: &str) -> Option<&'static Plan> {
    plan_of(DATABASE.by_id(region)?)
}

/// The plan of the main region of a country calling code (the crate's `by_code(..).first()`).
fn main_of(code: u16) -> Option<&'static Plan> {
    plan_of(DATABASE.by_code(&code)?.first()?)
}

/// Compiles every region's plan; the error names the first pattern this engine rejects.
pub fn compile_all() -> Result<usize, PlanError> {
    let mut n = 0;
    for meta in (1..1000u16).flat_map(|code| DATABASE.by_code(&code).unwrap_or_default()) {
        Plan::compile(meta)?;
        n += 1;
    }
    Ok(n)
}

/// Reads `digits` (ASCII digits only) as a number written without a "+" in `region`, as
/// `phonenumber::parse(Some(region), ..)` does.
pub fn parse_national(region: &str, digits: &str) -> Option<Reading> {
    let plan = by_id(region)?;
    let mut national = digits.to_string();
    let mut code = plan.meta.country_code();
    // A number that starts with the region's international call prefix carries its own
    // country code.
    let idd_end = plan.idd.as_ref().and_then(|re| re.find(&national)).map(|m| m.end());
    match idd_end {
        Some(end) if !national[end..].starts_with('0') => {
            national.drain(..end);
            if national.len() <= MIN_NSN || national.starts_with('0') {
                return None;
            }
            let (c, rest) = split_country_code(&national)?;
            code = c;
            national = rest;
        }
        _ => {
            let own = code.to_string();
            if national.starts_with(&own) && (!plan.general.matches(&national) || plan.length(&national) != Length::Possible) {
                national.drain(..own.len());
            }
        }
    }
    finish(plan, code, national)
}

/// Reads digits written after a "+" (or an international "00" already removed), as
/// `phonenumber::parse(None, "+..")` does.
pub fn parse_international(digits: &str) -> Option<Reading> {
    if digits.len() <= MIN_NSN || digits.starts_with('0') {
        return None;
    }
    let (code, national) = split_country_code(digits)?;
    let plan = source_for(code, national.trim_start_matches('0'));
    match plan {
        Some(plan) => finish(plan, code, national),
        None => checked(code, national, None),
    }
}

/// The first one to three digits that are a known country calling code.
fn split_country_code(digits: &str) -> Option<(u16, String)> {
    (1..=3).filter(|len| *len <= digits.len()).find_map(|len| {
        let code: u16 = digits[..len].parse().ok()?;
        DATABASE.by_code(&code).map(|_| (code, digits[len..].to_string()))
    })
}

/// Strips the national prefix by the region's rules, then checks the lengths.
fn finish(plan: &Plan, code: u16, national: String) -> Option<Reading> {
    let mut potential = national_number(plan, Reading { code, national: national.clone(), carrier: None });
    // The national prefix goes once: when the parsing rule already took it, a number that
    // starts with the same digit keeps it (Russia's "8 800 ..." freephone and "8 812 ..."
    // St Petersburg numbers are 800... and 812... after the trunk 8).
    if potential.national == national
        && let Some(prefix) = plan.meta.national_prefix()
        && potential.national.starts_with(prefix)
    {
        potential.national.drain(..prefix.len());
    }
    if plan.length(&potential.national) != Length::TooShort {
        return checked(code, potential.national, potential.carrier);
    }
    checked(code, national, None)
}

fn checked(code: u16, national: String, carrier: Option<String>) -> Option<Reading> {
    // The crate stores the national number as leading zeros plus an integer below 2^56.
    let zeros = national.bytes().take_while(|b| *b == b'0').count();
    let value: u64 = national[zeros..].parse().ok()?;
    if national.len() < MIN_NSN || national.len() > MAX_NSN || value >= 1 << 56 || zeros > 255 {
        return None;
    }
    Some(Reading { code, national, carrier })
}

/// The crate's `helper::national_number`: the national prefix (and a carrier code) stripped
/// by the region's parsing rule, kept only when the rest still looks like a number of the region.
fn national_number(plan: &Plan, mut number: Reading) -> Reading {
    let Some(parsing) = plan.prefix_for_parsing.as_ref() else {
        if let Some(prefix) = plan.meta.national_prefix()
            && number.national.starts_with(prefix)
        {
            number.national.drain(..prefix.len());
        }
        return number;
    };
    let Some(caps) = parsing.captures(&number.national) else { return number };
    let Some(whole) = caps.get(0) else { return number };
    let end = whole.end();
    let viable = plan.general.matches(&number.national);
    let first = caps.get(1).map(|m| m.as_str().to_string());
    let last = caps.get(caps.len() - 1).map(|m| m.as_str().to_string());
    match plan.meta.national_prefix_transform_rule() {
        Some(transform) if last.is_some() => {
            let transformed = parsing.replace(&number.national, transform).into_owned();
            if viable && !plan.general.matches(&transformed) {
                return number;
            }
            number.carrier = first;
            number.national = transformed;
        }
        _ => {
            if viable && !plan.general.matches(&number.national) {
                return number;
            }
            number.carrier = last;
            number.national.drain(..end);
        }
    }
    number
}

/// The region a number of country code `code` belongs to (the crate's `source_for`).
fn source_for(code: u16, national: &str) -> Option<&'static Plan> {
    let regions = DATABASE.region(&code)?;
    if let [only] = regions[..] {
        return if only == "001" { main_of(code) } else { by_id(only) };
    }
    regions.into_iter().filter_map(by_id).find(|plan| match &plan.leading_digits {
        Some(leading) => leading.is_match(national),
        None => plan.is_valid_national(national),
    })
}

/// Whether a number is a mobile number of its region.
pub fn is_mobile(n: &Reading) -> bool {
    source_for(n.code, &n.national).is_some_and(|plan| plan.is_mobile_national(&n.national))
}

/// The region (ISO country) an E.164 number (`+212661728394`) belongs to.
pub fn region_of(e164: &str) -> Option<&'static str> {
    let n = parse_international(e164.strip_prefix('+')?)?;
    source_for(n.code, &n.national).map(|plan| plan.meta.id())
}

/// The crate's `is_valid`: the number belongs to a region of its code and is of a known kind there.
pub fn is_valid(n: &Reading) -> bool {
    source_for(n.code, &n.national).is_some_and(|plan| plan.is_valid_national(&n.national))
}

/// The number printed in national form by its country's main region's rules, as the crate's
/// formatter prints it; `None` when that region's formats do not compile here.
pub fn national_format(n: &Reading) -> Option<String> {
    let plan = main_of(n.code)?;
    let national = n.national.as_str();
    let format = plan.formats()?.iter().find(|f| match &f.leading {
        None => true,
        Some(leading) => leading.is_match(national) && plan_full_match(&f.pattern, national),
    });
    let Some(format) = format else { return Some(national.to_string()) };
    let rule = match (&n.carrier, format.domestic_carrier) {
        (Some(carrier), Some(rule)) => Some((rule, Some(carrier.as_str()))),
        _ => format.national_prefix_rule.map(|rule| (rule, None)),
    };
    let template = match rule {
        None => format.format.to_string(),
        Some((rule, carrier)) => {
            static FIRST_GROUP: OnceLock<Option<Regex>> = OnceLock::new();
            let first_group = FIRST_GROUP.get_or_init(|| Regex::new(r"(\$\d)").ok()).as_ref()?;
            let first = first_group.captures(format.format).and_then(|c| c.get(1))?.as_str();
            let rule = rule.replace("$NP", plan.meta.national_prefix().unwrap_or("")).replace("$FG", &format!("${first}"));
            let rule = rule.replace("$CC", carrier.unwrap_or(""));
            first_group.replace(format.format, rule.as_str()).into_owned()
        }
    };
    Some(format.pattern.replace(national, template.as_str()).into_owned())
}

fn plan_full_match(pattern: &Regex, s: &str) -> bool {
    pattern.find(s).is_some_and(|m| m.start() == 0 && m.end() == s.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use phonenumber::country::Id;

    #[test]
    fn every_region_compiles_with_ascii_classes() {
        match compile_all() {
            Ok(n) => assert!(n > 240, "only {n} regions in the metadata"),
            Err(e) => panic!("region {} pattern {:?}: {}", e.region, e.pattern, e.reason),
        }
    }

    /// The crate's answer for `input` read in `region` (or as international when `None`):
    /// the E.164 form if valid, and the national format.
    fn crate_reading(region: Option<&str>, input: &str) -> Option<(String, bool, String)> {
        let id = match region {
            Some(r) => Some(r.parse::<Id>().ok()?),
            None => None,
        };
        let n = phonenumber::parse(id, input).ok()?;
        let national = n.format().mode(phonenumber::Mode::National).to_string();
        Some((format!("+{}{}", n.country().code(), n.national()), n.is_valid(), national))
    }

    fn our_reading(region: Option<&str>, digits: &str) -> Option<(String, bool, String)> {
        let n = match region {
            Some(r) => parse_national(r, digits)?,
            None => parse_international(digits)?,
        };
        Some((n.e164(), is_valid(&n), national_format(&n)?))
    }

    /// Digit strings that exercise each region: its example numbers written with and without the
    /// national prefix, with the country code glued on, through the international prefix, and
    /// with one digit dropped or added.
    fn samples(meta: &Metadata) -> Vec<String> {
        let d = meta.descriptors();
        let mut out = Vec::new();
        let descs = [Some(d.general()), d.fixed_line(), d.mobile(), d.toll_free(), d.premium_rate(), d.voip(), d.uan(), d.shared_cost()];
        for example in descs.into_iter().flatten().filter_map(|d| d.example()) {
            let np = meta.national_prefix().unwrap_or("");
            out.push(example.to_string());
            out.push(format!("{np}{example}"));
            out.push(format!("{}{example}", meta.country_code()));
            out.push(format!("00{}{example}", meta.country_code()));
            out.push(format!("{example}7"));
            // The same number with one of its leading digits changed crosses the boundaries of
            // the patterns' prefix ranges.
            for at in 0..example.len().min(3) {
                let mut v: Vec<u8> = example.bytes().collect();
                v[at] = b'0' + (v[at] - b'0' + 3) % 10;
                out.push(String::from_utf8_lossy(&v).into_owned());
            }
            if example.len() > 3 {
                out.push(example[..example.len() - 1].to_string());
            }
        }
        out
    }

    /// The one place we part from the crate on purpose: it strips the national prefix twice when
    /// the number after it starts with the same digit (RU "8 800 ..." becomes "00 ..."), where
    /// libphonenumber strips it once. True when `ours` is `theirs` with that digit kept.
    fn prefix_kept_once(theirs: &Option<(String, bool, String)>, ours: &Option<(String, bool, String)>) -> bool {
        let (Some(t), Some(o)) = (theirs, ours) else { return false };
        (1..1000u16).any(|code| {
            let cc = format!("+{code}");
            let (Some(t), Some(o)) = (t.0.strip_prefix(&cc), o.0.strip_prefix(&cc)) else { return false };
            DATABASE.by_code(&code).unwrap_or_default().iter().filter_map(|m| m.national_prefix()).any(|np| o.strip_prefix(np) == Some(t))
        })
    }

    #[test]
    fn the_plans_answer_as_the_phonenumber_crate_does() {
        let mut compared = 0;
        let mut kept_once = 0;
        let mut differ = Vec::new();
        let regions: Vec<&'static Metadata> = (1..1000u16).flat_map(|code| DATABASE.by_code(&code).unwrap_or_default()).collect();
        for meta in &regions {
            for digits in samples(meta) {
                let region = meta.id();
                if region != "001" {
                    let theirs = crate_reading(Some(region), &digits);
                    let ours = our_reading(Some(region), &digits);
                    if prefix_kept_once(&theirs, &ours) {
                        kept_once += 1;
                    } else if theirs != ours {
                        differ.push(format!("{region} {digits}: crate {theirs:?}, ours {ours:?}"));
                    }
                    compared += 1;
                }
                let theirs = crate_reading(None, &format!("+{digits}"));
                let ours = our_reading(None, &digits);
                if prefix_kept_once(&theirs, &ours) {
                    kept_once += 1;
                } else if theirs != ours {
                    differ.push(format!("+{digits}: crate {theirs:?}, ours {ours:?}"));
                }
                compared += 1;
            }
        }
        assert!(compared > 5_000, "only {compared} readings compared");
        assert!(kept_once < compared / 50, "{kept_once} of {compared} readings keep a prefix digit the crate drops");
        assert!(
            differ.is_empty(),
            "{} of {compared} readings differ:\n{}",
            differ.len(),
            differ.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
        );
    }
}
