use super::*;
use crate::import::apply::MappedCell;

fn row(cells: &[(&'static str, &str)]) -> Mapped {
    let cells = cells
        .iter()
        .enumerate()
        .map(|(i, (field, value))| MappedCell {
            field,
            value: (*value).into(),
            line: 2,
            column: u32::try_from(i + 1).unwrap_or(0),
            fallback: None,
        })
        .collect();
    Mapped { line: 2, key: None, cells }
}

fn context(table: &'static str) -> Context {
    Context {
        table,
        vocabularies: Vocabularies::builtin(),
        districts: vec![("saint-leonard".into(), "Saint-Léonard".into())],
        ..Context::default()
    }
}

// Labels become codes, dates ISO, a bare host an https address (with a warning).
#[test]
fn values_as_data_expects_them() {
    let mut d = Diagnostics::default();
    let mut r = row(&[
        ("kind", "Musée"),
        ("accessibility", "Accessible en fauteuil roulant; wheelchair"),
        ("updated_on", "15/06/2026"),
        ("website", "www.musee.example.org"),
        ("district", "Saint Léonard"),
        ("lat", "50,64"),
        ("email", "mailto:info@example.org"),
    ]);
    assert!(normalize(&mut r, &context("venues"), "s.csv", &mut d, &mut Repeats::default()), "{d:?}");
    assert_eq!(r.get("kind"), "museum");
    assert_eq!(r.get("accessibility"), "wheelchair");
    assert_eq!(r.get("updated_on"), "2026-06-15");
    assert_eq!(r.get("website"), "https://www.musee.example.org");
    assert_eq!(r.get("district"), "saint-leonard");
    assert_eq!(r.get("lat"), "50.64");
    assert_eq!(r.get("email"), "info@example.org");
    let warning = d.iter().next().expect("a warning");
    assert_eq!((warning.severity, warning.column), (Severity::Warning, 4));
}

// An unknown code, a bad date and an unknown district are errors at their cells.
#[test]
fn errors_at_cells() {
    let mut d = Diagnostics::default();
    let mut r = row(&[("kind", "Château"), ("updated_on", "32/13/2026"), ("district", "Cointe")]);
    assert!(!normalize(&mut r, &context("venues"), "s.csv", &mut d, &mut Repeats::default()));
    let columns: Vec<u32> = d.iter().map(|x| x.column).collect();
    assert_eq!(columns, [1, 2, 3]);
}

// Past five corrections of one column, the rest are one summary line.
#[test]
fn repeated_warnings_are_counted() {
    let (mut d, mut repeats) = (Diagnostics::default(), Repeats::default());
    for i in 0..8 {
        let host = format!("www.site{i}.example.org");
        let mut r = row(&[("website", host.as_str())]);
        assert!(normalize(&mut r, &context("venues"), "s.csv", &mut d, &mut repeats));
        assert!(r.get("website").starts_with("https://"));
    }
    repeats.summarise("s.csv", &mut d);
    assert_eq!(d.warning_count(), 6);
    assert!(d.iter().last().is_some_and(|w| w.message == "website: 3 more values corrected as above"));
}
