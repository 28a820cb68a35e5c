//! The shipped peer-group lists: real codes, one region and one income group per country, and
//! SIDS/LDC flags consistent with both.

use super::*;

#[test]
fn the_shipped_lists_load_and_are_consistent() {
    let peers = Peers::embedded().unwrap();
    let all = peers.countries();
    let count = |f: &dyn Fn(&Country) -> bool| all.values().filter(|c| f(c)).count();
    for region in REGION_IDS {
        println!("{region}: {}", count(&|c| c.region == region));
        assert!(count(&|c| c.region == region) >= 20, "{region} has few countries");
    }
    for income in INCOME_IDS {
        println!("{income}: {}", count(&|c| c.income == income));
    }
    // 192 UPU members: 190 UN members and the Holy See listed as `member`, Aruba standing for
    // the Aruba, Curaçao and Sint Maarten member; the UK's overseas territories are not listed.
    assert_eq!(count(&|c| c.status == "member"), 191);
    assert_eq!(all.len(), 200);
    // The World Bank's low-income group has 26 economies in FY2026.
    assert_eq!(count(&|c| c.income == "low"), 26);
    assert_eq!(all.iter().filter(|(_, c)| c.income == "unclassified").map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["VA", "VE"]);
    // Every SIDS/LDC country of country_groups.txt is listed (checked at load) and no LDC is
    // high income or industrialised; no SIDS is in Europe and CIS or industrialised.
    assert_eq!((count(&|c| c.sids), count(&|c| c.ldc)), (38, 41));
    for (code, c) in all {
        // (An LDC may be upper-middle income: Tuvalu is, the LDC criteria are not income alone.)
        assert!(!(c.ldc && (c.income == "high" || c.region == "industrialised")), "{code} is LDC");
        assert!(!(c.sids && ["europe_cis", "industrialised"].contains(&c.region.as_str())), "{code} is SIDS");
        // Only the nonmember, part and observer codes are outside the 191 members.
        assert!(STATUS_IDS.contains(&c.status.as_str()));
    }
}

#[test]
fn posts_get_their_country_s_groups() {
    let peers = Peers::embedded().unwrap();
    let attrs = |c: Option<&str>| peers.attributes(c);
    assert_eq!(attrs(Some("jm")), PeerAttributes { region: "lac".into(), income: "upper_middle".into(), sids: true, ldc: false });
    assert_eq!(attrs(Some("ET")), PeerAttributes { region: "africa".into(), income: "low".into(), sids: false, ldc: true });
    assert_eq!(attrs(Some("FR")), PeerAttributes { region: "industrialised".into(), income: "high".into(), sids: false, ldc: false });
    assert_eq!(attrs(Some("TN")).region, "arab");
    assert_eq!(attrs(Some("KZ")).region, "europe_cis");
    assert_eq!(attrs(Some("VN")).region, "asia_pacific");
    // An unknown or missing country is unassigned, never guessed.
    for unknown in [None, Some("ZZ"), Some("TW"), Some("")] {
        assert_eq!(attrs(unknown), PeerAttributes { region: UNASSIGNED.into(), income: UNASSIGNED.into(), sids: false, ldc: false });
    }
}

#[test]
fn bad_lines_are_refused_with_file_line_and_reason() {
    let known: BTreeSet<&str> = ["FR", "DE"].into();
    let err = |text: &str| keyed("upu_regions.txt", text, &known, 2).unwrap_err().to_string();
    assert!(err("# c\nXX lac member\n").contains("line 2") && err("XX lac member").contains("XX is not an ISO 3166-1 alpha-2 code"));
    assert!(err("FR industrialised member\nFR industrialised member  # again\n").contains("FR appears twice"));
    assert!(err("DE industrialised\n").contains("expected 2 value(s)"));
    assert_eq!(keyed("upu_regions.txt", "FR industrialised member  # France\n", &known, 2).unwrap()["FR"], ["industrialised", "member"]);
}
