//! Search folding (the [`fold`] shared with the generator, in `passerelle-index`) and matching:
//! "theatre" finds "Théâtre", "ECOLE" finds "école".

pub use passerelle_index::fold::fold;

/// Whether every word of the folded query occurs in the folded text (words in any order).
pub fn matches(folded_text: &str, folded_query: &str) -> bool {
    folded_query.split(' ').all(|word| folded_text.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every word of the query must occur, accents and case aside.
    #[test]
    fn matches_folded_words() {
        assert!(matches(&fold("Atelier de Théâtre d'improvisation"), &fold("theatre impro")));
        assert!(matches(&fold("Atelier de Théâtre"), &fold("ATELIER théatre")));
        assert!(!matches(&fold("Atelier de Théâtre"), &fold("danse")));
        assert!(matches("anything", ""), "an empty query matches");
    }
}
