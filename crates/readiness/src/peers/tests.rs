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
    // The World Bank's FY2026 totals are 26 low, 50 lower-middle, 54 upper-middle and 87 high
    // economies: every low and lower-middle one is listed, every upper-middle one but Kosovo
    // (no UPU member), and the 69 high-income ones that are UPU members or listed non-members
    // (the other 18 are territories and Taiwan).
    let incomes: Vec<usize> = INCOME_IDS.iter().map(|i| count(&|c| c.income == *i)).collect();
    assert_eq!(incomes, [26, 50, 53, 69, 2]);
    let income = |code: &str| all[code].income.as_str();
    // The FY2026 moves, and Jordan, which is lower-middle.
    assert_eq!(
        [income("CR"), income("CV"), income("WS"), income("NA"), income("JO")],
        ["high", "upper_middle", "upper_middle", "lower_middle", "lower_middle"]
    );
    assert_eq!(all.iter().filter(|(_, c)| c.income == "unclassified").map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["VA", "VE"]);
    // Every SIDS/LDC country of country_groups.txt is listed (checked at load) and no LDC is
    // high income or industrialised; no SIDS is in Europe and CIS or industrialised.
    // SIDS: the 38 UN members of the UN-OHRLLS list and Aruba, Curaçao and Sint Maarten. LDC:
    // the UN list of 44 (2025) less Bangladesh, Lao PDR and Nepal (graduated 24 November 2026).
    assert_eq!((count(&|c| c.sids), count(&|c| c.ldc)), (41, 41));
    let flags = |code: &str| (all[code].sids, all[code].ldc);
    // Graduated: Bhutan (2023), Sao Tome and Principe (2024, still SIDS), Bangladesh, Lao PDR and
    // Nepal (2026); deferred: Solomon Islands is still LDC.
    assert_eq!(
        [flags("BT"), flags("ST"), flags("BD"), flags("LA"), flags("NP")],
        [(false, false), (true, false), (false, false), (false, false), (false, false)]
    );
    assert_eq!([flags("SB"), flags("AW"), flags("CW"), flags("SX")], [(true, true), (true, false), (true, false), (true, false)]);
    // The Arab region is the Arab League's 22 members; Africa the other 44 African members.
    assert_eq!((count(&|c| c.region == "arab"), count(&|c| c.region == "africa")), (22, 44));
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
