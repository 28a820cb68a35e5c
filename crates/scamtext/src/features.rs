//! Feature vectors: hashed word 1-2-grams and character 3-5-grams of the masked, folded text,
//! plus named structural features (brand/link mismatch, payment request, small amount, ...).

/// Named structural features; each is one hashed slot with value 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Structural {
    HasUrl,
    NoUrl,
    Shortener,
    RiskyTld,
    IpHost,
    HyphenHost,
    BrandLinkMismatch,
    BrandLinkOfficial,
    BrandInHostNotOfficial,
    BrandNamed,
    PaymentRequest,
    /// Reports a completed transaction (bank alert wording), not a request to pay.
    PaymentReport,
    Amount,
    SmallAmount,
    Urgency,
    CallbackNumber,
    Phone,
    Tracking,
    Code,
    Email,
    PaymentAndLink,
    UrgencyAndLink,
    LureCue,
    LureAndLink,
    CallbackAndPayment,
    LinkMalicious,
    LinkSuspicious,
    OfficialLinkOnly,
    ShortCode,
    PremiumRate,
    ManyCaps,
    Exclaim,
    /// Message length in characters, one bucket each: under 30, 30-59, 60-99, 100-139,
    /// 140-169, 170 and over.
    Len0,
    Len1,
    Len2,
    Len3,
    Len4,
    Len5,
}

impl Structural {
    fn key(self) -> &'static str {
        match self {
            Structural::HasUrl => "has_url",
            Structural::NoUrl => "no_url",
            Structural::Shortener => "shortener",
            Structural::RiskyTld => "risky_tld",
            Structural::IpHost => "ip_host",
            Structural::HyphenHost => "hyphen_host",
            Structural::BrandLinkMismatch => "brand_link_mismatch",
            Structural::BrandLinkOfficial => "brand_link_official",
            Structural::BrandInHostNotOfficial => "brand_in_host",
            Structural::BrandNamed => "brand_named",
            Structural::PaymentRequest => "payment_request",
            Structural::PaymentReport => "payment_report",
            Structural::Amount => "amount",
            Structural::SmallAmount => "small_amount",
            Structural::Urgency => "urgency",
            Structural::CallbackNumber => "callback_number",
            Structural::Phone => "phone",
            Structural::Tracking => "tracking",
            Structural::Code => "code",
            Structural::Email => "email",
            Structural::PaymentAndLink => "payment_and_link",
            Structural::UrgencyAndLink => "urgency_and_link",
            Structural::LureCue => "lure_cue",
            Structural::LureAndLink => "lure_and_link",
            Structural::CallbackAndPayment => "callback_and_payment",
            Structural::LinkMalicious => "link_malicious",
            Structural::LinkSuspicious => "link_suspicious",
            Structural::OfficialLinkOnly => "official_link_only",
            Structural::ShortCode => "short_code",
            Structural::PremiumRate => "premium_rate",
            Structural::ManyCaps => "many_caps",
            Structural::Exclaim => "exclaim",
            Structural::Len0 => "len0",
            Structural::Len1 => "len1",
            Structural::Len2 => "len2",
            Structural::Len3 => "len3",
            Structural::Len4 => "len4",
            Structural::Len5 => "len5",
        }
    }
}

/// Word n-grams weigh more than character n-grams: there are far fewer of them, and they
/// carry most of the meaning in short messages.
const WORD_WEIGHT: f32 = 3.0;

/// A sparse feature vector: (slot, value) pairs; slots may repeat.
#[derive(Debug, Default, Clone)]
pub struct Features {
    pub slots: Vec<(u32, f32)>,
}

/// 32-bit FNV-1a, seeded with a namespace byte so word, char and structural slots differ.
fn fnv(ns: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    h ^= u32::from(ns);
    h = h.wrapping_mul(0x0100_0193);
    for p in parts {
        for &b in *p {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// `fnv(ns, &[window])` for one window, with the namespace step done once per n (`seed(ns)`).
#[inline]
fn fnv_window(seed: u32, window: &[u8]) -> u32 {
    let mut h = seed;
    for &b in window {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h ^= 0xff;
    h.wrapping_mul(0x0100_0193)
}

fn seed(ns: u8) -> u32 {
    (0x811c_9dc5 ^ u32::from(ns)).wrapping_mul(0x0100_0193)
}

/// Builds the feature vector from folded masked text and the structural flags.
pub fn build(folded_masked: &str, structural: &[Structural], bits: u32) -> Features {
    let mask = (1u32 << bits) - 1;
    let mut slots: Vec<(u32, f32)> = Vec::with_capacity(folded_masked.len() * 3 + 64);
    // Digits are shaped to '0' so "24 hours" and "48 hours", or two amounts, share features.
    let mut norm = String::with_capacity(folded_masked.len() + 2);
    norm.push(' ');
    let mut last_space = true;
    for c in folded_masked.chars() {
        let c = if c.is_ascii_digit() { '0' } else { c };
        if crate::text::is_word_char(c) {
            norm.push(c);
            last_space = false;
        } else if !last_space {
            norm.push(' ');
            last_space = true;
        }
    }
    if !last_space {
        norm.push(' ');
    }
    let mut text_slots = 0usize;
    // Unigram of each word, then its bigram with the next: emitted as (bigram with the previous,
    // unigram) so one pass over the words suffices.
    let mut prev: Option<&str> = None;
    for w in norm.split(' ').filter(|w| !w.is_empty()) {
        if let Some(p) = prev {
            slots.push((fnv(2, &[p.as_bytes(), w.as_bytes()]) & mask, WORD_WEIGHT));
        }
        slots.push((fnv(1, &[w.as_bytes()]) & mask, WORD_WEIGHT));
        text_slots += 2;
        prev = Some(w);
    }
    if norm.is_ascii() {
        // Every character is one byte: windows over bytes are the character windows.
        let b = norm.as_bytes();
        for n in 3..=5usize {
            let seed = seed(n as u8);
            slots.extend(b.windows(n).map(|win| (fnv_window(seed, win) & mask, 1.0)));
            text_slots += b.len().saturating_sub(n - 1);
        }
    } else {
        // The byte offset where each character starts, and the end: a window of n characters
        // is the bytes from one start to the start n further on (`fnv_window` with the seed of n
        // gives the same slot as `fnv(n, ..)`, without a pass over the parts per window).
        let mut bounds: Vec<usize> = norm.char_indices().map(|(i, _)| i).collect();
        bounds.push(norm.len());
        let b = norm.as_bytes();
        for n in 3..=5usize {
            let seed = seed(n as u8);
            for (&s, &e) in bounds.iter().zip(bounds.iter().skip(n)) {
                slots.push((fnv_window(seed, &b[s..e]) & mask, 1.0));
                text_slots += 1;
            }
        }
    }
    // Scale text slots to unit-ish norm so long e-mails and short SMS weigh alike.
    let scale = 1.0 / (text_slots.max(1) as f32).sqrt();
    for s in &mut slots {
        s.1 *= scale;
    }
    for f in structural {
        slots.push((fnv(9, &[f.key().as_bytes()]) & mask, 1.0));
    }
    Features { slots }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_same_features_and_digits_are_shaped() {
        let a = build("pay 1 eur within 24 hours", &[Structural::Urgency], 18);
        let b = build("pay 1 eur within 48 hours", &[Structural::Urgency], 18);
        assert_eq!(a.slots, b.slots, "digit runs are shaped");
        let c = build("pay 1 eur within 48 hours", &[], 18);
        assert_eq!(c.slots.len() + 1, b.slots.len());
        assert!(a.slots.iter().all(|(s, _)| *s < (1 << 18)));
    }

    /// The straightforward form of [`build`]'s text slots (every n-gram over a char vector, the
    /// words collected first); `build` must emit exactly the same slots in the same order, or the
    /// shipped model would no longer match its features.
    fn reference_text_slots(folded: &str, bits: u32) -> Vec<u32> {
        let mask = (1u32 << bits) - 1;
        let mut norm = String::from(" ");
        let mut last_space = true;
        for c in folded.chars() {
            let c = if c.is_ascii_digit() { '0' } else { c };
            if crate::text::is_word_char(c) {
                norm.push(c);
                last_space = false;
            } else if !last_space {
                norm.push(' ');
                last_space = true;
            }
        }
        if !last_space {
            norm.push(' ');
        }
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            out.push(fnv(1, &[w.as_bytes()]) & mask);
            if let Some(next) = words.get(i + 1) {
                out.push(fnv(2, &[w.as_bytes(), next.as_bytes()]) & mask);
            }
        }
        let chars: Vec<(usize, char)> = norm.char_indices().collect();
        for n in 3..=5 {
            for win in chars.windows(n) {
                let e = win[n - 1].0 + win[n - 1].1.len_utf8();
                out.push(fnv(n as u8, &[&norm.as_bytes()[win[0].0..e]]) & mask);
            }
        }
        out
    }

    #[test]
    fn fast_paths_emit_the_reference_slots() {
        for text in [
            "correos: su paquete esta retenido, pague 0,00 eur en _url_",
            "la poste : votre colis sera livre demain",
            "paketa juaj është bllokuar 🚚 paguani",
            "ab",
            "",
            "   one   ",
            "δέμα σας κρατείται",
        ] {
            let got: Vec<u32> = build(text, &[], 18).slots.iter().map(|s| s.0).collect();
            assert_eq!(got, reference_text_slots(text, 18), "{text:?}");
        }
    }

    #[test]
    fn empty_text_is_fine() {
        let f = build("", &[], 18);
        assert!(f.slots.is_empty());
    }
}
