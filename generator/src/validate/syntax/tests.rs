use super::*;

fn ok(problem: Option<Problem>) -> bool {
    problem.is_none()
}

// http(s) addresses pass; other schemes, missing schemes and spaces do not.
#[test]
fn web_addresses() {
    assert!(ok(web_address("https://mj-bressoux.example.org/ateliers?x=1#a")));
    assert!(ok(web_address("HTTP://example.org")));
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "example.org",
        "https://",
        "https://exa mple.org",
        "https://localhost",
    ] {
        assert!(!ok(web_address(bad)), "{bad}");
    }
    let (message, hint) = web_address("www.example.org").unwrap_or_default();
    assert!(message.contains("does not start with https://"));
    assert_eq!(hint.as_deref(), Some("write \"https://www.example.org\""));
}

// E-mail addresses need one @ and a dotted domain.
#[test]
fn emails() {
    assert!(ok(email("contact@mj-bressoux.example.org")));
    for bad in
        ["contact", "contact@", "@example.org", "a@b", "a b@example.org", "a@@example.org", "a@example..org"]
    {
        assert!(!ok(email(bad)), "{bad}");
    }
}

// Phone numbers: digits and the usual separators, 6 to 20 digits, + only first.
#[test]
fn phones() {
    for good in ["+32 4 221 92 00", "04/221.92.00", "(04) 221-92-00", "0032 (0)4 221 92 00"] {
        assert!(ok(phone(good)), "{good}");
    }
    for bad in ["appelez-nous", "12", "04 221 92 00 +32", "04 221 92 00 ext. 5"] {
        assert!(!ok(phone(bad)), "{bad}");
    }
}

// Booking accepts links, mailto/tel, bare e-mail and free text, and refuses javascript:,
// even disguised with blanks.
#[test]
fn bookings() {
    for good in [
        "https://example.org/reserver",
        "mailto:info@example.org",
        "tel:+3242219200",
        "info@example.org",
        "sur place, à l'accueil",
        "Inscription : à l'accueil",
        "04 221 92 00",
    ] {
        assert!(ok(booking(good)), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "JavaScript: alert(1)",
        "java script:alert(1)",
        "data:text/html;base64,xx",
        "mailto:nobody",
        "www.example.org",
    ] {
        assert!(!ok(booking(bad)), "{bad}");
    }
}

// Languages are two lowercase letters; a capitalised code or a language name hints the code.
#[test]
fn languages() {
    assert!(ok(language("fr")));
    let hint = |v: &str| language(v).and_then(|(_, h)| h).unwrap_or_default();
    assert_eq!(hint("FR"), "did you mean \"fr\"?");
    assert_eq!(hint("Français"), "did you mean \"fr\"?");
    assert!(hint("fra").starts_with("expected a two-letter"));
}

// Bidi overrides and zero-width characters are refused in web and e-mail addresses, and in
// booking links of either kind, with their code point named.
#[test]
fn invisible_characters_in_addresses() {
    for c in ['\u{202E}', '\u{202A}', '\u{2066}', '\u{2069}', '\u{200B}', '\u{200F}', '\u{FEFF}'] {
        let web = format!("https://example.org/{c}exe.pdf");
        let mail = format!("contact{c}@example.org");
        for (value, problem) in [(&web, web_address(&web)), (&mail, email(&mail)), (&web, booking(&web))] {
            let (message, _) = problem.unwrap_or_else(|| panic!("{value:?} accepted"));
            assert!(message.contains(&crate::text::code_point(c)), "{message}");
        }
        assert!(!ok(booking(&format!("mailto:{mail}"))));
    }
}
