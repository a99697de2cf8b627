//! "Did you mean …?": the closest known name to a mistyped one, for hints.
//!
//! Scores are normalized Damerau–Levenshtein similarities (strsim): 1.0 for equal strings,
//! minus one edit (insertion, deletion, substitution or swap of neighbours) per character of
//! the longer string. 0.7 accepts one slip in a short id ("bressou" → "bressoux", 0.875) or a
//! few in a long one, and rejects unrelated words. The typed value is also compared in folded
//! form (accents, case and separators ignored), so "Saint Léonard" finds "saint-leonard".

/// Below this similarity a candidate is not worth suggesting.
pub const THRESHOLD: f64 = 0.7;

/// A typed value longer than this (in characters) gets no suggestion: ids have at most 100,
/// and comparing a pasted paragraph with every id would cost its length squared each time.
pub const MAX_TYPED: usize = 100;

/// The candidate closest to `typed`, when it is close enough (and not `typed` itself).
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = typed.chars().count();
    if length > MAX_TYPED {
        return None;
    }
    let folded = fold(typed);
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        if candidate == typed || !within_reach(length, candidate.chars().count()) {
            continue;
        }
        let score = similarity(typed, candidate).max(similarity(&folded, &fold(candidate)));
        if score >= THRESHOLD && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// `did you mean "x"?` for the closest candidate, when there is one.
pub fn did_you_mean<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(typed, candidates).map(|c| format!("did you mean \"{c}\"?"))
}

/// Whether strings of these lengths can be similar enough: the distance is at least the length
/// difference, and at most `1 - THRESHOLD` of the longer length may differ. Folding changes
/// lengths a little (`œ` → `oe`), hence the slack of 2.
fn within_reach(a: usize, b: usize) -> bool {
    let longer = a.max(b) as f64;
    (a.abs_diff(b) as f64) <= (1.0 - THRESHOLD) * longer + 2.0
}

fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_damerau_levenshtein(a, b)
}

// Case, accents and word separators folded away (`"Mis à jour-le "` → `"mis_a_jour_le"`): the
// workspace's one fold, in the shared crate, which `load` and `import` use directly too.
use passerelle_index::fold::key as fold;

#[cfg(test)]
mod tests {
    use super::*;

    // A one-letter slip is suggested; an unrelated word is not; the exact value never is.
    #[test]
    fn closest_within_threshold() {
        let ids = ["bressoux", "droixhe", "outremeuse", "saint-leonard"];
        assert_eq!(closest("bressou", ids), Some("bressoux"));
        assert_eq!(closest("droixeh", ids), Some("droixhe"), "a swap counts once");
        assert_eq!(closest("cathedrale", ids), None);
        assert_eq!(closest("bressoux", ids), None);
    }

    // A pasted paragraph or a candidate of a very different length is not compared at all.
    #[test]
    fn long_or_distant_values_are_skipped() {
        let long = "bressoux ".repeat(40);
        assert_eq!(closest(&long, ["bressoux"]), None);
        assert!(!within_reach(3, 40) && within_reach(7, 8));
    }

    // Accents, case and separators do not hide the right candidate.
    #[test]
    fn closest_compares_folded_forms() {
        let ids = ["saint-leonard", "outremeuse"];
        assert_eq!(closest("Saint Léonard", ids), Some("saint-leonard"));
        assert_eq!(closest("OUTREMEUSE", ids), Some("outremeuse"));
    }

    // Folding lowercases, strips accents, trims and treats space, hyphen and underscore alike.
    #[test]
    fn fold_normalizes() {
        assert_eq!(fold(" Mis à jour le "), "mis_a_jour_le");
        assert_eq!(fold("mis_à-jour  LE"), "mis_a_jour_le");
        assert_eq!(fold("Âge_min"), "age_min");
        assert_eq!(fold("e-mail"), fold("E mail"));
        assert_eq!(fold("Téléphone"), "telephone");
    }
}
