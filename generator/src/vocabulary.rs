//! The controlled vocabularies: built-in codes with French and English labels, extended or
//! relabelled by `data/vocabulary.csv`. Codes are stable: they appear in CSVs, URLs and the index.

use crate::records::VocabularyRow;
use serde::Serialize;
use std::collections::HashMap;

/// The vocabulary groups, as named in `vocabulary.csv`'s `group` column.
pub const GROUPS: [&str; 5] = ["audience", "discipline", "operator_kind", "venue_kind", "accessibility"];

/// One code with its labels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Term {
    pub code: String,
    pub fr: String,
    pub en: String,
}

/// One vocabulary: its terms in display order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Vocabulary {
    pub terms: Vec<Term>,
    /// Each code's place in `terms`: a lookup must not scan them (80,000 codes in
    /// vocabulary.csv made `check` quadratic).
    #[serde(skip)]
    index: HashMap<String, usize>,
}

impl Vocabulary {
    fn from_table(table: &[(&str, &str, &str)]) -> Self {
        let terms = table
            .iter()
            .map(|&(code, fr, en)| Term { code: code.into(), fr: fr.into(), en: en.into() })
            .collect::<Vec<Term>>();
        let index = terms.iter().enumerate().map(|(i, t)| (t.code.clone(), i)).collect();
        Vocabulary { terms, index }
    }

    /// The term for `code`, if the vocabulary has it.
    pub fn get(&self, code: &str) -> Option<&Term> {
        self.index.get(code).and_then(|&i| self.terms.get(i))
    }

    pub fn contains(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    /// All codes, in display order (for "did you mean" hints and facets).
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.code.as_str())
    }

    /// Adds `code` or relabels it when present.
    fn upsert(&mut self, code: &str, fr: &str, en: &str) {
        match self.index.get(code).and_then(|&i| self.terms.get_mut(i)) {
            Some(term) => {
                if !fr.is_empty() {
                    term.fr = fr.into();
                }
                if !en.is_empty() {
                    term.en = en.into();
                }
            }
            None => {
                self.index.insert(code.into(), self.terms.len());
                self.terms.push(Term {
                    code: code.into(),
                    fr: if fr.is_empty() { code.into() } else { fr.into() },
                    en: if en.is_empty() { code.into() } else { en.into() },
                });
            }
        }
    }
}

/// All vocabularies of a charter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Vocabularies {
    pub audience: Vocabulary,
    pub discipline: Vocabulary,
    pub operator_kind: Vocabulary,
    pub venue_kind: Vocabulary,
    pub accessibility: Vocabulary,
}

impl Default for Vocabularies {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Vocabularies {
    /// The built-in vocabularies of DESIGN.md.
    pub fn builtin() -> Self {
        Vocabularies {
            audience: Vocabulary::from_table(&[
                ("children", "Enfants", "Children"),
                ("youth", "Jeunes", "Young people"),
                ("families", "Familles", "Families"),
                ("adults", "Adultes", "Adults"),
                ("seniors", "Seniors", "Seniors"),
                ("schools", "Écoles", "Schools"),
                ("associations", "Associations", "Associations"),
                ("everyone", "Tout public", "Everyone"),
            ]),
            discipline: Vocabulary::from_table(&[
                ("music", "Musique", "Music"),
                ("theatre", "Théâtre", "Theatre"),
                ("dance", "Danse", "Dance"),
                ("visual_arts", "Arts plastiques", "Visual arts"),
                ("reading", "Lecture", "Reading"),
                ("writing", "Écriture", "Writing"),
                ("cinema", "Cinéma", "Cinema"),
                ("photography", "Photographie", "Photography"),
                ("heritage", "Patrimoine", "Heritage"),
                ("digital", "Numérique", "Digital"),
                ("circus", "Cirque", "Circus"),
                ("crafts", "Artisanat", "Crafts"),
                ("multidisciplinary", "Pluridisciplinaire", "Multidisciplinary"),
            ]),
            operator_kind: Vocabulary::from_table(&[
                ("association", "Association", "Association"),
                ("institution", "Institution culturelle", "Cultural institution"),
                ("public_service", "Service public", "Public service"),
                ("school", "École", "School"),
                ("housing", "Société de logement", "Housing company"),
                ("company", "Entreprise", "Company"),
                ("collective", "Collectif", "Collective"),
                ("artist", "Artiste", "Artist"),
            ]),
            venue_kind: Vocabulary::from_table(&[
                ("library", "Bibliothèque", "Library"),
                ("media_library", "Médiathèque", "Media library"),
                ("conservatory", "Conservatoire", "Conservatory"),
                ("theatre", "Théâtre", "Theatre"),
                ("cinema", "Cinéma", "Cinema"),
                ("museum", "Musée", "Museum"),
                ("community_centre", "Maison de quartier", "Community centre"),
                ("sports_hall", "Salle de sport", "Sports hall"),
                ("school", "École", "School"),
                ("park", "Parc", "Park"),
                ("outdoor", "En plein air", "Outdoors"),
                ("other", "Autre lieu", "Other venue"),
            ]),
            accessibility: Vocabulary::from_table(&[
                ("wheelchair", "Accessible en fauteuil roulant", "Wheelchair accessible"),
                ("hearing_loop", "Boucle magnétique", "Hearing loop"),
                ("sign_language", "Langue des signes", "Sign language"),
                ("audio_description", "Audiodescription", "Audio description"),
                ("easy_read", "Facile à lire et à comprendre", "Easy read"),
            ]),
        }
    }

    /// The vocabulary named `group` (one of [`GROUPS`]).
    pub fn group(&self, group: &str) -> Option<&Vocabulary> {
        match group {
            "audience" => Some(&self.audience),
            "discipline" => Some(&self.discipline),
            "operator_kind" => Some(&self.operator_kind),
            "venue_kind" => Some(&self.venue_kind),
            "accessibility" => Some(&self.accessibility),
            _ => None,
        }
    }

    fn group_mut(&mut self, group: &str) -> Option<&mut Vocabulary> {
        match group {
            "audience" => Some(&mut self.audience),
            "discipline" => Some(&mut self.discipline),
            "operator_kind" => Some(&mut self.operator_kind),
            "venue_kind" => Some(&mut self.venue_kind),
            "accessibility" => Some(&mut self.accessibility),
            _ => None,
        }
    }

    /// Applies the rows of `vocabulary.csv` (rows naming an unknown group are skipped here:
    /// `validate` reports them).
    pub fn extended(mut self, rows: &[VocabularyRow]) -> Self {
        for row in rows {
            if let Some(vocabulary) = self.group_mut(&row.group) {
                vocabulary.upsert(&row.code, &row.label_fr, &row.label_en);
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every group named in GROUPS resolves, and the built-in codes are the documented ones.
    #[test]
    fn builtin_groups_resolve() {
        let v = Vocabularies::builtin();
        for g in GROUPS {
            assert!(v.group(g).is_some(), "{g}");
        }
        assert_eq!(v.audience.codes().count(), 8);
        assert_eq!(v.discipline.codes().count(), 13);
        assert!(v.group("nope").is_none());
    }

    // vocabulary.csv adds new codes and relabels existing ones without reordering them.
    #[test]
    fn extension_adds_and_relabels() {
        let row = |code: &str, fr: &str| VocabularyRow {
            group: "discipline".into(),
            code: code.into(),
            label_fr: fr.into(),
            label_en: String::new(),
            ..Default::default()
        };
        let v = Vocabularies::builtin().extended(&[row("slam", "Slam"), row("music", "Musiques")]);
        assert_eq!(v.discipline.get("slam").map(|t| t.fr.as_str()), Some("Slam"));
        assert_eq!(v.discipline.get("slam").map(|t| t.en.as_str()), Some("slam"));
        assert_eq!(v.discipline.get("music").map(|t| t.fr.as_str()), Some("Musiques"));
        assert_eq!(v.discipline.get("music").map(|t| t.en.as_str()), Some("Music"));
        assert_eq!(v.discipline.codes().next(), Some("music"));
    }
}
