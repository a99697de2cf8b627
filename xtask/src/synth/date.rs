//! Calendar dates as day numbers, enough for synthetic data (no time zone, no wall clock).

use passerelle_index::{civil_from_days, days_from_civil};
use std::fmt;

/// A proleptic Gregorian date, as the explorer index's day number (days since 1970-01-01):
/// the calendar arithmetic is the index crate's, so synthetic data and the index agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i32);

impl Date {
    /// The date `y-m-d`.
    pub fn ymd(y: i32, m: u32, d: u32) -> Date {
        Date(days_from_civil(y, m, d))
    }

    /// `(year, month, day)`.
    pub fn parts(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn plus(self, days: i32) -> Date {
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
