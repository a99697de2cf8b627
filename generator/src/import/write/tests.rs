use super::*;
use crate::load::tables::OPERATORS;

fn table(text: &[u8]) -> (tempfile::TempDir, TableFile) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("data")).expect("mkdir");
    std::fs::write(dir.path().join("data/operators.csv"), text).expect("write");
    let file = TableFile::read(dir.path(), &OPERATORS, None).expect("read");
    (dir, file)
}

// Untouched records keep their bytes (BOM, CRLF, `;`, quoting); a changed one is rewritten
// in the file's dialect; new ones are appended; the added column widens every line.
#[test]
fn untouched_bytes_are_kept() {
    let text = "\u{feff}id;name;kind\r\na;\"Les \"\"A\"\"\";association\r\nb;B;\"school\"\r\n";
    let (_dir, file) = table(text.as_bytes());
    let mut plan = Plan::default();
    plan.changes.insert(1, vec![("name", "B; bis".into())]);
    plan.appended.push(vec![
        ("id", "c".into()),
        ("name", "C".into()),
        ("kind", "artist".into()),
        ("source", "s:1".into()),
    ]);
    plan.added_columns = vec!["source"];
    let out = String::from_utf8(compose(&file, &plan).expect("compose")).expect("utf-8");
    assert_eq!(
        out,
        "\u{feff}id;name;kind;source\r\na;\"Les \"\"A\"\"\";association;\r\nb;\"B; bis\";school;\r\nc;C;artist;s:1\r\n"
    );
}

// Without added columns an append leaves the old bytes a prefix of the new ones, even
// without a final line break; Windows-1252 stays Windows-1252.
#[test]
fn append_keeps_a_prefix() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("id,name,kind\nété,Été,association");
    let (_dir, file) = table(&bytes);
    let mut plan = Plan::default();
    plan.appended.push(vec![("id", "noel".into()), ("name", "Noël".into())]);
    let out = compose(&file, &plan).expect("compose");
    assert!(out.starts_with(&bytes));
    let (tail, _, _) = encoding_rs::WINDOWS_1252.encode("\nnoel,Noël,\n");
    assert!(out.ends_with(&tail), "{out:?}");
}

// An atomic write leaves no temporary file behind.
#[test]
fn atomic_write_leaves_no_temp() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.csv");
    crate::fs::replace(&path, b"x\n").expect("write");
    crate::fs::replace(&path, b"y\n").expect("write");
    assert_eq!(std::fs::read(&path).expect("read"), b"y\n");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}
