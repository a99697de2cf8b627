//! Calendar dates as day numbers, enough for synthetic data (no time zone, no wall clock).

use std::fmt;

/// A proleptic Gregorian date, as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i64);

impl Date {
    /// The date `y-m-d` (Howard Hinnant's `days_from_civil`).
    pub fn ymd(y: i64, m: u32, d: u32) -> Date {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i64::from(m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    /// `(year, month, day)` (Hinnant's `civil_from_days`).
    pub fn parts(self) -> (i64, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    pub fn plus(self, days: i64) -> Date {
        Date(self.0 + days)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.parts();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    // Day numbers round-trip through the calendar, across leap years and month ends.
    #[test]
    fn round_trips() {
        assert_eq!(Date::ymd(1970, 1, 1), Date(0));
        assert_eq!(Date::ymd(2026, 9, 1).to_string(), "2026-09-01");
        assert_eq!(Date::ymd(2028, 2, 28).plus(1).to_string(), "2028-02-29");
        for n in Date::ymd(2024, 1, 1).0..Date::ymd(2028, 12, 31).0 {
            let (y, m, d) = Date(n).parts();
            assert_eq!(Date::ymd(y, m, d), Date(n));
        }
    }
}
