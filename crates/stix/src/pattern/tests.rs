//! Pattern parser tests: a corpus of real-world patterns that must parse (STIX 2.1 Part 5
//! examples, stix2-patterns test cases, shapes MISP and OpenCTI export) and bad patterns that
//! must fail at the right column with the right reason.

use super::*;

/// Parses `input`; `Ok(canonical)` expects success and the canonical print, `Err(msg)` the error display.
fn check(input: &str, expected: Result<&str, &str>) {
    let got = parse(input).map(|p| p.to_string()).map_err(|e| e.to_string());
    assert_eq!(got.as_deref().map_err(String::as_str), expected, "pattern {input:?}");
}

/// Real patterns: each must parse, and its canonical print must parse back to the same tree.
const CORPUS: &[&str] = &[
    // STIX 2.1 Part 5 (patterning) examples
    "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
    "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
    "[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128']",
    "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
    "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
    "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
    "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\CryptoLocker\\\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\CurrentVersion\\\\Run\\\\CryptoLocker_0388']",
    "[(file:name = 'pdf.exe' OR file:size = 371712) AND file:created = t'2014-01-13T07:03:17Z']",
    "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
    "[x-usb-device:usbdrive.serial_number = '575833314133343231313937']",
    "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
    "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
    "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 180 SECONDS",
    "[domain-name:value = 'example.com'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
    "[file:mime_type = 'application/x-pdf' AND file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] OR [file:name LIKE 'invoice_%.pdf']",
    "[network-traffic:extensions.'http-request-ext'.request_method = 'get']",
    "[network-traffic:src_port > 1024 AND network-traffic:dst_port IN (80, 443, 8080)]",
    "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
    "[ipv4-addr:value ISSUPERSET '198.51.100.1']",
    "[file:size NOT > 1048576 AND file:name NOT LIKE '%.tmp']",
    "[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']",
    "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
    "[file:magic_number_hex = h'ffd8']",
    "[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND user-account:account_login = 'Peter'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1008']",
    "([file:name = 'a'] AND [file:name = 'b']) FOLLOWEDBY [file:name = 'c'] WITHIN 2.5 SECONDS",
    "[EXISTS windows-registry-key:values]",
    "[x-phone-number:value = '+33612345678']",
    "[email-addr:value = 'colis-suivi@poste-livraison.example']",
    "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
    "[process:extensions.'windows-process-ext'.aslr_enabled = true]",
    "[file:hashes.'SHA-1' = '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' AND file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
    "[file:name = 'it\\'s.exe']",
    "[software:languages[0] = 'fr' AND software:languages[1] != 'en']",
    "[file:size >= -1 AND file:size <= +5 AND file:x_score < .5 AND file:x_score > -0.25]",
    // MISP STIX 2.1 export shapes
    "[domain-name:value = 'la-poste-suivi-colis.com']",
    "[url:value = 'https://laposte-colis.info/track?id=123']",
    "[ipv4-addr:value = '185.220.101.4']",
    "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '185.220.101.4' AND network-traffic:dst_port = '443']",
    "[email-message:from_ref.value = 'noreply@postnl-track.nl' AND email-message:subject = 'Uw pakket']",
    "[file:name = 'Rechnung.pdf.exe' AND file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']",
    "[x-misp-object:name = 'phone' AND x-misp-object:attributes[0].value = '+4915112345678']",
    // OpenCTI shapes
    "[phone-number:value = '+44 7700 900123']",
    "[domain-name:value = 'dhl-parcel-redelivery.net' OR domain-name:value = 'usps-redelivery.com']",
    "[url:value = 'http://x.example/%27quoted%27']",
    // whitespace, comments, nested parens
    "  [ domain-name:value\t=\n'a.example' ]  ",
    "[a:b = 1] /* comment */ AND [c:d = 2] // trailing",
    "((([a:b = 1])))",
    "[((a:b = 1 OR a:c = 2) AND a:d = 3)]",
];

#[test]
fn corpus_parses_and_round_trips() {
    for src in CORPUS {
        let parsed = parse(src).unwrap_or_else(|e| panic!("{src:?} should parse: {e}"));
        let printed = parsed.to_string();
        let reparsed = parse(&printed).unwrap_or_else(|e| panic!("{printed:?} (from {src:?}) should parse: {e}"));
        assert_eq!(parsed, reparsed, "round trip of {src:?} via {printed:?}");
    }
}

/// Edge cases with the verdict of the OASIS reference implementation (stix2-patterns 2.x,
/// `run_validator(p, stix_version='2.1')`), which this parser must share.
const REFERENCE_VERDICTS: &[(&str, bool)] = &[
    ("[a:b = 1] and [a:c = 2]", false),
    ("[a:b = TRUE]", false),
    ("[a:b = True]", false),
    ("[a:b = true]", true),
    ("[file:hashes.SHA-256 = 'x']", false),
    ("[a:b = 1] WITHIN 5 seconds", false),
    ("[a:b = 1.]", false),
    ("[a:b = 1e5]", false),
    ("[a:b = '\\n']", false),
    ("[a_b:c = 1]", true),
    ("[A:b = 1]", true),
    ("[a:b[*] = 1]", true),
    ("[a:'b c' = 1]", true),
    ("[a:b.'c'[0] = 1]", true),
    ("[x:b = 01]", false),
    ("[a:b = 1] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z' WITHIN 5 SECONDS", true),
    ("[a:b NOT IN (1,2)]", true),
    ("[NOT a:b = 1]", false),
    ("[a:b = -0]", true),
    ("[a:b = +1]", true),
    ("[a:b = 1]WITHIN 5 SECONDS", true),
    ("[a:b = 'x']REPEATS 5TIMES", true),
    ("[a:b = h'']", true),
    ("[a:b = b'']", false),
    ("[a:b = t'2016-06-01T00:00:00.123456789Z']", true),
    ("[a:b = 1] FOLLOWEDBY ([a:c = 2] OR [a:d = 3])", true),
    ("[domain-name:value == 'x']", true),
    ("[file:hashes.'SHA-1' = 'x']", false),
];

#[test]
fn agrees_with_the_oasis_reference_implementation() {
    for (src, accepted) in REFERENCE_VERDICTS {
        assert_eq!(parse(src).is_ok(), *accepted, "{src:?}: {:?}", parse(src));
    }
}

#[test]
fn canonical_prints() {
    check("[domain-name:value='a']", Ok("[domain-name:value = 'a']"));
    check("[file:hashes.'X-HASH' = 'ab']", Ok("[file:hashes.'X-HASH' = 'ab']"));
    check("[file:hashes.MD5 = 'D41D8CD98F00B204E9800998ECF8427E']", Ok("[file:hashes.MD5 = 'D41D8CD98F00B204E9800998ECF8427E']"));
    check("[x:'y z'[*].w[2] = 1.50]", Ok("[x:'y z'[*].w[2] = 1.5]"));
    check("[a:b = 1 AND a:c = 2 OR a:d = 3]", Ok("[(a:b = 1 AND a:c = 2) OR a:d = 3]"));
    check("[a:b = 1] AND [a:c = 2] OR [a:d = 3] FOLLOWEDBY [a:e = 4]", Ok("(([a:b = 1] AND [a:c = 2]) OR [a:d = 3]) FOLLOWEDBY [a:e = 4]"));
    check("[a:b = 1] REPEATS 2 TIMES WITHIN 10 SECONDS", Ok("[a:b = 1] REPEATS 2 TIMES WITHIN 10.0 SECONDS"));
    check(
        "[a:b IN ('x', 2, true, t'2020-01-01T00:00:00.5Z', h'00ff', b'AA==')]",
        Ok("[a:b IN ('x', 2, true, t'2020-01-01T00:00:00.500Z', h'00ff', b'AA==')]"),
    );
    check("[a:b = 'it\\'s \\\\ ok']", Ok("[a:b = 'it\\'s \\\\ ok']"));
    check("[a:b <> 1]", Ok("[a:b != 1]"));
    check("[a:b == 1]", Ok("[a:b = 1]"));
    check("[a:b[-1] = 1]", Ok("[a:b[-1] = 1]"));
    check("[a:b IN ()]", Ok("[a:b IN ()]"));
}

#[test]
fn bad_patterns_fail_at_the_right_column() {
    check("", Err("at column 1: expected '[' or '(' to start an observation expression, found end of pattern"));
    check("[domain-name:value = 'x'", Err("at column 25: expected ']' after comparison, found end of pattern"));
    check("[domain-name:value = 'x' AND]", Err("at column 29: expected an object path like 'type:property', found ']'"));
    check("[domain-name:value === 'x']", Err("at column 22: expected a literal after '=', found '='"));
    check("[file:hashes.MD5 = 'abc']", Err("at column 20: MD5 must be 32 hex digits, got 'abc'"));
    check("[file:hashes.'SHA-256' IN ('ab')]", Err("at column 27: SHA-256 must be 64 hex digits, got 'ab'"));
    check("[domain-name:value = 'x]", Err("at column 22: unterminated string literal"));
    check("[domain-name:value = 'a\\nb']", Err("at column 24: invalid escape '\\n' in string literal (only \\' and \\\\ are allowed)"));
    check("[domain-name value = 'x']", Err("at column 14: expected ':' after object type, found 'value'"));
    check("[file:hashes.SHA-256 = 'x']", Err("at column 14: property name 'SHA-256' contains '-' and must be quoted: 'SHA-256'"));
    check("[a:b = 1] WITHIN 0 SECONDS", Err("at column 18: WITHIN needs a positive number of seconds"));
    check("[a:b = 1] WITHIN 5 MINUTES", Err("at column 20: expected 'SECONDS' after WITHIN 5, found 'MINUTES'"));
    check("[a:b = 1] REPEATS 0 TIMES", Err("at column 19: REPEATS needs a positive integer"));
    check("[a:b = 1] START t'2020-01-02T00:00:00Z' STOP t'2020-01-01T00:00:00Z'", Err("at column 46: STOP must be later than START"));
    check("[a:b = t'2020-13-01T00:00:00Z']", Err("at column 8: invalid timestamp literal: not a valid date/time: no such calendar date"));
    check(
        "[a:b = t'2020-01-01 00:00:00']",
        Err("at column 8: invalid timestamp literal: not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): too short"),
    );
    check(
        "[a:b = t'2020-01-01 00:00:00Z']",
        Err("at column 8: invalid timestamp literal: not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): bad date or time fields"),
    );
    check("[a:b = h'abc']", Err("at column 8: invalid hex literal (expected pairs of hex digits)"));
    check("[a:b = b'!!']", Err("at column 8: invalid base64 in binary literal: Invalid symbol 33, offset 0."));
    check("[a:b IN 'x']", Err("at column 9: IN needs a set literal like ('a', 'b'), found a string literal"));
    check("[a:b IN ('x' 'y')]", Err("at column 14: expected ',' or ')' in set literal, found a string literal"));
    check("[a:b LIKE 5]", Err("at column 11: LIKE needs a string literal"));
    check("[a:b > true]", Err("at column 8: '>' needs an orderable literal (not a boolean)"));
    check("[a:b = 1] [a:c = 2]", Err("at column 11: unexpected '[' after a complete pattern"));
    check("[a:b = 1] AND", Err("at column 14: expected '[' or '(' to start an observation expression, found end of pattern"));
    check("[a:b = 007]", Err("at column 8: integer literal with a leading zero"));
    check("[a:b = 99999999999999999999]", Err("at column 8: integer literal out of range"));
    check("[a:b = 1] § ", Err("at column 11: unexpected character '§'"));
    check("[a:b = 'é'] §", Err("at column 13: unexpected character '§'"));
    check("[a:b = 1]\n  AND [a:c ~ 2]", Err("at column 12: unexpected character '~'"));
    check("[AND:b = 1]", Err("at column 2: expected an object path like 'type:property', found 'AND'"));
    check("[a:b[x] = 1]", Err("at column 6: expected an index or '*' inside '[...]' of an object path, found 'x'"));
    check("[a:b = 1] /* open", Err("at column 11: unterminated comment"));
    check(&format!("{}[a:b = 1]{}", "(".repeat(70), ")".repeat(70)), Err("at column 65: nesting deeper than 64 levels"));
}

#[test]
fn nesting_up_to_the_limit_parses_and_prints() {
    let src = format!("{}[a:b = 1]{}", "(".repeat(MAX_DEPTH - 1), ")".repeat(MAX_DEPTH - 1));
    let p = parse(&src).map_err(|e| e.to_string());
    assert_eq!(p.as_ref().map(|p| p.to_string()), Ok("[a:b = 1]".to_string()));
    let comparison = format!("[{}a:b = 1{}]", "(".repeat(MAX_DEPTH - 1), ")".repeat(MAX_DEPTH - 1));
    assert_eq!(parse(&comparison).map(|p| p.equality_terms()), Ok(vec![]));
}

#[test]
fn error_position_is_a_byte_offset_and_column_counts_characters() {
    let e = parse("[a:b = 'ééé'] ?").unwrap_err();
    assert_eq!((e.position, e.column), (17, 15));
    let e = parse("[a:b = 1]\n[").unwrap_err();
    assert_eq!((e.position, e.column), (10, 1));
}

fn terms(src: &str) -> Vec<(String, String)> {
    parse(src).unwrap_or_else(|e| panic!("{src}: {e}")).equality_terms()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn equality_terms_list_simple_equalities() {
    assert_eq!(terms("[domain-name:value = 'x.example']"), pairs(&[("domain-name:value", "x.example")]));
    assert_eq!(
        terms(
            "[url:value = 'https://a/' OR url:value = 'https://b/'] OR [ipv4-addr:value = '192.0.2.1'] FOLLOWEDBY [domain-name:value IN ('c.example', 3, 'd.example')]"
        ),
        pairs(&[
            ("url:value", "https://a/"),
            ("url:value", "https://b/"),
            ("ipv4-addr:value", "192.0.2.1"),
            ("domain-name:value", "c.example"),
            ("domain-name:value", "d.example"),
        ])
    );
    assert_eq!(
        terms("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:size = 3]"),
        pairs(&[("file:hashes.'SHA-256'", "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f")])
    );
    assert_eq!(terms("[domain-name:value NOT = 'x' AND domain-name:value != 'y' AND domain-name:value LIKE 'z%']"), pairs(&[]));
    assert_eq!(terms("[email-message:to_refs[*].value = 'a@b.example']"), pairs(&[("email-message:to_refs[*].value", "a@b.example")]));
    assert_eq!(terms("[a:b = 'it\\'s']"), pairs(&[("a:b", "it's")]));
}

#[test]
fn long_chains_do_not_recurse() {
    let src = vec!["[a:b = 1]"; 20_000].join(" OR ");
    assert_eq!(parse(&src).map(|p| matches!(p.root, ObservationExpr::Or(ref v) if v.len() == 20_000)), Ok(true));
    let inner = vec!["a:b = 'x'"; 20_000].join(" AND ");
    assert_eq!(parse(&format!("[{inner}]")).map(|p| p.equality_terms().len()), Ok(20_000));
}
