//! Tracking numbers (UPU S10 with check digit, UPS, carrier digit runs), amounts with currency,
//! and one-time / pickup codes, which must never be mistaken for phone numbers.

use super::{Kind, MAX_PER_KIND, Span, free};

/// An amount of money found in a message.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The value, in units of the currency.
    pub value: f64,
    /// ISO 4217 code.
    pub currency: &'static str,
    /// Normalised form: value with a dot, then the code ("1.99 EUR").
    pub normalised: String,
    /// Read from a marker several countries share (`$`, `درهم`, `دينار`): `currency` is the
    /// default until the message's country is known (`analyze` localises it).
    pub shared_marker: bool,
}

/// Words that announce a tracking number (folded, ASCII lower-case).
const TRACKING_CUES: &[&str] = &[
    "tracking",
    "track",
    "shipment",
    "parcel",
    "package",
    "consignment",
    "reference",
    "ref",
    "suivi",
    "colis",
    "envoi",
    "seguimiento",
    "envio",
    "paquete",
    "localizador",
    "spedizione",
    "pacco",
    "tracciamento",
    "rastreio",
    "rastreamento",
    "objeto",
    "encomenda",
    "sendung",
    "sendungsnummer",
    "paket",
    "paketnummer",
    "gjurmimi",
    "kargo",
    "takip",
    "gonderi",
    "kifurushi",
    "mzigo",
    "رقم",
    "شحنة",
    "الشحنة",
    "شحنتك",
    "طرد",
    "الطرد",
    "طردك",
    "трек",
    "трек-номер",
    "номер",
    "отправления",
    "посылки",
    "单号",
    "運單",
    "运单",
    "單號",
    "快件",
    "快递",
    "快遞",
    "包裹",
    "邮件",
    "郵件",
    "заказ",
    "заказа",
    "gjurmimit",
    "pako",
    "dergesa",
    "dergeses",
    "no",
    "nr",
    "n",
    "numero",
    "number",
    "codice",
    "codigo",
    "awb",
    "item",
    "article",
    "articolo",
    "artigo",
    "articulo",
    "artikel",
    "exception",
    "fedex",
    "usps",
    "dhl",
    "ups",
];

/// Words that announce a one-time, verification or pickup code.
const CODE_CUES: &[&str] = &[
    "code",
    "codes",
    "otp",
    "pin",
    "password",
    "passcode",
    "codigo",
    "codice",
    "kodi",
    "kod",
    "abholcode",
    "code:",
    "verification",
    "verifica",
    "verificacion",
    "verificacao",
    "bestatigungscode",
    "sicherheitscode",
    "tan",
    "mtan",
    "locker",
    "casier",
    "taquilla",
    "armadietto",
    "cacifo",
    "packstation",
    "retrait",
    "ritiro",
    "recogida",
    "levantamento",
    "abholung",
    "terheqje",
    "marrje",
    "kodu",
    "kodunuz",
    "sifre",
    "msimbo",
    "رمز",
    "كود",
    "الرمز",
    "код",
    "кода",
    "пароль",
    "验证码",
    "驗證碼",
    "取件码",
    "取件碼",
    "取件号码",
    "取件號碼",
    "取件编号",
    "取件編號",
    "取货码",
    "取貨碼",
    "提货码",
    "提貨碼",
    "密码",
    "密碼",
];

/// Finds S10, UPS and cue-announced carrier tracking numbers.
pub fn tracking(text: &str, spans: &mut Vec<Span>) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() && out.len() < MAX_PER_KIND {
        if !bytes[i].is_ascii_alphanumeric() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        if let Some((end, id)) = s10_at(bytes, i).or_else(|| ups_at(bytes, i)) {
            if free(spans, i, end) {
                spans.push(Span { start: i, end, kind: Kind::Tracking });
                out.push(id);
            }
            i = end;
            continue;
        }
        if let Some((end, id)) = grouped_digits_at(text, i, spans) {
            spans.push(Span { start: i, end, kind: Kind::Tracking });
            out.push(id);
            i = end;
            continue;
        }
        let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let tok = &text[i..end];
        let digits = tok.bytes().filter(u8::is_ascii_digit).count();
        let letters = tok.len() - digits;
        let long_digits = letters == 0 && (16..=30).contains(&digits);
        let s10_shaped = tok.len() == 13 && letters == 4 && tok.as_bytes()[..2].iter().all(u8::is_ascii_alphabetic);
        let cued = !s10_shaped && (10..=30).contains(&tok.len()) && digits >= 8 && letters <= 6 && cue_before(text, i, TRACKING_CUES, 40);
        if (long_digits || cued) && free(spans, i, end) {
            spans.push(Span { start: i, end, kind: Kind::Tracking });
            out.push(tok.to_ascii_uppercase());
        }
        i = end.max(i + 1);
    }
    out
}

/// Carrier numbers written in digit groups ("9400 1118 9922 3845 1023 47", USPS IMpb;
/// "99.60.123456.12345678", Swiss Post; "7712 3456 7890", FedEx). Sixteen digits or more
/// cannot be a phone number (E.164 allows 15), so such a run is a tracking number; 12 to 15
/// digits (FedEx 12/15) only after a tracking cue, and never after a '+' (an international
/// phone number).
fn grouped_digits_at(text: &str, i: usize, spans: &[Span]) -> Option<(usize, String)> {
    let b = text.as_bytes();
    if !b[i].is_ascii_digit() || (i > 0 && b[i - 1] == b'+') {
        return None;
    }
    // Counted first, copied only when the run is kept: this runs at every number of a message.
    let (mut j, mut groups, mut n) = (i, 0usize, 0usize);
    loop {
        let run = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 0 {
            break;
        }
        n += run;
        groups += 1;
        j += run;
        match (b.get(j), b.get(j + 1)) {
            (Some(b' ' | b'.'), Some(c)) if c.is_ascii_digit() && n < 30 => j += 1,
            _ => break,
        }
    }
    if groups < 2 || b.get(j).is_some_and(u8::is_ascii_alphanumeric) || !free(spans, i, j) {
        return None;
    }
    // FedEx groups its 12 or 15 digits in threes and fours; a national phone number starts
    // with its trunk prefix 0 ("0151 29598673"), a carrier number does not.
    let fedex_shaped = matches!(n, 12 | 15) && groups >= 3 && b[i] != b'0';
    let ok = (16..=30).contains(&n) || (fedex_shaped && cue_before(text, i, TRACKING_CUES, 40));
    ok.then(|| (j, text[i..j].chars().filter(char::is_ascii_digit).collect()))
}

/// UPU S10: two letters, eight serial digits, a check digit, two letters (ISO country).
/// Also accepts the spaced print form "RR 1234 5678 5 GB".
fn s10_at(b: &[u8], i: usize) -> Option<(usize, String)> {
    // Two letters then a digit (or a space and a digit): checked before allocating, since this
    // runs at the start of every word.
    let shaped = b.get(i..i + 2).is_some_and(|p| p.iter().all(u8::is_ascii_alphabetic))
        && match b.get(i + 2) {
            Some(c) if c.is_ascii_digit() => true,
            Some(b' ') => b.get(i + 3).is_some_and(u8::is_ascii_digit),
            _ => false,
        };
    if !shaped {
        return None;
    }
    let mut id = String::with_capacity(13);
    let mut j = i;
    for _ in 0..2 {
        let c = *b.get(j)?;
        if !c.is_ascii_alphabetic() {
            return None;
        }
        id.push(c.to_ascii_uppercase() as char);
        j += 1;
    }
    let mut digits = 0;
    while digits < 9 {
        match b.get(j) {
            Some(c) if c.is_ascii_digit() => {
                id.push(*c as char);
                digits += 1;
                j += 1;
            }
            Some(b' ') if b.get(j + 1).is_some_and(u8::is_ascii_digit) || (digits == 9) => j += 1,
            _ => return None,
        }
    }
    if b.get(j) == Some(&b' ') && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic) {
        j += 1;
    }
    for _ in 0..2 {
        let c = *b.get(j)?;
        if !c.is_ascii_alphabetic() {
            return None;
        }
        id.push(c.to_ascii_uppercase() as char);
        j += 1;
    }
    if b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    s10_check_ok(&id).then_some((j, id))
}

/// Verifies the S10 check digit (weights 8 6 4 2 3 5 9 7, mod 11).
pub fn s10_check_ok(id: &str) -> bool {
    let d: Vec<u32> = id.bytes().skip(2).take(9).map(|c| u32::from(c.wrapping_sub(b'0'))).collect();
    if d.len() != 9 || d.iter().any(|&x| x > 9) {
        return false;
    }
    let sum: u32 = [8, 6, 4, 2, 3, 5, 9, 7].iter().zip(&d).map(|(w, x)| w * x).sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    check == d[8]
}

/// UPS "1Z" + 16 alphanumerics.
fn ups_at(b: &[u8], i: usize) -> Option<(usize, String)> {
    if !(b.get(i) == Some(&b'1') && matches!(b.get(i + 1), Some(b'Z' | b'z'))) {
        return None;
    }
    let end = i + 18;
    let tok = b.get(i..end)?;
    if !tok.iter().all(u8::is_ascii_alphanumeric) || b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some((end, String::from_utf8_lossy(tok).to_ascii_uppercase()))
}

/// True when one of `cues` is a word ending within `window` bytes before `pos`.
pub fn cue_before(text: &str, pos: usize, cues: &[&str], window: usize) -> bool {
    let mut from = pos.saturating_sub(window);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = crate::text::fold(&text[from..pos]);
    // The last four words, read from the end (the words of `text::words`, without collecting them).
    let mut last_words = before.split(|c: char| !crate::text::is_word_char(c)).filter(|w| !w.is_empty()).rev().take(4);
    // Han is written without spaces: its cues are found inside the last run ("您的运单号").
    let unspaced = |c: &&&str| c.chars().next().is_some_and(|x| crate::text::script_of(x) == crate::text::Script::Unspaced);
    last_words.any(|w| cues.contains(&w) || !w.is_ascii() && cues.iter().filter(unspaced).any(|c| w.contains(c)))
}

/// Marks one-time and pickup codes (4 to 8 digits after a code cue) so phones skip them.
pub fn codes(text: &str, spans: &mut Vec<Span>) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() && n < MAX_PER_KIND {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < b.len()
            && (b[end].is_ascii_digit() || (b[end] == b' ' || b[end] == b'-') && b.get(end + 1).is_some_and(u8::is_ascii_digit))
        {
            end += 1;
        }
        let digits = b[i..end].iter().filter(|c| c.is_ascii_digit()).count();
        if (4..=8).contains(&digits)
            && !b.get(end).is_some_and(u8::is_ascii_alphanumeric)
            && free(spans, i, end)
            && cue_before(text, i, CODE_CUES, 32)
        {
            spans.push(Span { start: i, end, kind: Kind::Code });
            n += 1;
        }
        i = end.max(i + 1);
    }
    n
}

/// One way messages write a currency (`data/currencies/markers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub text: &'static str,
    /// ISO 4217 code, or the family placeholder `DINAR`.
    pub code: &'static str,
    /// The case must match ("TL" but not "tl").
    pub exact: bool,
    /// Several countries write their currency this way (`data/currencies/local.tsv`).
    pub shared: bool,
}

const MARKERS_TSV: &str = crate::lexicon::files::CURRENCY_MARKERS_FILE.1;
const LOCAL_TSV: &str = crate::lexicon::files::LOCAL_CURRENCIES_FILE.1;
const ISO4217_TXT: &str = crate::lexicon::files::ISO4217_FILE.1;

/// Capitalised words that are ISO 4217 codes too but mean something else beside a number in a
/// message ("TOP 10", "SOS 112", "PEN 2"): never read as currencies unless markers.tsv lists them.
const NOT_CURRENCY_WORDS: &[&str] = &["TOP", "SOS", "CUP", "BOB", "PEN", "ALL", "MAD", "GEL", "AMD", "MOP", "BAM", "ERN"];

/// The data lines of an embedded list: comments and blank lines skipped.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The markers of `data/currencies/markers.tsv`, in its order (earlier markers win). A line
/// that does not parse is left out; `tests::currency_lists_are_well_formed` refuses it.
pub fn markers() -> &'static [Marker] {
    static MARKERS: std::sync::OnceLock<Vec<Marker>> = std::sync::OnceLock::new();
    MARKERS.get_or_init(|| data_lines(MARKERS_TSV).filter_map(parse_marker).collect())
}

/// One line of markers.tsv: marker, code, flags (`exact`, `shared`, or `-`).
fn parse_marker(line: &'static str) -> Option<Marker> {
    let mut f = line.split('\t');
    let (text, code, flags) = (f.next()?, f.next()?, f.next()?);
    if f.next().is_some() || text.is_empty() || code.is_empty() {
        return None;
    }
    let flags: Vec<&str> = flags.split(',').filter(|x| *x != "-").collect();
    if flags.iter().any(|x| !matches!(*x, "exact" | "shared")) {
        return None;
    }
    Some(Marker { text, code, exact: flags.contains(&"exact"), shared: flags.contains(&"shared") })
}

/// The active ISO 4217 codes (`data/currencies/iso4217.txt`).
pub fn iso4217() -> &'static std::collections::HashSet<&'static str> {
    static CODES: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| data_lines(ISO4217_TXT).map(str::trim).collect())
}

/// The lines of `data/currencies/local.tsv`: (family, country, code).
fn local_table() -> &'static [(&'static str, &'static str, &'static str)] {
    static LOCAL: std::sync::OnceLock<Vec<(&'static str, &'static str, &'static str)>> = std::sync::OnceLock::new();
    LOCAL.get_or_init(|| {
        data_lines(LOCAL_TSV)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let t = (f.next()?, f.next()?, f.next()?);
                f.next().is_none().then_some(t)
            })
            .collect()
    })
}

/// The currency a shared marker's `family` (its default code) is in `country`, per
/// `data/currencies/local.tsv`.
pub fn local_currency(family: &str, country: &str) -> Option<&'static str> {
    local_table().iter().find(|(f, c, _)| *f == family && *c == country).map(|(_, _, code)| *code)
}

/// The countries besides the default's where a shared marker of `family` names the local
/// currency (`data/currencies/local.tsv`), in the file's order.
pub fn local_countries(family: &str) -> Vec<&'static str> {
    local_table().iter().filter(|(f, _, _)| *f == family).map(|(_, c, _)| *c).collect()
}

/// A three-letter ISO code in capitals, standing alone, that markers.tsv does not list.
fn iso_code(word: &str) -> Option<&'static str> {
    if word.len() != 3 || !word.bytes().all(|b| b.is_ascii_uppercase()) || NOT_CURRENCY_WORDS.contains(&word) {
        return None;
    }
    iso4217().get(word).copied()
}

/// Finds amounts with a currency before or after the number, in local formats.
pub fn amounts(text: &str, spans: &mut Vec<Span>) -> Vec<Amount> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() && out.len() < MAX_PER_KIND {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.' || b[i - 1] == b',')) {
            i += 1;
            continue;
        }
        let end = number_end(b, i);
        let num = &text[i..end];
        // "0612..." is a phone or a code, never an amount; "0,99" is.
        if num.len() > 1 && num.as_bytes()[0] == b'0' && num.as_bytes()[1].is_ascii_digit() {
            i = end.max(i + 1);
            continue;
        }
        // Currency first: most numbers in a message (dates, times, codes) have none, and then
        // the number need not be parsed.
        let found = match currency_before(text, i) {
            Some((s, cur, m)) => Some((s, end, cur, m)),
            None => currency_after(text, end).map(|(e, cur, m)| (i, e, cur, m)),
        };
        let Some((s, e, cur, shared_marker)) = found else {
            i = end.max(i + 1);
            continue;
        };
        let Some(value) = parse_number(num) else {
            i = end.max(i + 1);
            continue;
        };
        if free(spans, s, e) {
            spans.push(Span { start: s, end: e, kind: Kind::Amount });
            out.push(Amount { value, currency: cur, normalised: normalise(num, value, cur), shared_marker });
        }
        i = end.max(i + 1);
    }
    out
}

/// End of a number in local format: digits with '.', ',', or a (thin) space between groups.
fn number_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() {
        if b[j].is_ascii_digit() {
            j += 1;
        } else if (b[j] == b'.' || b[j] == b',' || b[j] == b' ' || b[j] == b'\'') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            // A space only separates thousands ("1 234,56"): exactly three digits follow.
            let three_digits =
                b.get(j + 1..j + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit)) && !b.get(j + 4).is_some_and(u8::is_ascii_digit);
            if b[j] == b' ' && !three_digits {
                break;
            }
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Parses "1,99", "1.234,56", "1,234.56", "2 400" into a value.
fn parse_number(s: &str) -> Option<f64> {
    let last_sep = s.rfind(['.', ',']);
    let (int_part, frac) = match last_sep {
        Some(p) => {
            let after = &s[p + 1..];
            if after.len() <= 2 && !after.is_empty() { (&s[..p], after) } else { (s, "") }
        }
        None => (s, ""),
    };
    let int: String = int_part.chars().filter(char::is_ascii_digit).collect();
    if int.is_empty() || int.len() > 12 {
        return None;
    }
    let v: f64 = format!("{int}.{}", if frac.is_empty() { "0" } else { frac }).parse().ok()?;
    Some(v)
}

fn normalise(num: &str, value: f64, cur: &str) -> String {
    let has_frac = num.rfind(['.', ',']).is_some_and(|p| (1..=2).contains(&(num.len() - p - 1)));
    if has_frac { format!("{value:.2} {cur}") } else { format!("{value:.0} {cur}") }
}

/// The currency markers by their first and by their last letter, lower-cased, each list in the
/// table's order (the first marker that matches wins). Fx hashing: the maps are only looked up,
/// at every amount candidate.
struct MarkerIndex {
    starting: rustc_hash::FxHashMap<char, Vec<usize>>,
    ending: rustc_hash::FxHashMap<char, Vec<usize>>,
}

fn marker_index() -> &'static MarkerIndex {
    static INDEX: std::sync::OnceLock<MarkerIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let lower = |c: Option<char>| c.and_then(|c| c.to_lowercase().next());
        let mut index = MarkerIndex { starting: Default::default(), ending: Default::default() };
        for (i, m) in markers().iter().enumerate() {
            if let Some(c) = lower(m.text.chars().next()) {
                index.starting.entry(c).or_default().push(i);
            }
            if let Some(c) = lower(m.text.chars().next_back()) {
                index.ending.entry(c).or_default().push(i);
            }
        }
        index
    })
}

/// Case-insensitive equality in every script ("РУБ." is "руб."), cheap for ASCII.
fn same_letters(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// True when `c` is of the script `marker` starts with: a currency word glued to a word of
/// another script ("費HK$18", "оплатаKSh") still stands alone.
fn same_script(c: char, marker: &str) -> bool {
    marker.chars().next().is_some_and(|m| crate::text::script_of(m) == crate::text::script_of(c))
}

/// The start of the currency marker before a number, its ISO code and whether the marker is
/// shared by several countries.
fn currency_before(text: &str, num_start: usize) -> Option<(usize, &'static str, bool)> {
    let head = &text[..num_start];
    let trimmed = head.trim_end_matches([' ', '\u{a0}']);
    if head.len() - trimmed.len() > 2 || trimmed.is_empty() {
        return None;
    }
    let last_char = trimmed.chars().next_back().and_then(|c| c.to_lowercase().next());
    // Only the markers that end with the text's last letter (case-folded, so it never rejects a
    // match), in the table's order.
    let last_char = last_char?;
    let all = markers();
    for m in marker_index().ending.get(&last_char).into_iter().flatten().filter_map(|i| all.get(*i)) {
        let t = m.text;
        let hit = if m.exact {
            trimmed.ends_with(t)
        } else {
            trimmed.len() >= t.len()
                && trimmed.is_char_boundary(trimmed.len() - t.len())
                && same_letters(&trimmed[trimmed.len() - t.len()..], t)
        };
        if hit {
            let s = trimmed.len() - t.len();
            // A word currency must stand alone ("EUR 2", not "FEUR 2"); Han is written without
            // spaces ("运费12元").
            let alpha = t
                .chars()
                .next()
                .is_some_and(|c| crate::text::is_alphabetic(c) && crate::text::script_of(c) != crate::text::Script::Unspaced);
            if alpha && trimmed[..s].chars().next_back().is_some_and(|c| crate::text::is_alphanumeric(c) && same_script(c, t)) {
                continue;
            }
            // "R$", "S$" and the other prefixed dollars win over "$": a "$" glued to capitals
            // is one of them, or one the table does not know, never a US dollar.
            if t == "$" && trimmed[..s].chars().next_back().is_some_and(|c| c.is_ascii_uppercase()) {
                continue;
            }
            return Some((s, m.code, m.shared));
        }
    }
    let word_start =
        trimmed.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
    let word = &trimmed[word_start..];
    iso_code(word).map(|code| (word_start, code, false))
}

/// The end of the currency marker after a number, its ISO code and whether the marker is
/// shared by several countries.
fn currency_after(text: &str, num_end: usize) -> Option<(usize, &'static str, bool)> {
    let tail = &text[num_end..];
    let trimmed = tail.trim_start_matches([' ', '\u{a0}']);
    if tail.len() - trimmed.len() > 2 {
        return None;
    }
    if trimmed.is_empty() {
        return None;
    }
    let off = num_end + tail.len() - trimmed.len();

    let first_char = trimmed.chars().next().and_then(|c| c.to_lowercase().next());
    // Lower-case "all" counts only after a number ("150 all" in a lower-cased SMS).
    // It must end the clause ("180 all: ..."), never run on into words ("0612 all day").
    let lower_all = trimmed.get(..3).is_some_and(|t| t == "all" || t == "All") && {
        let rest = trimmed.get(3..).unwrap_or("");
        !(rest.chars().next().is_some_and(crate::text::is_alphanumeric)
            || rest.trim_start().chars().next().is_some_and(crate::text::is_alphabetic) && rest.starts_with(' '))
    };
    // Only the markers that start with the text's first letter (case-folded, so it never
    // rejects a match), in the table's order.
    let first_char = first_char?;
    let all = markers();
    for m in marker_index().starting.get(&first_char).into_iter().flatten().filter_map(|i| all.get(*i)) {
        let t = m.text;
        // Prefixed dollars ("R$", "S$") are written before the number only.
        if t.len() > 1 && t.ends_with('$') || t == "$" && !trimmed.starts_with('$') {
            continue;
        }
        if t == "ALL" && lower_all {
            return Some((off + 3, "ALL", false));
        }
        let hit = if m.exact {
            trimmed.starts_with(t)
        } else {
            trimmed.len() >= t.len() && trimmed.is_char_boundary(t.len()) && same_letters(&trimmed[..t.len()], t)
        };
        if hit {
            let alpha = t
                .chars()
                .next()
                .is_some_and(|c| crate::text::is_alphabetic(c) && crate::text::script_of(c) != crate::text::Script::Unspaced);
            if alpha && trimmed[t.len()..].chars().next().is_some_and(|c| crate::text::is_alphanumeric(c) && same_script(c, t)) {
                continue;
            }
            return Some((off + t.len(), m.code, m.shared));
        }
    }
    let word_end = trimmed.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(trimmed.len());
    iso_code(&trimmed[..word_end]).map(|code| (off + word_end, code, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_several_countries_share_are_flagged_for_the_country_to_decide() {
        let mut spans = Vec::new();
        let shared: Vec<(String, bool)> = amounts("$200 or US$5 or 20 دينار or 9 درهم or 9 د.إ", &mut spans)
            .into_iter()
            .map(|a| (a.normalised, a.shared_marker))
            .collect();
        let want = [("200 USD", true), ("5 USD", false), ("20 DINAR", true), ("9 AED", true), ("9 AED", false)];
        assert_eq!(shared, want.map(|(n, s)| (n.to_string(), s)));
    }

    #[test]
    fn currency_lists_are_well_formed() {
        let iso = iso4217();
        let codes: Vec<&str> = data_lines(ISO4217_TXT).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "iso4217.txt is sorted, without duplicates");
        assert!(codes.iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())), "{codes:?}");
        for line in data_lines(MARKERS_TSV) {
            let m = parse_marker(line).unwrap_or_else(|| panic!("markers.tsv: cannot read {line:?} (marker, code, flags)"));
            assert!(iso.contains(m.code) || m.code == "DINAR", "markers.tsv: {} is no ISO 4217 code", m.code);
        }
        let mut seen = std::collections::HashSet::new();
        assert!(markers().iter().all(|m| seen.insert(m.text)), "a marker is listed twice");
        // A marker is never hidden by an earlier one it starts or ends with (a word marker
        // that runs on into a letter of its script is skipped, so "гривен" leaves "гривень").
        let word = |m: &str| {
            m.chars().next().is_some_and(|c| crate::text::is_alphabetic(c) && crate::text::script_of(c) != crate::text::Script::Unspaced)
        };
        let runs_on = |e: &str, c: Option<char>| word(e) && c.is_some_and(|c| crate::text::is_alphanumeric(c) && same_script(c, e));
        for (i, later) in markers().iter().enumerate() {
            for earlier in &markers()[..i] {
                let (l, e) = (later.text, earlier.text);
                if l.len() <= e.len() || earlier.exact && !later.exact {
                    continue;
                }
                let after = l.starts_with(e) && !runs_on(e, l[e.len()..].chars().next());
                let before = l.ends_with(e) && !runs_on(e, l[..l.len() - e.len()].chars().next_back());
                assert!(!after && !before, "markers.tsv: {l:?} comes after {e:?}, which hides it");
            }
        }
        let families: std::collections::HashSet<&str> = markers().iter().filter(|m| m.shared).map(|m| m.code).collect();
        for line in data_lines(LOCAL_TSV) {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 3, "local.tsv: {line:?}");
            assert!(families.contains(f[0]), "local.tsv: no shared marker has the family {}", f[0]);
            assert!(f[1].len() == 2 && f[1].bytes().all(|b| b.is_ascii_uppercase()), "local.tsv: country {}", f[1]);
            assert!(iso.contains(f[2]), "local.tsv: {} is no ISO 4217 code", f[2]);
        }
    }

    #[test]
    fn amounts_in_the_currencies_of_other_countries() {
        check_amounts("Оплатите сбор 8,60 BYN сегодня", &["8.60 BYN"]);
        check_amounts("списание 145 000 UZS, баланс", &["145000 UZS"]);
        check_amounts("Сбор 85 000 сум. Для оплаты", &["85000 UZS"]);
        check_amounts("Lipa USh 15,000 za uhifadhi", &["15000 UGX"]);
        check_amounts("老公，她垫付了S$5的运费", &["5 SGD"]);
        check_amounts("رسوم 20 ر.ع اليوم", &["20 OMR"]);
        check_amounts("ادفع 50000 ل.ل", &["50000 LBP"]);
        check_amounts("оплатите 250 грн", &["250 UAH"]);
        check_amounts("pay NGN 5,000 or ₦5,000", &["5000 NGN", "5000 NGN"]);
        check_amounts("оплата 3 000 KGS", &["3000 KGS"]);
        // Capitals that are codes but mean something else, and codes glued to words, are not.
        check_amounts("TOP 10 deals, SOS 112", &[]);
        check_amounts("XYZ 10", &[]);
        check_amounts("сумма 500 рублей", &["500 RUB"]);
    }

    fn check_amounts(input: &str, expected: &[&str]) {
        let mut spans = Vec::new();
        let got: Vec<String> = amounts(input, &mut spans).into_iter().map(|a| a.normalised).collect();
        assert_eq!(got, expected, "amounts of {input:?}");
    }

    #[test]
    fn pickup_codes_in_traditional_chinese_are_codes() {
        let mut spans = Vec::new();
        assert_eq!(codes("您的包裹已送達i郵箱，取件號碼 7719 0263，請於72小時內取件", &mut spans), 1);
    }

    fn check_tracking(input: &str, expected: &[&str]) {
        let mut spans = Vec::new();
        assert_eq!(tracking(input, &mut spans), expected, "tracking of {input:?}");
    }

    #[test]
    fn amounts_in_local_formats() {
        check_amounts("pague 1,99 € hoy", &["1.99 EUR"]);
        check_amounts("pay EUR 1.99 now", &["1.99 EUR"]);
        check_amounts("fee of £2.99.", &["2.99 GBP"]);
        check_amounts("taxa de R$ 3,50", &["3.50 BRL"]);
        check_amounts("paguani 150 ALL", &["150 ALL"]);
        check_amounts("total 1.234,56 EUR", &["1234.56 EUR"]);
        check_amounts("CHF 2.50 und 3€", &["2.50 CHF", "3 EUR"]);
        check_amounts("$1.45 or US$2", &["1.45 USD", "2 USD"]);
        check_amounts("200 lekë", &["200 ALL"]);
        check_amounts("1,99EUR", &["1.99 EUR"]);
        check_amounts("call 0612345678 all day", &[]);
        check_amounts("2 400 ALL", &["2400 ALL"]);
        check_amounts("paguani 180 all: ketu", &["180 ALL"]);
        check_amounts("all 180 of them", &[]);
    }

    #[test]
    fn amounts_in_the_new_languages_currencies() {
        check_amounts("ادفع 25 جنيه الآن", &["25 EGP"]);
        check_amounts("رسوم 12.50 ج.م", &["12.50 EGP"]);
        check_amounts("مبلغ 15 ريال", &["15 SAR"]);
        check_amounts("رسوم 9.75 درهم", &["9.75 AED"]);
        check_amounts("يرجى دفع 12 درهم مغربي", &["12 MAD"]);
        check_amounts("frais 15 DH", &["15 MAD"]);
        check_amounts("пошлина 150 руб.", &["150 RUB"]);
        check_amounts("оплатите 299 ₽ сегодня", &["299 RUB"]);
        check_amounts("оплатите 1 500 рублей", &["1500 RUB"]);
        check_amounts("штраф 2500 тг", &["2500 KZT"]);
        check_amounts("Покупка 1 249р Пятёрочка. Баланс: 18 730,45р", &["1249 RUB", "18730.45 RUB"]);
        check_amounts("12 разных", &[]);
        check_amounts("运费12元，请", &["12 CNY"]);
        check_amounts("补缴¥3.50关税", &["3.50 CNY"]);
        check_amounts("附加費HK$18.5", &["18.50 HKD"]);
        check_amounts("運費NT$30", &["30 TWD"]);
        check_amounts("lipa KSh 150 leo", &["150 KES"]);
        check_amounts("lipa Tsh 2,500 leo", &["2500 TZS"]);
        check_amounts("ödeme 14,90 TL", &["14.90 TRY"]);
        check_amounts("tall 12 TLS", &[]);
        check_amounts("ОПЛАТИТЕ 299 РУБ. СЕГОДНЯ", &["299 RUB"]);
        check_amounts("frais 15 dh", &["15 MAD"]);
        check_amounts("12 made it", &[]);
    }

    #[test]
    fn s10_check_digit() {
        assert!(s10_check_ok("RR123456785GB"));
        assert!(!s10_check_ok("RR123456784GB"));
        check_tracking("Parcel RR123456785GB arrived", &["RR123456785GB"]);
        check_tracking("Parcel RR 1234 5678 5 GB arrived", &["RR123456785GB"]);
        check_tracking("Parcel RR123456784GB arrived", &[]);
    }

    #[test]
    fn carrier_formats() {
        check_tracking("UPS 1Z999AA10123456784 out", &["1Z999AA10123456784"]);
        check_tracking("Sendungsnummer 00340434161234567890", &["00340434161234567890"]);
        check_tracking("tracking no. 123456789012", &["123456789012"]);
        check_tracking("call 0612345678", &[]);
        check_tracking("Your item 9400 1118 9922 3845 1023 47 was delivered", &["9400111899223845102347"]);
        check_tracking("colis 99.60.123456.12345678 livré", &["996012345612345678"]);
        check_tracking("FedEx: your package 7712 3456 7890 is late", &["771234567890"]);
        check_tracking("FedEx: exception for 771298604418: retry", &["771298604418"]);
        check_tracking("package info: call +351 912 345 678", &[]);
        check_tracking("Sendung RB288322224DE. Bei Fragen: 0151 29598673", &["RB288322224DE"]);
        check_tracking("pay 1.234.567 now", &[]);
    }

    #[test]
    fn codes_are_marked() {
        let mut spans = Vec::new();
        assert_eq!(codes("Your code is 482913. Pickup code 5521", &mut spans), 2);
        assert_eq!(codes("call 0612 345 678", &mut spans), 0);
    }
}
