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
        'š' | 'Š' | 'ś' => "s",
        'ž' | 'Ž' | 'ź' | 'ż' => "z",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' => "d",
        '\u{2019}' | '\u{2018}' | '\u{00b4}' | '`' => "'",
        '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => "\"",
        '\u{00a0}' | '\u{2009}' | '\u{202f}' => " ",
        '\u{2013}' | '\u{2014}' => "-",
        '€' => "€",
        '£' => "£",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(base);
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

/// True for characters that belong inside a word token.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
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
    fn strips_accents_keeping_case() {
        assert_eq!(strip_accents("Você É"), "Voce E");
    }

    #[test]
    fn splits_words() {
        let w: Vec<&str> = words("pague 1,99 eur en _url_!").collect();
        assert_eq!(w, ["pague", "1", "99", "eur", "en", "_url_"]);
    }
}
