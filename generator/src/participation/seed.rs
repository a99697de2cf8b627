//! The canonical seed text, after RFC 3797 section 5.
//!
//! The `seed` cell holds the values of one or more public sources, the sources separated by
//! `/` (or `|`), the values of a source by spaces, commas, semicolons, dots or hyphens:
//! `"31 7 44 12 3 / 2 11"`. Each value is a whole number in decimal. Canonically, leading zeros
//! are dropped, the values of each source are sorted in increasing numeric order, each value is
//! followed by `.` and each source by `/`: `"3.7.12.31.44./2.11./"`. The sources keep the order
//! in which they were announced.

/// What is wrong with a seed cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedError(pub String);

/// The canonical text of a seed cell.
pub fn canonical(cell: &str) -> Result<String, SeedError> {
    let mut out = String::new();
    let sources: Vec<&str> = cell.split(['/', '|']).map(str::trim).collect();
    if sources.iter().all(|s| s.is_empty()) {
        return Err(SeedError("the seed is empty".into()));
    }
    for (i, source) in sources.iter().enumerate() {
        let mut values: Vec<String> = Vec::new();
        for value in source.split([' ', ',', ';', '.', '-', '\t']).filter(|v| !v.is_empty()) {
            if !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(SeedError(format!("\"{value}\" in source {} is not a whole number", i + 1)));
            }
            let trimmed = value.trim_start_matches('0');
            values.push(if trimmed.is_empty() { "0".into() } else { trimmed.into() });
        }
        if values.is_empty() {
            return Err(SeedError(format!("source {} of the seed has no value", i + 1)));
        }
        // Numeric order on arbitrarily long numbers: shorter first, then digit by digit.
        values.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        for value in values {
            out.push_str(&value);
            out.push('.');
        }
        out.push('/');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The canonical form of RFC 3797: values sorted within each source, sources in order.
    #[test]
    fn sorted_within_each_source() {
        assert_eq!(canonical("9 18 20 23 35 40 / 1 2").expect("valid"), "9.18.20.23.35.40./1.2./");
        assert_eq!(canonical("40,35,23,20,18,9|2,1").expect("valid"), "9.18.20.23.35.40./1.2./");
        assert_eq!(canonical("007 10 0").expect("valid"), "0.7.10./");
        assert_eq!(canonical("100 99 1000").expect("valid"), "99.100.1000./");
    }

    // A value that is not a number, or an empty source, is refused with what is wrong.
    #[test]
    fn bad_seeds_are_refused() {
        assert_eq!(canonical(""), Err(SeedError("the seed is empty".into())));
        assert!(canonical("12 x3").expect_err("refused").0.contains("\"x3\""));
        assert!(canonical("1 2 / ").expect_err("refused").0.contains("source 2"));
    }
}
