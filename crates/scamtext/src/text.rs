//! Text folding: lower-case, accent-free, digit-shaped text that the lexicons and the model see.

/// Folds one character to lower-case ASCII where a Latin base letter exists, so that
/// "Dirección", "DIRECCION" and "direccion" reach the model and the lexicons as one word.
/// Characters with no Latin base are lower-cased and kept.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'Ç' | 'ć' | 'č' | 'Č' | 'Ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ę' | 'ě' | 'ė' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ı' | 'ī' => "i",
        'ñ' | 'Ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' | 'ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'š' | 'Š' | 'ś' | 'ş' | 'Ş' | 'ș' | 'Ș' => "s",
        'ţ' | 'Ţ' | 'ț' | 'Ț' => "t",
        'ğ' | 'Ğ' => "g",
        'İ' => "i",
        'ž' | 'Ž' | 'ź' | 'ż' => "z",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' => "d",
        '\u{2019}' | '\u{2018}' | '\u{00b4}' | '`' => "'",
        '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => "\"",
        '\u{00a0}' | '\u{2009}' | '\u{202f}' => " ",
        '\u{2013}' | '\u{2014}' => "-",
        '€' => "€",
        '£' => "£",
        // Arabic as people type it: short vowels, shadda and the tatweel stretch are optional,
        // hamza seats on alef and the final alef maqsura vary between writers; Persian-style
        // kaf and yeh come from some keyboards.
        '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}' => "",
        'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
        'ى' | 'ی' => "ي",
        'ک' => "ك",
        // Russian writers mostly drop the diaeresis of ё.
        'ё' | 'Ё' => "е",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(base);
}

/// Rewrites the digits and full-width forms people type into the ASCII the extractors read:
/// Arabic-Indic and extended Arabic-Indic digits (`٢٥٠`, `۲۵۰`), the Arabic decimal and
/// thousands separators, and the full-width ASCII forms of Chinese and Japanese keyboards
/// (`１２．５`, `＋８６`, `ｗｗｗ`), with the ideographic space. Text with none of them is
/// returned as it is, without a copy.
pub fn ascii_numerals(s: &str) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| matches!(c, '\u{0660}'..='\u{066c}' | '\u{06f0}'..='\u{06f9}' | '\u{ff01}'..='\u{ff5e}' | '\u{3000}');
    // Each of them is encoded with the lead byte D9, DB, E3 or EF: text with none of those bytes
    // (most Latin, Cyrillic and Chinese text) is passed without decoding its characters.
    let lead = |b: &u8| matches!(b, 0xd9 | 0xdb | 0xe3 | 0xef);
    if s.is_ascii() || !s.as_bytes().iter().any(lead) || !s.chars().any(needs) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let ascii = match c {
            '\u{0660}'..='\u{0669}' => char::from_u32(u32::from(c) - 0x0660 + u32::from(b'0')),
            '\u{06f0}'..='\u{06f9}' => char::from_u32(u32::from(c) - 0x06f0 + u32::from(b'0')),
            '\u{066b}' => Some('.'),
            '\u{066c}' => Some(','),
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0),
            '\u{3000}' => Some(' '),
            _ => None,
        };
        out.push(ascii.unwrap_or(c));
    }
    std::borrow::Cow::Owned(out)
}

/// The writing systems cue matching tells apart at word boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Written without spaces between words (Han, kana): any position is a word boundary.
    Unspaced,
    Arabic,
    Cyrillic,
    /// Latin letters, digits and every other script.
    Other,
}

/// The script class of a word character (see [`Script`]).
pub fn script_of(c: char) -> Script {
    match c {
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ffff}' => Script::Unspaced,
        '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{08a0}'..='\u{08ff}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}' => {
            Script::Arabic
        }
        '\u{0400}'..='\u{052f}' => Script::Cyrillic,
        _ => Script::Other,
    }
}

/// Folds a whole string (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    // Most of every Latin-script message is ASCII: lower-case those runs in bulk and fold only
    // the other characters one by one.
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        out.push_str(run);
        let start = out.len() - run.len();
        out[start..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            fold_char(c, &mut out);
        }
        rest = chars.as_str();
    }
    out
}

/// Same answer as [`char::is_alphabetic`], from a table of the Basic Multilingual Plane built
/// once per process. The standard library's lookup for characters outside ASCII costs about 170
/// instructions (a search through compressed ranges), and a message in Chinese, Japanese, Arabic
/// or Russian asks it for every character several times: it was a fifth of the time spent on
/// the 12-language mix.
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let code = u32::from(c) as usize;
    match bmp_alphabetic().get(code / 64) {
        Some(word) => word & (1u64 << (code % 64)) != 0,
        None => c.is_alphabetic(),
    }
}

/// Same answer as [`char::is_alphanumeric`] (see [`is_alphabetic`] for why).
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alphabetic(c) || c.is_numeric()
}

/// One bit per character of the Basic Multilingual Plane: set where the character is alphabetic.
fn bmp_alphabetic() -> &'static [u64] {
    static TABLE: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        for (code, c) in (0u32..0x10000).filter_map(|code| Some((code as usize, char::from_u32(code)?))) {
            if c.is_alphabetic() {
                bits[code / 64] |= 1u64 << (code % 64);
            }
        }
        bits
    })
}

/// True for characters that belong inside a word token.
pub fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || c == '_'
}

/// Splits folded text into word tokens (letters, digits, placeholders like `_url_`).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// Strips combining accents the way a hurried typist does ("Dirección" -> "Direccion"),
/// keeping case; used by the deterministic augmentation.
pub fn strip_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() || !c.is_alphabetic() {
            out.push(c);
            continue;
        }
        let mut f = String::new();
        fold_char(c, &mut f);
        if c.is_uppercase() {
            out.push_str(&f.to_uppercase());
        } else {
            out.push_str(&f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(fold(input), expected, "fold({input:?})");
    }

    #[test]
    fn folds_accents_and_case() {
        check("Dirección INCOMPLETA", "direccion incompleta");
        check("Zustellgebühr für Ihr Paket", "zustellgebuhr fur ihr paket");
        check("Adresa e paplotë", "adresa e paplote");
        check("Straße", "strasse");
        check("l’adresse", "l'adresse");
    }

    #[test]
    fn folds_arabic_and_cyrillic_variants() {
        check("أَهْلاً بِكُم", "اهلا بكم");
        check("إلى مصطفى", "الي مصطفي");
        check("ЁЛКА Почта", "елка почта");
        check("包裹", "包裹");
        check("Kargonuz için ödeme: İstanbul, şube, değil", "kargonuz icin odeme: istanbul, sube, degil");
    }

    #[test]
    fn typed_numerals_become_ascii() {
        assert_eq!(ascii_numerals("ادفع ٢٥٫٥٠ جنيه"), "ادفع 25.50 جنيه");
        assert_eq!(ascii_numerals("۱۲۳"), "123");
        assert_eq!(ascii_numerals("运费１２．５元，致电＋８６　１３８"), "运费12.5元,致电+86 138");
        assert!(matches!(ascii_numerals("plain 12"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(ascii_numerals("посылка 12"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn scripts() {
        assert_eq!(script_of('包'), Script::Unspaced);
        assert_eq!(script_of('ب'), Script::Arabic);
        assert_eq!(script_of('ж'), Script::Cyrillic);
        assert_eq!(script_of('a'), Script::Other);
        assert_eq!(script_of('7'), Script::Other);
    }

    #[test]
    fn table_lookups_match_the_standard_library() {
        for c in (0u32..0x11000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn strips_accents_keeping_case() {
        assert_eq!(strip_accents("Você É"), "Voce E");
    }

    #[test]
    fn splits_words() {
        let w: Vec<&str> = words("pague 1,99 eur en _url_!").collect();
        assert_eq!(w, ["pague", "1", "99", "eur", "en", "_url_"]);
    }
}
