//! The syntax of contact values: web addresses, e-mail addresses, phone numbers, language
//! codes. Each check returns what is wrong and how to fix it, or `None` when fine.
//!
//! URLs matter for security: they end up in `href`s, so only `http:`/`https:` (and, for
//! booking, `mailto:`/`tel:`) pass; `javascript:`, `data:` and the like are errors. So is an
//! address holding a bidi override or a zero-width character ([`crate::text::is_invisible`]):
//! `https://example.org/\u{202E}fdp.exe` shows as another address than it is.

/// `(message, hint)` of a value that fails a check.
pub type Problem = (String, Option<String>);

/// An address holding an invisible formatting character, named by its code point.
fn invisible(value: &str, what: &str) -> Option<Problem> {
    let c = value.chars().find(|&c| crate::text::is_invisible(c))?;
    Some((
        format!("{what} \"{value}\" holds an invisible character {}", crate::text::code_point(c)),
        Some("retype the address: bidi and zero-width characters make a link show as another one".into()),
    ))
}

/// A web address: `http://` or `https://`, a host with a dot, no spaces, nothing invisible.
pub fn web_address(value: &str) -> Option<Problem> {
    if let Some(problem) = invisible(value, "address") {
        return Some(problem);
    }
    let lower = value.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else {
        return Some(match scheme(value) {
            Some(scheme) => (
                format!("address \"{value}\" uses `{scheme}:`; only http and https are allowed"),
                Some("give the site's https:// address".into()),
            ),
            None => (
                format!("address \"{value}\" does not start with https://"),
                Some(format!("write \"https://{value}\"")),
            ),
        });
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '_'));
    let text_ok = !value.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>'));
    (!host_ok || !text_ok).then(|| {
        (
            format!("invalid web address \"{value}\""),
            Some("expected an address such as https://example.org/page".into()),
        )
    })
}

/// The scheme of `value` (`javascript` in `javascript:alert(1)`), if it has one.
fn scheme(value: &str) -> Option<&str> {
    let (scheme, _) = value.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// An e-mail address: one `@`, something before it, a domain with a dot after it, no spaces,
/// nothing invisible.
pub fn email(value: &str) -> Option<Problem> {
    if let Some(problem) = invisible(value, "e-mail address") {
        return Some(problem);
    }
    let valid = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !value
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';'))
            && !domain.contains('@')
    });
    (!valid).then(|| {
        (
            format!("invalid e-mail address \"{value}\""),
            Some("expected an address such as contact@example.org".into()),
        )
    })
}

/// A phone number: digits with spaces, `+`, `.`, `/`, `-`, parentheses; 6 to 20 digits.
pub fn phone(value: &str) -> Option<Problem> {
    let allowed =
        value.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '.' | '/' | '-' | '(' | ')'));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let plus_first = value.rfind('+').is_none_or(|i| i == 0);
    (!(allowed && plus_first && (6..=20).contains(&digits))).then(|| {
        (
            format!("invalid phone number \"{value}\""),
            Some("expected digits, spaces and + . / - ( ), such as +32 4 221 92 00".into()),
        )
    })
}

/// Booking: a web address, an e-mail address (with or without `mailto:`), a phone number
/// (with or without `tel:`), or free text ("sur place"). A link must be safe to follow.
pub fn booking(value: &str) -> Option<Problem> {
    let lower = value.to_ascii_lowercase();
    if let Some(address) = lower.strip_prefix("mailto:") {
        return email(address);
    }
    if let Some(number) = lower.strip_prefix("tel:") {
        return phone(number);
    }
    // Browsers ignore blanks and control characters inside a scheme: "java script:" runs.
    let compact: String = lower.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let dangerous = ["javascript:", "vbscript:", "data:", "file:"].iter().any(|s| compact.starts_with(s));
    let link = lower.starts_with("www.") || (scheme(value).is_some() && !value.contains(' '));
    if dangerous || link {
        return web_address(value);
    }
    if value.contains('@') && !value.contains(' ') {
        return email(value);
    }
    None
}

/// An ISO 639-1 code: two lowercase letters.
pub fn language(value: &str) -> Option<Problem> {
    if value.len() == 2 && value.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let hint = match passerelle_index::fold::key(value).as_str() {
        v if v.len() == 2 && v.bytes().all(|b| b.is_ascii_lowercase()) => format!("did you mean \"{v}\"?"),
        "francais" | "french" => "did you mean \"fr\"?".into(),
        "anglais" | "english" => "did you mean \"en\"?".into(),
        "neerlandais" | "dutch" | "nederlands" => "did you mean \"nl\"?".into(),
        "allemand" | "german" | "deutsch" => "did you mean \"de\"?".into(),
        "arabe" | "arabic" => "did you mean \"ar\"?".into(),
        "espagnol" | "spanish" => "did you mean \"es\"?".into(),
        "italien" | "italian" => "did you mean \"it\"?".into(),
        "turc" | "turkish" => "did you mean \"tr\"?".into(),
        _ => "expected a two-letter ISO 639-1 code such as fr, nl, en".into(),
    };
    Some((format!("invalid language code \"{value}\""), Some(hint)))
}

#[cfg(test)]
mod tests;
