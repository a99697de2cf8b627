//! The print stage end to end with the real binary: the catalogue and one poster per district
//! are written, two builds give the same bytes, a PDF whose inputs did not change is kept as it
//! is (not typeset, not rewritten), and one whose inputs changed is typeset again. (The PDFs'
//! content is read by independent tools in xtask/browser/tests/print.test.mjs.)

mod support;

use std::fs;
use std::path::Path;
use support::build::*;

fn pdfs(site: &Path) -> Vec<String> {
    let mut names: Vec<String> = snapshot(site).into_keys().filter(|p| p.ends_with(".pdf")).collect();
    names.sort();
    names
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).expect("metadata"))
}

// The catalogue and a poster per district, PDF files, the same bytes from two builds.
#[test]
fn the_catalogue_and_posters_are_deterministic_pdfs() {
    let project = project();
    let (a, b) = (project.path().join("a"), project.path().join("b"));
    build_ok(project.path(), Some(&a));
    build_ok(project.path(), Some(&b));
    let names = pdfs(&a);
    let districts =
        fs::read_to_string(project.path().join("data/districts.csv")).expect("districts").lines().count() - 1;
    assert!(names.contains(&"catalogue.pdf".to_owned()), "{names:?}");
    assert_eq!(names.iter().filter(|n| n.ends_with(".affiche.pdf")).count(), districts, "{names:?}");
    for name in &names {
        let bytes = fs::read(a.join(name)).expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"), "{name} is a PDF");
        assert_eq!(bytes, fs::read(b.join(name)).expect("pdf"), "{name}: two builds, the same bytes");
    }
}

// A rebuild after an edit that no PDF shows keeps every PDF (same inode); an edit to an offer
// title typesets the catalogue again.
#[cfg(unix)]
#[test]
fn a_pdf_is_typeset_again_only_when_its_inputs_change() {
    let project = project();
    let site = project.path().join("site");
    build_ok(project.path(), Some(&site));
    let before: Vec<(String, u64)> =
        pdfs(&site).into_iter().map(|n| (n.clone(), inode(&site.join(&n)))).collect();
    fs::write(
        project.path().join("content/nouvelle-page.md"),
        "+++\ntitle = \"Nouvelle page\"\n+++\nTexte.\n",
    )
    .expect("add a page");
    build_ok(project.path(), Some(&site));
    for (name, ino) in &before {
        assert_eq!(inode(&site.join(name)), *ino, "{name} was kept, not rewritten");
    }
    let keys = fs::read_to_string(site.join(".passerelle-print")).expect("the print keys");
    assert_eq!(keys.lines().count(), before.len(), "one key per PDF:\n{keys}");
    let catalogue = fs::read(site.join("catalogue.pdf")).expect("catalogue");
    edit_first_offer(project.path(), "title", "Un titre neuf pour le catalogue");
    build_ok(project.path(), Some(&site));
    assert_ne!(fs::read(site.join("catalogue.pdf")).expect("catalogue"), catalogue, "typeset again");
}
