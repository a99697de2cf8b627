use super::*;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir.join("data")).unwrap_or_default();
    std::fs::write(dir.join("data").join(name), text).unwrap_or_default();
}

// French file names and headers load into the canonical records, with origins.
#[test]
fn french_files_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "Quartiers.csv", "id;nom;prioritaire\nbressoux;Bressoux;oui\n");
    write(
        dir.path(),
        "acteurs.csv",
        "id,nom,type,courriel\nmj,Maison des jeunes,association,mj@example.org\n",
    );
    write(
        dir.path(),
        "offres.csv",
        "id\ttitre\tporteur\trésumé\tdébut\natelier\tAtelier\tmj\tUn atelier.\t15/06/2026\n",
    );
    let mut d = Diagnostics::default();
    let records = load(dir.path(), &mut d).expect("load");
    assert!(d.is_empty(), "{d:?}");
    assert!(records.districts[0].priority);
    assert_eq!(records.operators[0].email.as_deref(), Some("mj@example.org"));
    let offer = &records.offers[0];
    assert_eq!(offer.starts_on, chrono::NaiveDate::from_ymd_opt(2026, 6, 15));
    assert_eq!(
        (&*offer.origin.file, offer.origin.line, offer.origin.column("summary")),
        ("data/offres.csv", 2, 20)
    );
}

// No data folder: one error per required table, no failure.
#[test]
fn missing_tables_are_diagnostics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Diagnostics::default();
    let records = load(dir.path(), &mut d).expect("load");
    assert!(records.offers.is_empty());
    let files: Vec<_> = d.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["data/districts.csv", "data/operators.csv", "data/offers.csv"]);
}
