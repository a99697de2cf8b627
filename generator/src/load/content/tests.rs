use super::*;

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let base =
        [("content/site.toml", "title = \"t\"\n[coordination]\nname = \"n\"\nemail = \"e@example.org\"\n")];
    for (path, text) in base.iter().chain(files) {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

fn problems(diagnostics: &Diagnostics) -> Vec<String> {
    diagnostics.iter().map(|d| format!("{}:{}:{}: {}", d.file, d.line, d.column, d.message)).collect()
}

// TOML and YAML front matters give the same page; a page without one is refused.
#[test]
fn both_front_matters() {
    let (toml_front, body) = parse("+++\ntitle = \"La charte\"\nmenu = true\n+++\n# Texte\n").expect("toml");
    assert_eq!(toml_front.title, "La charte");
    assert!(toml_front.menu);
    assert_eq!(body, "# Texte\n");
    let (yaml_front, body) =
        parse("---\ntitle: \"La charte : mode d’emploi\"\nweight: 2\n---\nTexte").expect("yaml");
    assert_eq!(yaml_front.title, "La charte : mode d’emploi");
    assert_eq!(yaml_front.weight, 2);
    assert_eq!(body, "Texte");
    assert!(parse("# Pas de front matter").is_err());
    assert!(parse("+++\ntitle = \"x\"\n").is_err());
}

// Every problem of content/ is a diagnostic at its file, line and column, found by `check`:
// a page without front matter, an unknown key, a TOML error, a reserved name, a template
// syntax error.
#[test]
fn content_problems_are_diagnostics_with_their_place() {
    let dir = project(&[
        ("content/sans-titre.md", "# Pas de front matter\n"),
        ("content/inconnue.md", "+++\ntitle = \"x\"\ncouleur = \"rouge\"\n+++\n"),
        ("content/casse.md", "+++\ntitle = \"x\n+++\n"),
        ("content/offers.md", "+++\ntitle = \"x\"\n+++\n"),
        ("content/Majuscule.md", "+++\ntitle = \"x\"\n+++\n"),
        ("content/templates/home.html", "{% extends \"base.html\" %}\n{% block main %}{{ x }\n"),
        ("content/ok.md", "+++\ntitle = \"Bien\"\n+++\nTexte.\n"),
    ]);
    let mut diagnostics = Diagnostics::default();
    let content = load(dir.path(), &mut diagnostics).expect("reads").expect("site.toml is fine");
    let got = problems(&diagnostics);
    let expect = [
        "content/Majuscule.md:1:1: `Majuscule.md`: a content page's file name must be a slug",
        "content/casse.md:2:",
        "content/inconnue.md:3:1: front matter: unknown field `couleur`",
        "content/offers.md:1:1: `offers` is a section of the site",
        "content/sans-titre.md:1:1: a content page starts with a front matter",
        "content/templates/home.html:2:",
    ];
    for needle in expect {
        assert!(got.iter().any(|g| g.starts_with(needle)), "{needle} not in {got:#?}");
    }
    assert_eq!(content.pages.iter().map(|p| p.slug.as_str()).collect::<Vec<_>>(), ["ok"]);
}

// Symbolic links, FIFOs and devices anywhere in content/ are refused, never followed or read.
#[cfg(unix)]
#[test]
fn links_fifos_and_devices_are_refused() {
    let dir = project(&[("content/static/logo.svg", "<svg/>")]);
    let content = dir.path().join("content");
    let secret = tempfile::tempdir().expect("tempdir");
    std::fs::write(secret.path().join("id_rsa"), "PRIVATE").expect("write");
    std::os::unix::fs::symlink(secret.path().join("id_rsa"), content.join("static/passwd")).expect("link");
    std::os::unix::fs::symlink(secret.path(), content.join("static/keys")).expect("link to a folder");
    std::os::unix::fs::symlink("/dev/zero", content.join("static/zero")).expect("link to a device");
    std::fs::create_dir_all(content.join("templates")).expect("mkdir");
    std::os::unix::fs::symlink(secret.path().join("id_rsa"), content.join("templates/base.html"))
        .expect("link");
    std::os::unix::fs::symlink(secret.path().join("id_rsa"), content.join("lien.md")).expect("link");
    let status =
        std::process::Command::new("mkfifo").arg(content.join("static/pipe")).status().expect("mkfifo");
    assert!(status.success());
    let mut diagnostics = Diagnostics::default();
    let loaded = load(dir.path(), &mut diagnostics).expect("reads, never hangs").expect("config");
    let got = problems(&diagnostics);
    for (file, what) in [
        ("content/static/passwd", "a symbolic link"),
        ("content/static/keys", "a symbolic link"),
        ("content/static/zero", "a symbolic link"),
        ("content/static/pipe", "a named pipe (FIFO)"),
        ("content/templates/base.html", "a symbolic link"),
        ("content/lien.md", "a symbolic link"),
    ] {
        assert!(
            got.iter().any(|g| g.starts_with(&format!("{file}:1:1: {what}: refused"))),
            "{file} in {got:#?}"
        );
    }
    assert_eq!(loaded.statics.keys().collect::<Vec<_>>(), ["logo.svg"]);
    assert!(loaded.templates.is_empty());
}

// A broken or missing site.toml is a diagnostic, and the rest of content/ is still checked.
#[test]
fn site_toml_problems_are_diagnostics() {
    let dir = project(&[("content/casse.md", "pas de front matter")]);
    std::fs::write(dir.path().join("content/site.toml"), "title = \"t\"\n[coordination\n").expect("write");
    let mut diagnostics = Diagnostics::default();
    assert!(load(dir.path(), &mut diagnostics).expect("reads").is_none());
    let got = problems(&diagnostics);
    assert!(got.iter().any(|g| g.starts_with("content/site.toml:2:")), "{got:#?}");
    assert!(got.iter().any(|g| g.starts_with("content/casse.md:1:1")), "{got:#?}");
    std::fs::remove_file(dir.path().join("content/site.toml")).expect("rm");
    let mut diagnostics = Diagnostics::default();
    assert!(load(dir.path(), &mut diagnostics).expect("reads").is_none());
    assert!(problems(&diagnostics).iter().any(|g| g.starts_with("content/site.toml:1:1: missing")));
}
