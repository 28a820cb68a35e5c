//! Text folding for look-alike detection: UTS #39 skeletons, mixed-script checks, multi-character
//! homoglyphs, keyboard adjacency and the Damerau-Levenshtein edit classification.

use unicode_security::mixed_script::AugmentedScriptSet;
use unicode_security::{RestrictionLevel, RestrictionLevelDetection};

/// A host label folded for comparison with brand tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// Lower-case, skeleton-folded text; ASCII whenever the label only uses confusables of ASCII.
    pub text: String,
    /// The label had non-ASCII characters.
    pub non_ascii: bool,
    /// The label mixes scripts in a way no legitimate name needs (Latin with Cyrillic or Greek),
    /// per the restriction levels of UTS #39: single-script names and the combinations
    /// the standard calls highly or moderately restrictive (Japanese kana with Han, Latin with
    /// Han or Hangul, Latin with one other recommended script) are not mixed.
    pub mixed_script: bool,
}

/// Folds one Unicode label: ASCII stays as is; anything else goes through the UTS #39 skeleton,
/// loses its combining marks and keeps whatever cannot be mapped to ASCII.
pub fn fold_label(label: &str) -> Folded {
    if label.is_ascii() {
        return Folded { text: label.to_ascii_lowercase(), non_ascii: false, mixed_script: false };
    }
    let lower = label.to_lowercase();
    // Hyphens are no identifier characters for UTS #39, but are ordinary in host labels.
    let letters: String = lower.chars().filter(|&c| c != '-').collect();
    let mixed_script = letters.as_str().detect_restriction_level() >= RestrictionLevel::MinimallyRestrictive;
    let mut text = String::with_capacity(lower.len());
    // Per character: ASCII stays itself (the UTS #39 skeleton would turn a real `m` into `rn`),
    // everything else becomes its skeleton.
    let mut buf = [0u8; 4];
    let skel = lower.chars().flat_map(|c| {
        let one: &str = c.encode_utf8(&mut buf);
        let v: Vec<char> = if c.is_ascii() { vec![c] } else { unicode_security::skeleton(one).collect() };
        v
    });
    for c in skel {
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            continue;
        }
        match c {
            'ı' => text.push('i'),
            'ł' => text.push('l'),
            'ø' => text.push('o'),
            'đ' => text.push('d'),
            'ß' => text.push_str("ss"),
            'æ' => text.push_str("ae"),
            'œ' => text.push_str("oe"),
            _ => text.extend(c.to_lowercase()),
        }
    }
    Folded { text, non_ascii: true, mixed_script }
}

/// True when a non-ASCII label is written in a script its internationalised top-level domain is
/// written in too (`почта.рф`, `中国邮政.中国`, `مصر.مصر`): the name as its readers write it,
/// so not even the weak "non-Latin characters" signal applies. Labels that mix scripts are
/// judged by [`Folded::mixed_script`] whatever their ending.
pub fn script_of_its_tld(label: &str, tld: &str) -> bool {
    if label.is_ascii() || tld.is_ascii() {
        return false;
    }
    let mut set = AugmentedScriptSet::for_str(label);
    if set.is_all() || set.is_empty() {
        return false;
    }
    set.intersect_with(AugmentedScriptSet::for_str(tld));
    !set.is_empty()
}

/// Multi-character and digit homoglyphs of ASCII labels: `rn`->`m`, `vv`->`w`, `cl`->`d`,
/// `0`->`o`, `1`->`l`, `3`->`e`, `5`->`s`, and a second variant reading `1` as `i`.
/// Returns no variant when the label has none of these sequences.
pub fn homoglyph_variants(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let has_digit = b.iter().any(|c| matches!(c, b'0' | b'1' | b'3' | b'5'));
    let has_pair = s.contains("rn") || s.contains("vv") || s.contains("cl");
    if !has_digit && !has_pair {
        return Vec::new();
    }
    let mut first = s.replace("rn", "m").replace("vv", "w");
    if s.contains("cl") {
        first = first.replace("cl", "d");
    }
    let base = first.clone();
    let mapped: String = base
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'l',
            '3' => 'e',
            '5' => 's',
            c => c,
        })
        .collect();
    let mut out = vec![mapped];
    if s.contains('1') {
        out.push(
            base.chars()
                .map(|c| {
                    if c == '1' {
                        'i'
                    } else if c == '0' {
                        'o'
                    } else {
                        c
                    }
                })
                .collect(),
        );
    }
    if s.contains("cl") {
        // `cl` is far more often a real `cl` than a disguised `d`: keep a variant without it.
        let without_cl: String = s
            .replace("rn", "m")
            .replace("vv", "w")
            .chars()
            .map(|c| match c {
                '0' => 'o',
                '1' => 'l',
                c => c,
            })
            .collect();
        out.push(without_cl);
    }
    out.retain(|v| v != s);
    out.dedup();
    out
}

/// How a one-edit look-alike differs from its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// A character left out (`royalmai.com`).
    Omission,
    /// A character doubled (`uspps.com`).
    Repetition,
    /// A character added that is next to its neighbour on the keyboard.
    AdjacentInsertion,
    /// Any other added character.
    Insertion,
    /// Two neighbouring characters swapped (`laopste`).
    Transposition,
    /// A character replaced by a keyboard neighbour (`lapodte`).
    AdjacentSubstitution,
    /// A character replaced by a look-alike (`0` for `o`).
    HomoglyphSubstitution,
    /// A vowel replaced by another vowel.
    VowelSwap,
    /// A character that differs by one bit (memory or transmission error squatting).
    Bitsquat,
    /// Any other replacement.
    Substitution,
}

impl Edit {
    /// The edit's name in a reason's arguments (`edit`): the catalogues have one wording each.
    pub fn code(self) -> &'static str {
        match self {
            Edit::Omission => "omission",
            Edit::Repetition => "repetition",
            Edit::AdjacentInsertion | Edit::Insertion => "insertion",
            Edit::Transposition => "transposition",
            Edit::AdjacentSubstitution | Edit::Substitution => "substitution",
            Edit::HomoglyphSubstitution => "homoglyph",
            Edit::VowelSwap => "vowel",
            Edit::Bitsquat => "bitsquat",
        }
    }

    /// Every value [`Edit::code`] gives, for the catalogue test.
    pub const CODES: &'static [&'static str] =
        &["omission", "repetition", "insertion", "transposition", "substitution", "homoglyph", "vowel", "bitsquat"];

    /// Edits a human typist or a deliberate squatter makes, as opposed to arbitrary distance-1
    /// neighbours (which are mostly unrelated real words for short targets).
    pub fn is_typo_shaped(self) -> bool {
        matches!(
            self,
            Edit::Omission
                | Edit::Repetition
                | Edit::AdjacentInsertion
                | Edit::Transposition
                | Edit::AdjacentSubstitution
                | Edit::HomoglyphSubstitution
                | Edit::Bitsquat
        )
    }
}

/// Classifies `candidate` as a single edit of `target`, or `None` when they are not one edit apart.
pub fn classify_edit(target: &str, candidate: &str) -> Option<Edit> {
    classify_edit_at(target, candidate).map(|(e, _)| e)
}

/// Like [`classify_edit`], with the byte position in `target` where the edit happens.
pub fn classify_edit_at(target: &str, candidate: &str) -> Option<(Edit, usize)> {
    let t = target.as_bytes();
    let c = candidate.as_bytes();
    let prefix = t.iter().zip(c).take_while(|(a, b)| a == b).count();
    edit_kind(target, candidate).map(|e| (e, prefix))
}

fn edit_kind(target: &str, candidate: &str) -> Option<Edit> {
    let t = target.as_bytes();
    let c = candidate.as_bytes();
    let prefix = t.iter().zip(c).take_while(|(a, b)| a == b).count();
    match c.len() as isize - t.len() as isize {
        -1 => (t[prefix + 1..] == c[prefix..]).then_some(Edit::Omission),
        1 => {
            if c[prefix + 1..] != t[prefix..] {
                return None;
            }
            let added = c[prefix];
            let left = prefix.checked_sub(1).map(|i| c[i]);
            let right = c.get(prefix + 1).copied();
            if left == Some(added) || right == Some(added) {
                Some(Edit::Repetition)
            } else if left.is_some_and(|l| adjacent(l, added)) || right.is_some_and(|r| adjacent(r, added)) {
                Some(Edit::AdjacentInsertion)
            } else {
                Some(Edit::Insertion)
            }
        }
        0 => {
            if prefix == t.len() {
                return None;
            }
            if t[prefix + 1..] == c[prefix + 1..] {
                let (a, b) = (t[prefix], c[prefix]);
                return Some(substitution_kind(a, b));
            }
            let swapped =
                prefix + 1 < t.len() && t[prefix] == c[prefix + 1] && t[prefix + 1] == c[prefix] && t[prefix + 2..] == c[prefix + 2..];
            swapped.then_some(Edit::Transposition)
        }
        _ => None,
    }
}

fn substitution_kind(a: u8, b: u8) -> Edit {
    if homoglyph_pair(a, b) {
        Edit::HomoglyphSubstitution
    } else if adjacent(a, b) {
        Edit::AdjacentSubstitution
    } else if is_vowel(a) && is_vowel(b) {
        Edit::VowelSwap
    } else if (a ^ b).count_ones() == 1 && (b.is_ascii_alphanumeric() || b == b'-') {
        Edit::Bitsquat
    } else {
        Edit::Substitution
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn homoglyph_pair(a: u8, b: u8) -> bool {
    const PAIRS: &[(u8, u8)] =
        &[(b'o', b'0'), (b'l', b'1'), (b'i', b'1'), (b'l', b'i'), (b'e', b'3'), (b's', b'5'), (b'a', b'4'), (b'g', b'q'), (b'b', b'8')];
    PAIRS.iter().any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
}

/// QWERTY neighbours (same row and the rows above and below).
pub fn adjacent(a: u8, b: u8) -> bool {
    const ROWS: [&[u8]; 4] = [b"1234567890", b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
    let pos = |k: u8| ROWS.iter().enumerate().find_map(|(r, row)| row.iter().position(|&x| x == k).map(|c| (r as isize, c as isize)));
    match (pos(a), pos(b)) {
        (Some((ra, ca)), Some((rb, cb))) => {
            let dr = ra - rb;
            // Rows are staggered: a key touches the same column and the one to its right above.
            match dr {
                0 => (ca - cb).abs() == 1,
                1 => cb == ca || cb == ca + 1,
                -1 => ca == cb || ca == cb + 1,
                _ => false,
            }
        }
        _ => false,
    }
}

/// Optimal-string-alignment Damerau-Levenshtein distance, stopping early above `max`.
pub fn damerau_levenshtein(a: &str, b: &str, max: usize) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let n = b.len();
    let mut prev2 = vec![0usize; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0usize; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_edit(target: &str, candidate: &str, expected: Option<Edit>) {
        assert_eq!(classify_edit(target, candidate), expected, "{target} -> {candidate}");
    }

    #[test]
    fn edits_are_classified() {
        check_edit("royalmail", "royalmai", Some(Edit::Omission));
        check_edit("royalmail", "royalmaill", Some(Edit::Repetition));
        check_edit("laposte", "lapsote", Some(Edit::Transposition));
        check_edit("laposte", "lapodte", Some(Edit::AdjacentSubstitution));
        check_edit("laposte", "lap0ste", Some(Edit::HomoglyphSubstitution));
        check_edit("campost", "compost", Some(Edit::VowelSwap));
        check_edit("yodel", "model", Some(Edit::Substitution));
        check_edit("usps", "usps", None);
        check_edit("usps", "ups", Some(Edit::Omission));
        check_edit("abc", "xyz", None);
        check_edit("fedex", "fedexx", Some(Edit::Repetition));
    }

    #[test]
    fn legitimate_script_combinations_are_not_mixed() {
        for label in ["münchen", "bäckerei-schmidt", "почта", "ελλάδα", "ラーメン東京", "東京tokyo", "서울seoul", "straße", "łódź"]
        {
            assert!(!fold_label(label).mixed_script, "{label}");
        }
        for label in ["lаposte", "pаypal", "usрs"] {
            assert!(fold_label(label).mixed_script, "{label}");
        }
        // Single-script names in the UPU's other scripts are not mixed; Cyrillic or Greek letters
        // inside a Latin name, or Latin inside a Cyrillic one, are.
        for label in ["госуслуги", "почта-россии", "中国邮政", "مصر", "وزارة-الاتصالات", "香港郵政"]
        {
            assert!(!fold_label(label).mixed_script, "{label}");
        }
        for label in ["lαposte", "сбeрбанк", "пoчта", "dhl-еxpress"] {
            assert!(fold_label(label).mixed_script, "{label}");
        }
    }

    #[test]
    fn a_label_in_the_script_of_its_tld() {
        assert!(script_of_its_tld("почта", "рф"));
        assert!(script_of_its_tld("почта-россии", "рф"));
        assert!(script_of_its_tld("中国邮政", "中国"));
        assert!(script_of_its_tld("مصر", "مصر"));
        assert!(!script_of_its_tld("почта", "com"), "a Cyrillic name under a Latin ending");
        assert!(!script_of_its_tld("مصر", "рф"), "different scripts");
        assert!(!script_of_its_tld("pochta", "рф"), "ASCII labels are judged as ASCII");
        assert!(!script_of_its_tld("123", "рф"), "digits belong to no script");
    }

    #[test]
    fn folding_and_variants() {
        let f = fold_label("lаposte");
        assert_eq!(f.text, "laposte");
        assert!(f.non_ascii && f.mixed_script);
        let f = fold_label("laposté");
        assert_eq!(f.text, "laposte");
        assert!(!f.mixed_script);
        assert_eq!(homoglyph_variants("royalrnail"), vec!["royalmail".to_string()]);
        assert!(homoglyph_variants("dh1").contains(&"dhl".to_string()));
        assert!(homoglyph_variants("example").is_empty());
        assert_eq!(damerau_levenshtein("laposte", "lapsote", 2), 1);
        assert_eq!(damerau_levenshtein("laposte", "example", 2), 3);
        assert!(adjacent(b'q', b'w') && adjacent(b'a', b'q') && !adjacent(b'y', b'm'));
    }
}
