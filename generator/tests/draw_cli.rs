//! `passerelle draw` as users run it, on a copy of the shipped project: the standalone script
//! the site ships (`draws/verify.py`, run with python3) prints the same result as
//! `passerelle draw --verify` and the same groups as the draw's page; `--announce` writes only
//! the hash; tampering with the pool or a seed given too early makes `--verify` fail with its
//! diagnostic.

mod support;

use std::path::Path;
use std::process::{Command, Output};
use support::build::{project, TODAY};

const DRAWN: &str = "equipages-2026";
const ANNOUNCED: &str = "equipages-printemps-2027";

fn passerelle(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env("PASSERELLE_TODAY", TODAY)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `python3 script json`: python3 is a requirement of the test command (xtask checks it).
fn python(script: &Path, json: &Path) -> Output {
    Command::new("python3")
        .arg(script)
        .arg(json)
        .output()
        .expect("python3 must be installed to run the shipped verification script")
}

/// The member ids of each group, in order, from the lines `  group N: a, b, c` under `groups:`.
fn groups_of(report: &str) -> Vec<Vec<String>> {
    report
        .lines()
        .skip_while(|l| *l != "groups:")
        .take_while(|l| !l.starts_with("waiting list:"))
        .filter_map(|l| l.trim().strip_prefix("group ").and_then(|l| l.split_once(": ")))
        .filter(|(n, _)| n.parse::<u32>().is_ok())
        .map(|(_, members)| members.split(", ").map(str::to_owned).collect())
        .collect()
}

/// The operator ids linked from each group's section of the draw page, in order.
fn groups_on_page(html: &str) -> Vec<Vec<String>> {
    let mut groups = Vec::new();
    for part in html.split("<section class=\"draw-group\"").skip(1) {
        let section = part.split("</section>").next().unwrap_or_default();
        let ids = section
            .split("operators/")
            .skip(1)
            .filter_map(|s| s.split(['/', '.', '"']).next())
            .map(str::to_owned)
            .collect();
        groups.push(ids);
    }
    groups
}

// The shipped script, run on the shipped draw's published inputs, prints exactly what
// `passerelle draw` prints, `--verify` says the published result holds, and the page shows the
// same groups.
#[test]
fn shipped_script_agrees_with_verify_and_the_page() {
    let dir = project();
    let site = dir.path().join("site");
    let built = passerelle(dir.path(), &["build", "--out", site.to_str().expect("utf-8")]);
    assert!(built.status.success(), "{}", text(&built.stderr));

    let script = site.join("draws/verify.py");
    let by_script = python(&script, &site.join(format!("draws/{DRAWN}.json")));
    assert_eq!(by_script.status.code(), Some(0), "{}", text(&by_script.stderr));
    let verified = passerelle(dir.path(), &["draw", DRAWN, "--verify"]);
    assert_eq!(verified.status.code(), Some(0), "{}", text(&verified.stderr));
    let (script_out, verify_out) = (text(&by_script.stdout), text(&verified.stdout));
    let (body, verdict) = verify_out.rsplit_once("verify: ").expect("a verdict line");
    assert_eq!(body, script_out, "the script prints what `passerelle draw --verify` prints");
    assert!(verdict.starts_with("the published result holds"), "{verify_out}");

    let groups = groups_of(&script_out);
    assert_eq!(groups.len(), 4);
    assert!(groups.iter().all(|g| g.len() == 4), "{groups:?}");
    assert!(script_out.contains("replaced by maison-folklore-outremeuse (balance kept)"), "{script_out}");
    let page = std::fs::read_to_string(site.join(passerelle::render::views::record_path("draws", DRAWN)))
        .expect("the draw's page");
    assert_eq!(groups_on_page(&page), groups);

    let announced = python(&script, &site.join(format!("draws/{ANNOUNCED}.json")));
    assert_eq!(announced.status.code(), Some(0));
    assert!(text(&announced.stdout).ends_with("announced: the same hash\nseed: not known yet\n"));
}

// `--announce` on a pool whose hash was blanked writes back the very same bytes; announcing
// again changes nothing.
#[test]
fn announce_writes_only_the_hash() {
    let dir = project();
    let draws = dir.path().join("data/draws.csv");
    let original = std::fs::read(&draws).expect("draws.csv");
    let line = text(&original).lines().find(|l| l.starts_with(ANNOUNCED)).expect("row").to_owned();
    let hash = line.rsplit(',').next().expect("hash").to_owned();
    assert_eq!(hash.len(), 64);
    std::fs::write(&draws, text(&original).replace(&hash, "")).expect("blank the hash");

    let out = passerelle(dir.path(), &["draw", ANNOUNCED, "--announce"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(&hash));
    assert_eq!(std::fs::read(&draws).expect("draws.csv"), original, "every other byte kept");
    let again = passerelle(dir.path(), &["draw", ANNOUNCED, "--announce"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(text(&again.stdout).contains("already announced"));
    assert_eq!(std::fs::read(&draws).expect("draws.csv"), original);
}

// A volunteer added after the announcement: `--verify` fails and names it, as `check` does.
#[test]
fn tampering_with_the_pool_fails_verify() {
    let dir = project();
    let volunteers = dir.path().join("data/volunteers.csv");
    let mut csv = std::fs::read_to_string(&volunteers).expect("volunteers.csv");
    csv.push_str(&format!("{DRAWN},espace-longdoz,2026-10-03,registered,,\n"));
    std::fs::write(&volunteers, csv).expect("write");
    let out = passerelle(dir.path(), &["draw", DRAWN, "--verify"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the pool of draw \"equipages-2026\" changed since it was announced: \"espace-longdoz\" was added after the announcement"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("DIFFERENT: the pool changed"));
    assert!(text(&out.stdout).contains("does NOT hold"));
    let check = passerelle(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
}

// A seed written before its source's date: `--verify` fails with the diagnostic; `--announce`
// on an unknown draw says which ones exist.
#[test]
fn seed_too_early_fails_verify() {
    let dir = project();
    let draws = dir.path().join("data/draws.csv");
    let csv = std::fs::read_to_string(&draws).expect("draws.csv");
    std::fs::write(&draws, csv.replace(",2027-01-08,,4,", ",2027-01-08,1 2 3 4 5 / 6 7,4,")).expect("write");
    let out = passerelle(dir.path(), &["draw", ANNOUNCED, "--verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr)
            .contains("a seed is given before its source's date (2027-01-08): it cannot be known yet"),
        "{}",
        text(&out.stderr)
    );
    let unknown = passerelle(dir.path(), &["draw", "equipages-2062", "--announce"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("no draw `equipages-2062`"), "{}", text(&unknown.stderr));
}
