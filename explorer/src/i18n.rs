//! The interface strings (the `[explorer]` table of the site's catalogue, carried by the index)
//! and the formatting of numbers, dates and distances in the site language.

use passerelle_index::civil_from_days;

/// The explorer's strings, looked up by key. A missing key shows as the key itself, so a gap in
/// the catalogue is visible but never breaks the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Strings {
    pub lang: String,
    /// `(key, text)`, sorted by key.
    table: Vec<(String, String)>,
}

impl Strings {
    pub fn new(lang: &str, table: Vec<(String, String)>) -> Strings {
        // Sorted by key for `get` (the generator writes them sorted already).
        let mut order: Vec<u32> = (0..table.len() as u32).collect();
        crate::filter::sort::sort_by(&mut order, &|a, b| table[a as usize].0.cmp(&table[b as usize].0));
        let mut slots: Vec<Option<(String, String)>> = table.into_iter().map(Some).collect();
        let table = order.iter().filter_map(|&i| slots[i as usize].take()).collect();
        Strings { lang: lang.to_owned(), table }
    }

    /// The string for `key`.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        match self.table.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
            Ok(at) => &self.table[at].1,
            Err(_) => key,
        }
    }

    /// The string for `key` with each `{name}` replaced.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        values.iter().fold(self.get(key).to_owned(), |text, (name, value)| {
            text.replace(&["{", name, "}"].concat(), value)
        })
    }

    /// "Aucune offre", "1 offre", "12 offres" (keys `<key>_none`, `<key>_one`, `<key>_many`).
    pub fn count(&self, key: &str, n: usize) -> String {
        match n {
            0 => self.get(&[key, "_none"].concat()).to_owned(),
            1 => self.get(&[key, "_one"].concat()).to_owned(),
            _ => self.fill(&[key, "_many"].concat(), &[("n", &self.number(n))]),
        }
    }

    /// A whole number with the language's thousands separator: 10 000 / 10,000.
    pub fn number(&self, n: usize) -> String {
        let digits = n.to_string();
        let sep = if self.lang == "fr" { '\u{202F}' } else { ',' };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// A day number as "21 nov. 2026" / "21 Nov 2026" (`date` pattern, `months` list).
    pub fn date(&self, days: i32) -> String {
        let (y, m, d) = civil_from_days(days);
        let months = self.get("months");
        let month =
            months.split_whitespace().nth(m as usize - 1).map_or_else(|| m.to_string(), str::to_owned);
        self.fill("date", &[("d", &d.to_string()), ("month", &month), ("y", &y.to_string())])
    }

    /// "mar. 8 déc." / "Tue 8 Dec" (`weekdays` list, `date_short` pattern).
    pub fn weekday_date(&self, days: i32) -> String {
        let (_, m, d) = civil_from_days(days);
        let weekday = passerelle_index::weekday(days) as usize;
        let name = self.get("weekdays").split_whitespace().nth(weekday).unwrap_or_default().to_owned();
        let month = self
            .get("months")
            .split_whitespace()
            .nth(m as usize - 1)
            .map_or_else(|| m.to_string(), str::to_owned);
        self.fill("date_short", &[("weekday", &name), ("d", &d.to_string()), ("month", &month)])
    }

    /// A local time: "18 h 30", "14 h" (French) / "18:30" (`time`, `time_hour` patterns).
    pub fn clock(&self, minute: u16) -> String {
        let (h, m) = ((minute / 60).to_string(), (minute % 60 + 100).to_string()[1..].to_owned());
        let key = if minute % 60 == 0 { "time_hour" } else { "time" };
        self.fill(key, &[("h", &h), ("mm", &m)])
    }

    /// A distance: "à 350 m", "à 1,2 km".
    pub fn distance(&self, metres: f64) -> String {
        if metres < 1000.0 {
            let m = ((metres / 10.0).round() * 10.0) as usize;
            self.fill("distance_m", &[("n", &m.to_string())])
        } else {
            let km = crate::geo::dec1(metres / 1000.0);
            let km = if self.lang == "fr" { km.replace('.', ",") } else { km };
            self.fill("distance_km", &[("n", &km)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Strings {
        let table = [
            ("results_none", "Aucune offre"),
            ("results_one", "1 offre"),
            ("results_many", "{n} offres"),
            ("months", "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc."),
            ("date", "{d} {month} {y}"),
            ("distance_m", "à {n} m"),
            ("distance_km", "à {n} km"),
            ("weekdays", "lun. mar. mer. jeu. ven. sam. dim."),
            ("date_short", "{weekday} {d} {month}"),
            ("time", "{h} h {mm}"),
            ("time_hour", "{h} h"),
        ];
        Strings::new("fr", table.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    // Counts pluralise, numbers group by thousands, dates and distances read as in French.
    #[test]
    fn formats_in_the_language() {
        let s = fr();
        assert_eq!(s.count("results", 0), "Aucune offre");
        assert_eq!(s.count("results", 1), "1 offre");
        assert_eq!(s.count("results", 10_000), "10\u{202F}000 offres");
        assert_eq!(s.date(20_778), "21 nov. 2026");
        assert_eq!(s.distance(347.0), "à 350 m");
        assert_eq!(s.distance(1234.0), "à 1,2 km");
        assert_eq!(s.weekday_date(20_778), "sam. 21 nov.");
        assert_eq!((s.clock(1110), s.clock(840)), ("18 h 30".to_owned(), "14 h".to_owned()));
        assert_eq!(s.get("missing"), "missing");
        assert_eq!(Strings::new("en", Vec::new()).number(1234567), "1,234,567");
    }
}
