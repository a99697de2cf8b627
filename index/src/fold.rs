//! Text folding, shared by both sides: lower case without accents ("Théâtre" → "theatre"), for
//! the explorer's accent-insensitive search and for [`slug`], which lets the index leave out an
//! offer id that is its title's slug. A table covers Latin-1 and Latin Extended-A (French, Dutch, German, Spanish,
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

/// The slug a title gives: its folded words joined by `-` ("Atelier slam !" → "atelier-slam").
pub fn slug(title: &str) -> String {
    fold(title).replace(' ', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Accents, case, ligatures and punctuation fold away; slugs follow.
    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Théâtre"), "theatre");
        assert_eq!(fold("  L'ŒUVRE — à Bressoux!  "), "l oeuvre a bressoux");
        assert_eq!(fold("Straße Łódź"), "strasse lodz");
        assert_eq!(slug("Découverte : bibliothèque de rue"), "decouverte-bibliotheque-de-rue");
    }
}
