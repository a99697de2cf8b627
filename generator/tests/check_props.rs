//! Property: nothing a user puts in an input file makes `check` panic. Arbitrary bytes, and
//! valid files with random bytes spliced in, in every table, the GeoJSON and the vocabulary.

mod support;

use passerelle::diagnostics::render;
use proptest::prelude::*;

const FILES: [&str; 8] = [
    "data/districts.csv",
    "data/districts.geojson",
    "data/operators.csv",
    "data/venues.csv",
    "data/offers.csv",
    "data/partnerships.csv",
    "data/vocabulary.csv",
    "data/holidays.csv",
];

/// Bytes that make CSV and JSON parsers work: delimiters, quotes, line breaks, BOMs, UTF-8
/// and Windows-1252 accents, digits, brackets.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        4 => any::<u8>(),
        3 => prop::sample::select(b",;\t\"\r\n|{}[]:.-/0123456789e \xEF\xBB\xBF\xC3\xA9\xE9".to_vec()),
    ]
}

/// `base` with `insert` spliced in at a fraction `at` of its length, replacing `remove` bytes.
fn splice(base: &[u8], at: f64, remove: usize, insert: &[u8]) -> Vec<u8> {
    // Truncation is wanted: a position in the file.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let start = ((base.len() as f64) * at) as usize;
    let start = start.min(base.len());
    let end = (start + remove).min(base.len());
    [&base[..start], insert, &base[end..]].concat()
}

fn check_survives(file: &str, bytes: &[u8]) {
    let project = support::project(None);
    std::fs::write(project.path().join(file), bytes).expect("write");
    let checked = passerelle::check(project.path(), &support::options()).expect("only I/O may fail");
    let _ = render::to_text(&checked.diagnostics, false);
    let _ = render::to_text(&checked.diagnostics, true);
    let _ = serde_json::to_string(&render::to_json(&checked.diagnostics)).expect("json");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    // Any bytes as any input file: diagnostics, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(file in prop::sample::select(FILES.to_vec()), bytes in prop::collection::vec(interesting_byte(), 0..600)) {
        check_survives(file, &bytes);
    }

    // A valid file damaged anywhere: diagnostics, never a panic.
    #[test]
    fn damaged_files_never_panic(
        file in prop::sample::select(FILES.to_vec()),
        at in 0.0..1.0f64,
        remove in 0usize..40,
        insert in prop::collection::vec(interesting_byte(), 0..40),
    ) {
        let base = std::fs::read(support::fixtures().join("base").join(file)).expect("base file");
        check_survives(file, &splice(&base, at, remove, &insert));
    }
}
