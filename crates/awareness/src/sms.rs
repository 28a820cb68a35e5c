//! How an SMS text travels: in the GSM 7-bit default alphabet (3GPP TS 23.038, with its
//! extension table, whose characters take two septets) when every character is in it, else in
//! UCS-2; and in how many parts, since a long message is split with a user data header
//! (160 septets or 70 UCS-2 units alone, 153 or 67 per part once split). Senders print the
//! part count, the unit gateways bill. Pure.

/// The data coding of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    /// The GSM 7-bit default alphabet.
    Gsm7,
    /// UCS-2 (UTF-16 code units; a character outside the BMP takes two).
    Ucs2,
}

impl Coding {
    pub fn key(self) -> &'static str {
        match self {
            Coding::Gsm7 => "gsm7",
            Coding::Ucs2 => "ucs2",
        }
    }
}

/// A message's coding and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub coding: Coding,
    /// Septets (GSM 7-bit) or UTF-16 code units (UCS-2).
    pub units: usize,
    /// Parts the message is sent in (at least 1).
    pub parts: usize,
}

/// The GSM 7-bit default alphabet (one septet each).
const BASIC: &str =
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The extension table (an escape and the character: two septets each).
const EXTENSION: &str = "^{}\\[~]|€\u{c}";

/// The coding and part count of `text`.
pub fn size(text: &str) -> Size {
    let septets: Option<usize> = text
        .chars()
        .map(|c| {
            if BASIC.contains(c) {
                Some(1)
            } else if EXTENSION.contains(c) {
                Some(2)
            } else {
                None
            }
        })
        .sum();
    let (coding, units, single, per_part) = match septets {
        Some(n) => (Coding::Gsm7, n, 160, 153),
        None => (Coding::Ucs2, text.encode_utf16().count(), 70, 67),
    };
    let parts = if units <= single { 1 } else { units.div_ceil(per_part) };
    Size { coding, units, parts }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, coding: Coding, units: usize, parts: usize) {
        assert_eq!(size(text), Size { coding, units, parts }, "{text:?}");
    }

    #[test]
    fn coding_and_parts() {
        check("", Coding::Gsm7, 0, 1);
        check("Votre colis est en attente: https://poste.example/a/0f", Coding::Gsm7, 54, 1);
        check("Prix: 2€ [frais]", Coding::Gsm7, 19, 1);
        check(&"a".repeat(160), Coding::Gsm7, 160, 1);
        check(&"a".repeat(161), Coding::Gsm7, 161, 2);
        check(&"a".repeat(306), Coding::Gsm7, 306, 2);
        check(&"a".repeat(307), Coding::Gsm7, 307, 3);
        check(&"€".repeat(80), Coding::Gsm7, 160, 1);
        check("Colis retenu: payez 1,99 ê", Coding::Ucs2, 26, 1);
        check(&"ж".repeat(70), Coding::Ucs2, 70, 1);
        check(&"ж".repeat(71), Coding::Ucs2, 71, 2);
        check("📦", Coding::Ucs2, 2, 1);
    }
}
