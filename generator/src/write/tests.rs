use super::stamp::Stamp;
use super::*;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Every file under `dir`, by relative path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("prefix").to_string_lossy().into_owned();
            (rel, fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Builds a site at `out` from `(path, text)` pairs.
fn build(out: &Path, files: &[(&str, &str)]) -> Report {
    let mut staging = Staging::new(out).expect("staging");
    for (path, text) in files {
        staging.put(path, text.as_bytes()).expect("put");
    }
    staging.commit().expect("commit")
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
}

// Paths that leave the site root or are ambiguous are refused.
#[test]
fn put_rejects_paths_outside_the_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut staging = Staging::new(&dir.path().join("site")).expect("staging");
    for bad in ["../x", "/etc/passwd", "a/../b", "", "a//b", "./a", "a\\b", "c:/x", "a/"] {
        assert!(staging.put(bad, b"x").is_err(), "{bad:?} accepted");
    }
    assert!(staging.put(STAMP, b"x").is_err(), "the stamp is reserved");
    staging.put("a/b.html", b"x").expect("a plain path");
}

// A path put twice is a program error, reported rather than silently overwritten.
#[test]
fn put_twice_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut staging = Staging::new(&dir.path().join("site")).expect("staging");
    staging.put("index.html", b"one").expect("first");
    let error = staging.put("index.html", b"two").expect_err("second").to_string();
    assert!(error.contains("put twice"), "{error}");
}

// A first build creates the site with its stamp, and no staging folder stays beside it.
#[test]
fn first_commit_creates_the_site() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("site");
    let report = build(&out, &[("index.html", "home"), ("offers/a/index.html", "a")]);
    assert_eq!(report, Report { written: 2, ..Report::default() });
    assert_eq!(fs::read_to_string(out.join("offers/a/index.html")).expect("page"), "a");
    assert!(out.join(STAMP).is_file());
    assert_eq!(names(dir.path()), ["site"]);
}

// A rebuild keeps identical files as they were (same inode and mtime), writes changed ones and
// counts the files that disappeared.
#[test]
fn identical_files_are_kept_not_rewritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("site");
    build(&out, &[("same.html", "same"), ("changed.html", "old"), ("gone.html", "gone")]);
    let before = fs::metadata(out.join("same.html")).expect("meta");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let report = build(&out, &[("same.html", "same"), ("changed.html", "new")]);
    assert_eq!(report, Report { written: 1, unchanged: 1, removed: 1, up_to_date: false });
    let after = fs::metadata(out.join("same.html")).expect("meta");
    assert_eq!(before.modified().expect("mtime"), after.modified().expect("mtime"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(before.ino(), after.ino(), "the same file, not a copy");
    }
    assert_eq!(fs::read_to_string(out.join("changed.html")).expect("page"), "new");
    assert!(!out.join("gone.html").exists());
    assert_eq!(names(dir.path()), ["site"]);
}

// Between two builds a file may become a folder and a folder a file; emptied folders go.
#[test]
fn files_and_folders_may_trade_places() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("site");
    build(&out, &[("a", "file"), ("b/x.html", "x"), ("c/d/e.html", "e")]);
    let report = build(&out, &[("a/index.html", "now a folder"), ("b", "now a file")]);
    assert_eq!(report, Report { written: 2, unchanged: 0, removed: 3, up_to_date: false });
    let files: Vec<String> = snapshot(&out).into_keys().collect();
    assert_eq!(files, [STAMP, "a/index.html", "b"]);
    assert!(!out.join("c").exists(), "emptied folders are removed");
    assert_eq!(names(dir.path()), ["site"]);
}

// A build that fails midway (here an I/O error: its staging folder vanished) leaves the
// previous site byte-identical and no staging folder.
#[test]
fn failed_build_leaves_previous_site_and_no_temp_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("site");
    build(&out, &[("index.html", "home"), ("a/b.html", "b")]);
    let before = snapshot(&out);
    {
        let mut staging = Staging::new(&out).expect("staging");
        staging.put("index.html", b"new home").expect("put");
        let tmp = dir.path().join(
            names(dir.path()).into_iter().find(|n| n.contains("passerelle-tmp")).expect("staging folder"),
        );
        fs::remove_dir_all(&tmp).expect("pull the floor");
        assert!(staging.put("x.html", b"x").is_err(), "the write fails");
    }
    assert_eq!(snapshot(&out), before);
    assert_eq!(names(dir.path()), ["site"]);
}

// One path cannot be both a file and a folder of the site, in either order.
#[test]
fn a_path_is_a_file_or_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut staging = Staging::new(&dir.path().join("site")).expect("staging");
    staging.put("a/b/c.html", b"x").expect("put");
    assert!(staging.put("a/b", b"x").is_err(), "a folder already");
    staging.put("d", b"x").expect("put");
    assert!(staging.put("d/e.html", b"x").is_err(), "a file already");
}

// A folder that Passerelle did not write is never replaced; an empty one is.
#[test]
fn refuses_to_replace_a_foreign_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("project");
    fs::create_dir(&out).expect("mkdir");
    fs::write(out.join("precious.txt"), "keep me").expect("write");
    let error = Staging::new(&out).expect_err("refused").to_string();
    assert!(error.contains("refusing"), "{error}");
    assert_eq!(fs::read_to_string(out.join("precious.txt")).expect("kept"), "keep me");
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    build(&empty, &[("index.html", "x")]);
    assert!(empty.join("index.html").is_file());
}

// The stamp round-trips, and `up_to_date` holds only for the same fingerprint and an intact site.
#[test]
fn up_to_date_needs_same_fingerprint_and_intact_site() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("project");
    fs::create_dir_all(root.join("data")).expect("mkdir");
    fs::write(root.join("data/offers.csv"), "id\na\n").expect("write");
    let fingerprint = Fingerprint::of(&root, day()).expect("hash").expect("binary readable");
    let out = dir.path().join("site");
    let mut staging = Staging::new(&out).expect("staging").with_fingerprint(Some(fingerprint.clone()));
    staging.put("index.html", b"home").expect("put");
    staging.put("data/offers.csv", b"id\na\n").expect("put");
    staging.commit().expect("commit");

    let stamp = Stamp::parse(&fs::read_to_string(out.join(STAMP)).expect("stamp")).expect("parses");
    assert_eq!(stamp.fingerprint, Some(fingerprint.clone()));
    assert_eq!(stamp.files, 2);
    let report = up_to_date(&out, Some(&fingerprint)).expect("up to date");
    assert_eq!(report, Report { unchanged: 2, up_to_date: true, ..Report::default() });

    let other = Fingerprint::of(&root, day().succ_opt().expect("day")).expect("hash");
    assert!(up_to_date(&out, other.as_ref()).is_none(), "another day is another build");
    assert!(up_to_date(&out, None).is_none());
    fs::remove_file(out.join("index.html")).expect("rm");
    assert!(up_to_date(&out, Some(&fingerprint)).is_none(), "a damaged site is rebuilt");
    fs::write(out.join("index.html"), "home").expect("restore");
    assert!(up_to_date(&out, Some(&fingerprint)).is_some());
    fs::remove_dir_all(out.join("data")).expect("rm");
    assert!(up_to_date(&out, Some(&fingerprint)).is_none(), "a folder deleted");
}

// The fingerprint follows the bytes, names and presence of input files, and nothing else.
#[test]
fn fingerprint_follows_the_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::create_dir_all(root.join("data")).expect("mkdir");
    fs::create_dir_all(root.join("content/templates")).expect("mkdir");
    fs::write(root.join("data/offers.csv"), "id\na\n").expect("write");
    let of = || Fingerprint::of(root, day()).expect("hash").expect("binary");
    let first = of();
    assert_eq!(of(), first, "stable");
    assert_eq!(Fingerprint::parse(&first.to_string()), Some(first.clone()));
    fs::write(root.join("site.txt"), "not an input").expect("write");
    assert_eq!(of(), first, "files outside data/ and content/ do not count");
    fs::write(root.join("data/offers.csv"), "id\nb\n").expect("write");
    let second = of();
    assert_ne!(second, first, "new bytes");
    fs::write(root.join("content/templates/page.html"), "").expect("write");
    assert_ne!(of(), second, "a new (even empty) template override");
}

// Staging folders left by a killed build of another process are cleaned up by the next one.
#[test]
fn stale_staging_folders_are_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let stale = dir.path().join(".site.passerelle-tmp-4000000000-0");
    fs::create_dir_all(stale.join("offers")).expect("mkdir");
    if !Path::new("/proc").is_dir() {
        return; // elsewhere only folders older than an hour go
    }
    build(&dir.path().join("site"), &[("index.html", "x")]);
    assert_eq!(names(dir.path()), ["site"]);
}

// Files put in a batch (written on every core) give the same site and the same report as the
// same files put one by one, over a previous site too; a batch with a bad path fails whole.
#[test]
fn put_all_equals_put_one_by_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first: Vec<(String, Vec<u8>)> =
        (0..200).map(|i| (format!("offers/o{i}.html"), format!("offre {i}").into_bytes())).collect();
    let second: Vec<(String, Vec<u8>)> = (0..220)
        .map(|i| {
            (
                format!("offers/o{i}.html"),
                format!("offre {}", if i % 3 == 0 { i + 1000 } else { i }).into_bytes(),
            )
        })
        .collect();
    let (one, all) = (dir.path().join("one"), dir.path().join("all"));
    let mut reports = Vec::new();
    for files in [&first, &second] {
        let mut staging = Staging::new(&one).expect("staging");
        for (path, bytes) in files.iter() {
            staging.put(path, bytes).expect("put");
        }
        let by_one = staging.commit().expect("commit");
        let mut staging = Staging::new(&all).expect("staging");
        staging.put_all(files).expect("put_all");
        reports.push((by_one, staging.commit().expect("commit")));
    }
    for (by_one, by_all) in &reports {
        assert_eq!(by_one, by_all);
    }
    assert_eq!(reports[1].1.unchanged, 200 - 67, "two thirds unchanged");
    assert_eq!(snapshot(&one), snapshot(&all));
    let mut staging = Staging::new(&dir.path().join("bad")).expect("staging");
    assert!(staging.put_all(&[("ok.html".into(), b"x".to_vec()), ("../x".into(), b"x".to_vec())]).is_err());
}
