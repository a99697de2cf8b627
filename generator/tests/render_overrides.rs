//! A site overrides any template by a file of the same name in `content/templates/`, any theme
//! file by one in `content/static/`, and ships its own files from `content/static/`.

mod support;

use support::render::{charter, config, content, pages, render};

// content/templates/<name> wins over the embedded template on every page that uses it, the
// others stay embedded; content/static/style.css replaces the stylesheet (under a new hashed
// name), and the city's other files are copied to static/.
#[test]
fn site_files_win_over_embedded_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("templates/partials")).expect("mkdir");
    std::fs::create_dir_all(content.join("static/logos")).expect("mkdir");
    std::fs::write(
        content.join("templates/partials/footer.html"),
        "<footer>Pied de la Ville — {{ t.nav.home }}</footer>\n",
    )
    .expect("write");
    std::fs::write(content.join("static/style.css"), "body { color: #000; }\n").expect("write");
    std::fs::write(content.join("static/logos/ville.svg"), "<svg/>").expect("write");

    let charter = charter();
    let files = render(&charter, &config("fr"), dir.path());
    for (path, html) in pages(&files) {
        assert!(html.contains("<footer>Pied de la Ville — Accueil</footer>"), "{path}: the override is used");
        assert!(html.contains("class=\"site-header\""), "{path}: the other templates stay embedded");
    }
    let (style, bytes) = files.iter().find(|(p, _)| p.starts_with("assets/style.")).expect("a stylesheet");
    assert_eq!(bytes.as_slice(), b"body { color: #000; }\n");
    assert!(pages(&files)["index.html"].contains(&format!("href=\"./{style}\"")));
    assert_eq!(files.get("static/logos/ville.svg").map(Vec::as_slice), Some(&b"<svg/>"[..]));
}

// A template error names the template and the line instead of failing silently.
#[test]
fn template_errors_are_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("content/templates")).expect("mkdir");
    std::fs::write(
        dir.path().join("content/templates/agenda.html"),
        "{% extends \"base.html\" %}{% block main %}{{ t.agenda.nope }}{% endblock %}",
    )
    .expect("write");
    let mut out = std::collections::BTreeMap::new();
    let err = passerelle::render::render_to(&charter(), &content(&config("fr"), dir.path()), &mut out)
        .expect_err("an undefined key fails");
    let text = format!("{err:#}");
    assert!(text.contains("agenda/index.html") && text.contains("agenda.html"), "{text}");
}

// A stylesheet override holding `</style><script>` is inlined into 404.html as CSS: the page
// has exactly its own `</style>` and no script.
#[test]
fn inlined_stylesheet_cannot_break_out_of_404() {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("static")).expect("mkdir");
    std::fs::write(content.join("static/style.css"), "body{}</style><script>alert(1)</script></STYLE >")
        .expect("write");
    let files = render(&charter(), &config("fr"), dir.path());
    let page = &pages(&files)["404.html"];
    let lower = page.to_ascii_lowercase();
    assert_eq!(lower.matches("</style").count(), 1, "{page}");
    // What HTML reads outside the style element (which ends at the first `</style`).
    let (before, rest) = lower.split_once("<style>").expect("an inline style");
    let (_, after) = rest.split_once("</style").expect("its end tag");
    assert!(!before.contains("<script") && !after.contains("<script"), "{page}");
}
