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

/// Markers several countries' currencies are written with; the table gives each a default.
const SHARED_MARKERS: &[&str] = &["$", "دراهم", "درهما", "درهم", "دينار", "دنانير"];

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
    "提货码",
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

/// Currency markers: (marker, ISO code, needs exact case). Earlier markers win, so a longer
/// marker comes before any marker it ends or starts with ("HK$" before "$", "درهم مغربي"
/// before "درهم").
const CURRENCIES: &[(&str, &str, bool)] = &[
    ("R$", "BRL", true),
    ("US$", "USD", true),
    ("HK$", "HKD", true),
    ("NT$", "TWD", true),
    // Arabic: Egyptian pound (ج.م, جنيه), Saudi riyal, UAE and Moroccan dirhams. درهم alone is
    // read as the UAE's (the larger SMS market); Moroccan messages write "DH" or "درهم مغربي".
    ("ج.م", "EGP", false),
    ("جنيهات", "EGP", false),
    ("جنيها", "EGP", false),
    ("جنيه", "EGP", false),
    ("EGP", "EGP", false),
    ("ر.س", "SAR", false),
    ("ريالات", "SAR", false),
    ("ريالا", "SAR", false),
    ("ريال", "SAR", false),
    ("SAR", "SAR", false),
    ("د.إ", "AED", false),
    ("درهم مغربي", "MAD", false),
    ("دراهم", "AED", false),
    ("درهما", "AED", false),
    ("درهم", "AED", false),
    ("AED", "AED", false),
    ("د.م", "MAD", false),
    // Dinars: the abbreviations name the country; the word alone is the message's country's
    // (`analyze` resolves the placeholder code `DINAR` once it knows the country).
    ("د.ج", "DZD", false),
    ("دج", "DZD", false),
    ("DZD", "DZD", false),
    ("د.ع", "IQD", false),
    ("IQD", "IQD", false),
    ("د.أ", "JOD", false),
    ("JOD", "JOD", false),
    ("د.ك", "KWD", false),
    ("KWD", "KWD", false),
    ("د.ت", "TND", false),
    ("TND", "TND", false),
    ("دينار", "DINAR", false),
    ("دنانير", "DINAR", false),
    ("MAD", "MAD", false),
    ("DH", "MAD", false),
    // Russian rouble and Kazakh tenge.
    ("₽", "RUB", false),
    ("рублей", "RUB", false),
    ("рубля", "RUB", false),
    ("рубль", "RUB", false),
    ("руб", "RUB", false),
    ("RUB", "RUB", false),
    // Bank SMS abbreviate the rouble to one letter ("1 249р", "18 730,45р").
    ("р.", "RUB", true),
    ("р", "RUB", true),
    ("₸", "KZT", false),
    ("тенге", "KZT", false),
    ("тг", "KZT", false),
    ("KZT", "KZT", false),
    // Chinese: yuan (元, 块, ¥ and its full-width form), Hong Kong and New Taiwan dollars.
    ("港币", "HKD", false),
    ("港幣", "HKD", false),
    ("港元", "HKD", false),
    ("HKD", "HKD", false),
    ("新台币", "TWD", false),
    ("新台幣", "TWD", false),
    ("台币", "TWD", false),
    ("台幣", "TWD", false),
    ("TWD", "TWD", false),
    ("人民币", "CNY", false),
    ("人民幣", "CNY", false),
    ("元", "CNY", false),
    ("块", "CNY", false),
    ("¥", "CNY", false),
    ("￥", "CNY", false),
    ("RMB", "CNY", false),
    ("CNY", "CNY", false),
    // Kenyan and Tanzanian shillings, Turkish lira.
    ("KSh", "KES", false),
    ("Kshs", "KES", false),
    ("KES", "KES", false),
    ("TSh", "TZS", false),
    ("Tshs", "TZS", false),
    ("TZS", "TZS", false),
    ("shilingi", "KES", false),
    ("₺", "TRY", false),
    ("TL", "TRY", false),
    ("TRY", "TRY", true),
    ("€", "EUR", false),
    ("£", "GBP", false),
    ("$", "USD", false),
    ("EUR", "EUR", false),
    ("euros", "EUR", false),
    ("euro", "EUR", false),
    ("GBP", "GBP", false),
    ("USD", "USD", false),
    ("BRL", "BRL", false),
    ("reais", "BRL", false),
    ("CHF", "CHF", false),
    ("Fr.", "CHF", true),
    ("ALL", "ALL", true),
    ("lekë", "ALL", false),
    ("LEKË", "ALL", true),
    ("Lekë", "ALL", true),
    ("leke", "ALL", false),
    ("lek", "ALL", false),
    ("pounds", "GBP", false),
    ("dollars", "USD", false),
];

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
        let Some((s, e, cur, marker)) = found else {
            i = end.max(i + 1);
            continue;
        };
        let Some(value) = parse_number(num) else {
            i = end.max(i + 1);
            continue;
        };
        if free(spans, s, e) {
            spans.push(Span { start: s, end: e, kind: Kind::Amount });
            let shared_marker = SHARED_MARKERS.contains(&marker);
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
        for (i, (m, _, _)) in CURRENCIES.iter().enumerate() {
            if let Some(c) = lower(m.chars().next()) {
                index.starting.entry(c).or_default().push(i);
            }
            if let Some(c) = lower(m.chars().next_back()) {
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

/// The start of the currency marker before a number, its ISO code and the marker itself.
fn currency_before(text: &str, num_start: usize) -> Option<(usize, &'static str, &'static str)> {
    let head = &text[..num_start];
    let trimmed = head.trim_end_matches([' ', '\u{a0}']);
    if head.len() - trimmed.len() > 2 || trimmed.is_empty() {
        return None;
    }
    let last_char = trimmed.chars().next_back().and_then(|c| c.to_lowercase().next());
    // Only the markers that end with the text's last letter (case-folded, so it never rejects a
    // match), in the table's order.
    let last_char = last_char?;
    for (m, code, exact) in marker_index().ending.get(&last_char).into_iter().flatten().map(|i| &CURRENCIES[*i]) {
        let hit = if *exact {
            trimmed.ends_with(m)
        } else {
            trimmed.len() >= m.len()
                && trimmed.is_char_boundary(trimmed.len() - m.len())
                && same_letters(&trimmed[trimmed.len() - m.len()..], m)
        };
        if hit {
            let s = trimmed.len() - m.len();
            // A word currency must stand alone ("EUR 2", not "FEUR 2"); Han is written without
            // spaces ("运费12元").
            let alpha = m
                .chars()
                .next()
                .is_some_and(|c| crate::text::is_alphabetic(c) && crate::text::script_of(c) != crate::text::Script::Unspaced);
            if alpha && trimmed[..s].chars().next_back().is_some_and(|c| crate::text::is_alphanumeric(c) && same_script(c, m)) {
                continue;
            }
            // "R$" must win over "$": skip "$" when preceded by R/US/HK/NT.
            if *m == "$" && ["R", "US", "HK", "NT"].iter().any(|p| trimmed[..s].ends_with(p)) {
                continue;
            }
            return Some((s, code, m));
        }
    }
    None
}

/// The end of the currency marker after a number, its ISO code and the marker itself.
fn currency_after(text: &str, num_end: usize) -> Option<(usize, &'static str, &'static str)> {
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
    for (m, code, exact) in marker_index().starting.get(&first_char).into_iter().flatten().map(|i| &CURRENCIES[*i]) {
        if matches!(*m, "R$" | "US$" | "HK$" | "NT$") || *m == "$" && !trimmed.starts_with('$') {
            continue;
        }
        if *m == "ALL" && lower_all {
            return Some((off + 3, "ALL", "ALL"));
        }
        let hit = if *exact {
            trimmed.starts_with(m)
        } else {
            trimmed.len() >= m.len() && trimmed.is_char_boundary(m.len()) && same_letters(&trimmed[..m.len()], m)
        };
        if hit {
            let alpha = m
                .chars()
                .next()
                .is_some_and(|c| crate::text::is_alphabetic(c) && crate::text::script_of(c) != crate::text::Script::Unspaced);
            if alpha && trimmed[m.len()..].chars().next().is_some_and(|c| crate::text::is_alphanumeric(c) && same_script(c, m)) {
                continue;
            }
            return Some((off + m.len(), code, m));
        }
    }
    None
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

    fn check_amounts(input: &str, expected: &[&str]) {
        let mut spans = Vec::new();
        let got: Vec<String> = amounts(input, &mut spans).into_iter().map(|a| a.normalised).collect();
        assert_eq!(got, expected, "amounts of {input:?}");
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
