//! Text folding, the one copy every crate of the workspace uses: lower case without accents
//! ("Théâtre" → "theatre"), for the explorer's accent-insensitive search, the generator's
//! matching of headers, file names and codes ([`key`]), its A–Z sorting, and [`slug`] (ids
//! suggested by `check`, made by `import` and by the synthetic charters, and the index's
//! leaving out an offer id that is its title's slug). A table covers Latin-1 and Latin Extended-A (French, Dutch, German, Spanish,
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

/// The slug a title gives: its folded ASCII words joined by `-` ("Atelier slam !" →
/// "atelier-slam"); always `[a-z0-9-]`, empty when the title has no such letter.
pub fn slug(title: &str) -> String {
    join(&fold(title), '-')
}

/// The comparison key of a name (a header, a file name, a code typed as its label): its folded
/// words joined by `_` ("Mis à jour-le " → "mis_a_jour_le").
pub fn key(text: &str) -> String {
    join(&fold(text), '_')
}

/// The ASCII letter-and-digit runs of folded text, joined by `separator`.
fn join(folded: &str, separator: char) -> String {
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(separator);
        }
        out.push_str(word);
    }
    out
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

    // Slugs and keys keep only ASCII letters and digits, whatever the script.
    #[test]
    fn slugs_and_keys_are_ascii() {
        assert_eq!(slug("Москва 2026 !"), "2026");
        assert_eq!(slug("«»"), "");
        assert_eq!(key(" Mis à jour-le "), "mis_a_jour_le");
        assert_eq!(key("mis_à-jour  LE"), "mis_a_jour_le");
        assert_eq!(key("Âge_min"), "age_min");
    }
}
