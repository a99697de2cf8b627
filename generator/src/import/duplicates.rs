//! Possible duplicates: a similar name in the same place.
//!
//! Names are folded (case, accents, punctuation, and the little words `de`, `la`, `du`, `asbl`…
//! that one listing writes and another drops), then compared word by word: every word of the
//! shorter name must be in the longer (which has at most twice as many), exactly or within a
//! similarity of 0.8 (strsim's optimal string alignment: one slip in a five-letter word). *The same place* is
//! the same postcode or within [`RADIUS_M`] metres; for offers, the same venue or the same
//! operator; identical folded names count wherever they are. Candidates are looked up in
//! buckets (postcode, a ~150 m grid cell and its neighbours, venue, operator, folded name),
//! so a large source is not compared with every record.

use std::collections::HashMap;

/// How close two points must be to be "near" (metres).
pub const RADIUS_M: f64 = 150.0;

/// How similar two words must be.
pub const SIMILARITY: f64 = 0.8;

/// A record (of the table, or an earlier row of the source) that a row may duplicate.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// An id of the table, or a provenance `source:key` of a source row.
    pub label: String,
    pub name: String,
    pub postcode: String,
    pub point: Option<(f64, f64)>,
    /// For offers: the venue and the operator.
    pub venue: String,
    pub operator: String,
}

/// The entries seen so far, bucketed.
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<(Entry, String)>,
    buckets: HashMap<String, Vec<usize>>,
}

impl Index {
    /// Adds an entry.
    pub fn add(&mut self, entry: Entry) {
        let key = folded(&entry.name);
        let i = self.entries.len();
        for bucket in buckets(&entry, &key) {
            self.buckets.entry(bucket).or_default().push(i);
        }
        self.entries.push((entry, key));
    }

    /// The entries `probe` may duplicate, in the order they were added.
    pub fn matches(&self, probe: &Entry) -> Vec<&Entry> {
        let key = folded(&probe.name);
        if key.is_empty() {
            return Vec::new();
        }
        // A similar name has at least half as many words, nearly all of them among the probe's:
        // any n − ⌈n/2⌉ + 1 of the probe's n words include one of them, so the most common
        // words (the largest buckets: "atelier", "maison") need not be looked up.
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        let wanted = words.len() - words.len().div_ceil(2) + 1;
        let mut buckets = vec![format!("n:{key}")];
        for place in places(probe, true) {
            let size = |w: &&str| self.buckets.get(&format!("{place}:{w}")).map_or(0, Vec::len);
            let mut by_size = words.clone();
            by_size.sort_by_key(size);
            buckets.extend(by_size.iter().take(wanted).map(|w| format!("{place}:{w}")));
        }
        let mut seen: Vec<usize> =
            buckets.iter().filter_map(|b| self.buckets.get(b)).flatten().copied().collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter()
            .map(|i| &self.entries[i])
            .filter(|(entry, other)| {
                entry.label != probe.label && (*other == key || (near(probe, entry) && similar(&key, other)))
            })
            .map(|(entry, _)| entry)
            .collect()
    }
}

/// The buckets an entry is filed under: its folded name, and each of its words in each of
/// its places. Two similar names share a word (all the shorter one's words are in the longer,
/// most of them exactly), so comparing only within buckets finds them without comparing a row
/// with every record of its postcode.
fn buckets(entry: &Entry, key: &str) -> Vec<String> {
    let mut out = vec![format!("n:{key}")];
    let places = places(entry, false);
    for word in key.split(' ').filter(|w| !w.is_empty()) {
        out.extend(places.iter().map(|place| format!("{place}:{word}")));
    }
    out
}

/// Where an entry is: its postcode, its ~150 m grid cell (`probe`: and the eight around it),
/// its venue and operator.
fn places(entry: &Entry, probe: bool) -> Vec<String> {
    let mut places = Vec::new();
    if !entry.postcode.is_empty() {
        places.push(format!("p:{}", entry.postcode.trim()));
    }
    if let Some((lat, lon)) = entry.point {
        let (y, x) = cell(lat, lon);
        let range = if probe { -1..=1 } else { 0..=0 };
        for dy in range.clone() {
            for dx in range.clone() {
                places.push(format!("g:{}:{}", y + dy, x + dx));
            }
        }
    }
    if !entry.venue.is_empty() {
        places.push(format!("v:{}", entry.venue));
    }
    if !entry.operator.is_empty() {
        places.push(format!("o:{}", entry.operator));
    }
    places
}

/// A grid cell about 150 m on a side (latitude degrees are ~111 km; longitude ones shrink).
fn cell(lat: f64, lon: f64) -> (i64, i64) {
    let step = RADIUS_M / 111_000.0;
    let lon_step = step / lat.to_radians().cos().abs().max(0.01);
    #[allow(clippy::cast_possible_truncation)]
    ((lat / step).floor() as i64, (lon / lon_step).floor() as i64)
}

/// Same postcode, within the radius, or (offers) the same venue or operator.
fn near(a: &Entry, b: &Entry) -> bool {
    let same = |x: &str, y: &str| !x.is_empty() && x.trim() == y.trim();
    let close = match (a.point, b.point) {
        (Some(p), Some(q)) => distance_m(p, q) <= RADIUS_M,
        _ => false,
    };
    same(&a.postcode, &b.postcode) || close || same(&a.venue, &b.venue) || same(&a.operator, &b.operator)
}

/// Every word of the shorter name is in the longer one, exactly or with one slip in a word
/// of four letters or more ("bresoux" ~ "bressoux"): a different distinctive word
/// ("cointe" / "sclessin") keeps two look-alike names apart.
fn similar(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let close = |x: &str, y: &str| x == y || (x.len() >= 4 && word_similarity(x, y) >= SIMILARITY);
    !short.is_empty()
        && 2 * short.len() >= long.len()
        && short.iter().all(|w| long.iter().any(|l| close(w, l)))
}

/// 1 − (edits ÷ longer length), edits counted by strsim's optimal string alignment (an
/// adjacent swap is one edit; no allocation per letter pair, unlike its Damerau–Levenshtein).
/// Words whose lengths alone rule the similarity out are not compared.
fn word_similarity(x: &str, y: &str) -> f64 {
    let (a, b) = (x.chars().count(), y.chars().count());
    let longer = a.max(b);
    #[allow(clippy::cast_precision_loss)]
    let bound = |edits: usize| 1.0 - edits as f64 / longer.max(1) as f64;
    if bound(a.abs_diff(b)) < SIMILARITY {
        return 0.0;
    }
    bound(strsim::osa_distance(x, y))
}

/// The great-circle distance between two (lat, lon) points, in metres.
pub fn distance_m((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    passerelle_index::geo::distance_m([lon1, lat1], [lon2, lat2])
}

/// Words a listing adds or drops without changing what it names.
const LITTLE_WORDS: [&str; 14] =
    ["de", "la", "le", "les", "du", "des", "d", "l", "et", "a", "au", "aux", "en", "the"];

/// The comparison form of a name: folded, little words dropped, one space between words.
pub fn folded(name: &str) -> String {
    let folded = passerelle_index::fold::fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !LITTLE_WORDS.contains(w))
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(label: &str, name: &str, postcode: &str, point: Option<(f64, f64)>) -> Entry {
        Entry { label: label.into(), name: name.into(), postcode: postcode.into(), point, ..Entry::default() }
    }

    // Spelling variants in the same postcode or within 150 m match; far away or unlike do not.
    #[test]
    fn similar_and_near() {
        let mut index = Index::default();
        index.add(entry("mj-bressoux", "Maison des Jeunes de Bressoux", "4020", None));
        index.add(entry("musee", "Musée de la Vie wallonne", "", Some((50.6447, 5.5768))));
        let found = |e: &Entry| index.matches(e).iter().map(|e| e.label.clone()).collect::<Vec<_>>();
        assert_eq!(found(&entry("x", "Maison des jeunes – Bressoux", "4020", None)), ["mj-bressoux"]);
        assert_eq!(found(&entry("x", "Maison des jeunes Bresoux", "4000", None)), Vec::<String>::new());
        assert_eq!(found(&entry("x", "Musee Vie Wallonne", "", Some((50.6455, 5.5770)))), ["musee"]);
        assert_eq!(
            found(&entry("x", "Musee Vie Walonne", "", Some((50.6600, 5.5770)))),
            Vec::<String>::new()
        );
        assert_eq!(found(&entry("x", "Cinéma Sauvenière", "4020", None)), Vec::<String>::new());
        assert_eq!(found(&entry("x", "Maison des jeunes de Jupille", "4020", None)), Vec::<String>::new());
        assert_eq!(found(&entry("x", "MJ Bressoux asbl", "4020", None)), Vec::<String>::new());
        assert_eq!(found(&entry("x", "Maison des Jeunes de Bresoux ASBL", "4020", None)), ["mj-bressoux"]);
        assert_eq!(found(&entry("x", "MUSÉE DE LA VIE WALLONNE", "", None)), ["musee"], "identical names");
    }

    // The distance is right to a few metres at Liège's latitude.
    #[test]
    fn distances() {
        let d = distance_m((50.6400, 5.5700), (50.6409, 5.5700));
        assert!((d - 100.0).abs() < 1.0, "{d}");
    }
}
