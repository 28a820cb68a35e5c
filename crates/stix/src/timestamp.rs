//! STIX timestamps: RFC 3339 in UTC with a literal `Z`, parsed by hand because the
//! STIX rules are stricter than chrono's RFC 3339 parser (no offsets, no lowercase `t`/`z`,
//! no space separator) and because ingest parses several per object.

use chrono::{DateTime, NaiveDate, Utc};

/// Why a string is not a STIX timestamp.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimestampError {
    /// The text does not have the shape `YYYY-MM-DDTHH:MM:SS[.fraction]Z`.
    #[error("not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): {0}")]
    Shape(&'static str),
    /// The fields have the right shape but name no instant (month 13, February 30, 25:00...).
    #[error("not a valid date/time: {0}")]
    Range(&'static str),
}

/// Parses a STIX 2.1 timestamp (`2016-05-12T08:17:27.000Z`): RFC 3339, UTC, `Z` suffix,
/// any number of fractional-second digits (beyond nanoseconds they are truncated).
/// Leap seconds (`:60`) are refused: no STIX producer emits them and they break ordering.
pub fn canonical_timestamp(s: &str) -> Result<DateTime<Utc>, TimestampError> {
    let b = s.as_bytes();
    if b.len() < 20 {
        return Err(TimestampError::Shape("too short"));
    }
    let shape_ok = b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].iter().all(|&i| b[i].is_ascii_digit());
    if !shape_ok {
        return Err(TimestampError::Shape("bad date or time fields"));
    }
    if b[b.len() - 1] != b'Z' {
        return Err(TimestampError::Shape("must end in 'Z' (UTC)"));
    }
    let nanos = match &b[19..b.len() - 1] {
        [] => 0,
        [b'.', digits @ ..] if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) => {
            let mut n: u32 = 0;
            for i in 0..9 {
                n = n * 10 + digits.get(i).map_or(0, |d| u32::from(d - b'0'));
            }
            n
        }
        _ => return Err(TimestampError::Shape("bad fractional seconds")),
    };
    let num = |from: usize, to: usize| b[from..to].iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    let (year, month, day) = (num(0, 4) as i32, num(5, 7), num(8, 10));
    let (hour, minute, second) = (num(11, 13), num(14, 16), num(17, 19));
    if hour > 23 || minute > 59 || second > 59 {
        return Err(TimestampError::Range("time of day out of range"));
    }
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(TimestampError::Range("no such calendar date"))?;
    let time = date.and_hms_nano_opt(hour, minute, second, nanos).ok_or(TimestampError::Range("time of day out of range"))?;
    Ok(time.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, &str>) {
        let got = canonical_timestamp(input).map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)).map_err(|e| e.to_string());
        assert_eq!(got.as_deref().map_err(String::as_str), expected, "input {input:?}");
    }

    #[test]
    fn accepts_stix_timestamps() {
        check("2016-05-12T08:17:27Z", Ok("2016-05-12T08:17:27.000000000Z"));
        check("2016-05-12T08:17:27.000Z", Ok("2016-05-12T08:17:27.000000000Z"));
        check("2016-05-12T08:17:27.1Z", Ok("2016-05-12T08:17:27.100000000Z"));
        check("2016-05-12T08:17:27.123456789123Z", Ok("2016-05-12T08:17:27.123456789Z"));
        check("2024-02-29T23:59:59Z", Ok("2024-02-29T23:59:59.000000000Z"));
    }

    #[test]
    fn refuses_non_stix_forms() {
        check("2016-05-12T08:17:27+00:00", Err("not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): must end in 'Z' (UTC)"));
        check("2016-05-12 08:17:27Z", Err("not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): bad date or time fields"));
        check("2016-05-12t08:17:27z", Err("not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): bad date or time fields"));
        check("2016-05-12T08:17:27.Z", Err("not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): bad fractional seconds"));
        check("2016-05-12", Err("not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): too short"));
        check("2023-02-29T00:00:00Z", Err("not a valid date/time: no such calendar date"));
        check("2023-12-31T24:00:00Z", Err("not a valid date/time: time of day out of range"));
        check("2016-12-31T23:59:60Z", Err("not a valid date/time: time of day out of range"));
        check("2016-05-12T08:17:27ZZ", Err("not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): bad fractional seconds"));
        check("２016-05-12T08:17:27Z", Err("not a STIX timestamp (expected YYYY-MM-DDTHH:MM:SS[.s]Z): bad date or time fields"));
    }
}
