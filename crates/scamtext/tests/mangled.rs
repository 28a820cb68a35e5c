//! Deterministic mangled-input test: thousands of corrupted messages never panic, stay bounded
//! in time, and always give a score in [0, 1].

use scamtext::Analyzer;
use scamtext::model::Rng;

const SEEDS: &[&str] = &[
    "Correos: su paquete está retenido, pague 1,99 EUR en https://correos-es.top/pago",
    "Royal Mail: parcel RR123456785GB held. Pay £1.99 at royalmail-fee.com or call 07912 123456. Code 482913",
    "hxxps://dhl-paket[.]info/z evri-help dot com +44 7700 900123 R$ 3,50 150 ALL 1Z999AA10123456784",
    "Paketa juaj është bllokuar 📦🚚 ⚠️ ÄÖÜ ß ç œ",
];

const JUNK: &[&str] = &[
    "[.]", "(dot)", " dot ", "hxxp", "://", "+", "€", "£", "R$", "0", "9", ".", ",", "@", "\u{0301}", "\u{200b}", "🙂", "\n", "1Z", "RR",
    " ", "-", "(", ")", "ALL", "lekë",
];

#[test]
fn mangled_inputs_never_panic() {
    let analyzer = Analyzer::builtin().expect("shipped model loads");
    let mut rng = Rng::new(0xdead_beef);
    let start = std::time::Instant::now();
    for i in 0..3000 {
        let mut s: Vec<char> = SEEDS[i % SEEDS.len()].chars().collect();
        for _ in 0..(1 + rng.below(12)) {
            let at = rng.below(s.len() + 1);
            match rng.below(4) {
                0 if !s.is_empty() => {
                    s.remove(at.min(s.len() - 1));
                }
                1 => {
                    for (k, c) in JUNK[rng.below(JUNK.len())].chars().enumerate() {
                        s.insert((at + k).min(s.len()), c);
                    }
                }
                2 => s.insert(at, char::from_u32(rng.below(0x3000) as u32).unwrap_or('?')),
                _ => s.truncate(at),
            }
        }
        let text: String = s.into_iter().collect();
        let a = analyzer.analyze(&text);
        assert!((0.0..=1.0).contains(&a.score), "score out of range for {text:?}");
    }
    // Pathological sizes: 1 MB of digits, of dots, of one long token; all cut and bounded.
    for unit in ["9", ".", "a", "1.", "+1 ", "€1,"] {
        let big = unit.repeat((1 << 20) / unit.len());
        let t = std::time::Instant::now();
        let a = analyzer.analyze(&big);
        assert!(t.elapsed().as_secs() < 20, "1 MB of {unit:?} took {:?}", t.elapsed());
        assert!((0.0..=1.0).contains(&a.score));
        assert!(scamtext::check_input(big.as_bytes()).is_err(), "1 MB is over the input limit");
    }
    assert!(start.elapsed().as_secs() < 120);
}
