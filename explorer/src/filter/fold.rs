//! Search folding: lower case without accents, so "theatre" finds "Théâtre" and "ECOLE" finds
//! "école". A table covers Latin-1 and Latin Extended-A (French, Dutch, German, Spanish,
//! Portuguese, Polish, Czech, Turkish…), which keeps the wasm free of Unicode tables.

/// The folded form of `text`: lower case, accents removed, ligatures spelt out, every run of
/// non-alphanumeric characters turned into a single space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            push_folded(&mut out, c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let folded = match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(folded);
}

/// Whether every word of the folded query occurs in the folded text (words in any order).
pub fn matches(folded_text: &str, folded_query: &str) -> bool {
    folded_query.split(' ').all(|word| folded_text.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Accents, case, ligatures and punctuation fold away; "theatre" finds "Théâtre".
    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Théâtre"), "theatre");
        assert_eq!(fold("  L'ŒUVRE — à Bressoux!  "), "l oeuvre a bressoux");
        assert_eq!(fold("Straße Łódź"), "strasse lodz");
        assert!(matches(&fold("Atelier de Théâtre d'improvisation"), &fold("theatre impro")));
        assert!(matches(&fold("Atelier de Théâtre"), &fold("ATELIER théatre")));
        assert!(!matches(&fold("Atelier de Théâtre"), &fold("danse")));
        assert!(matches("anything", ""), "an empty query matches");
    }
}
