//! `passerelle serve` end to end: the real binary on a free port of 127.0.0.1, with a copy of
//! the shipped project; killed when each test ends.

mod support;

use std::fs;
use support::build::*;

// The server serves the built site, injects the live-reload script into HTML responses only
// (never into the files on disk), rebuilds when a CSV changes, and on a data error keeps
// serving the last good site while reporting the error to the page.
#[test]
fn serves_rebuilds_and_reports_errors() {
    let project = project();
    let server = Server::start(project.path());

    let (code, csv) = server.get("/data/offers.csv");
    assert_eq!(code, 200, "{}", server.stderr());
    assert!(csv.starts_with("id,title,"));
    let (code, home) = server.get("/");
    assert_eq!(code, 200);
    assert!(home.contains("<script src=\"/__passerelle/live.js\""), "the home page carries the script");
    assert!(!fs::read_to_string(project.path().join("site/index.html"))
        .expect("home")
        .contains("__passerelle"));
    let (code, _) = server.get("/offers");
    assert_eq!(code, 301, "a folder without its slash is redirected, so relative links work");
    let (code, missing) = server.get("/no/such/page.html");
    assert_eq!(code, 404);
    assert!(missing.contains("/__passerelle/live.js"), "HTML answers carry the script");
    let (code, script) = server.get("/__passerelle/live.js");
    assert_eq!(code, 200);
    assert!(script.contains("location.reload"));
    for entry in fs::read_dir(project.path().join("site")).expect("site") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "html") {
            assert!(
                !fs::read_to_string(&path).expect("page").contains("__passerelle"),
                "{path:?} on disk is untouched"
            );
        }
    }
    let (_, events) = server.get("/__passerelle/events?since=none");
    let status: serde_json::Value = serde_json::from_str(&events).expect("status JSON");
    assert_eq!(status["errors"], serde_json::json!([]));

    edit_first_offer(project.path(), "title", "Un titre changé pendant que le serveur tourne");
    server
        .wait_for("/data/offers.csv", |body| body.contains("Un titre changé pendant que le serveur tourne"));

    edit_first_offer(project.path(), "operator", "operateur-inconnu");
    let events =
        server.wait_for("/__passerelle/events?since=none", |body| body.contains("operateur-inconnu"));
    assert!(events.contains("data/offers.csv:"), "{events}");
    let (code, csv) = server.get("/data/offers.csv");
    assert_eq!(code, 200);
    assert!(
        csv.contains("Un titre changé pendant que le serveur tourne"),
        "the last good site is still served"
    );
    assert!(server.stderr().contains("operateur-inconnu"), "the terminal shows the error too");
}

// A request cannot climb out of the site folder.
#[test]
fn refuses_paths_outside_the_site() {
    let project = project();
    fs::write(project.path().join("secret.txt"), "secret").expect("write");
    let server = Server::start(project.path());
    for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/data/..%2f..%2fsecret.txt"] {
        let (code, body) = server.get(path);
        assert!(!body.contains("secret") || code == 404, "{path}: {code} {body}");
        assert_ne!(code, 200, "{path}");
    }
}

// A port already taken is a clear error, at once.
#[test]
fn taken_port_is_a_clear_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port().to_string();
    let project = project();
    let output =
        passerelle().args(["serve", "--port", &port, "--root"]).arg(project.path()).output().expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("already in use") && stderr.contains("--port"), "{stderr}");
    assert!(!project.path().join("site").exists(), "nothing built before failing");
}

// Ctrl-C (SIGINT) stops the server cleanly: exit code 0, "stopped", no staging folder left.
#[cfg(unix)]
#[test]
fn stops_cleanly_on_ctrl_c() {
    let project = project();
    let mut server = Server::start(project.path());
    assert_eq!(server.get("/robots.txt").0, 200);
    let status =
        std::process::Command::new("kill").args(["-INT", &server.pid().to_string()]).status().expect("kill");
    assert!(status.success());
    let code = server.wait(std::time::Duration::from_secs(20));
    assert_eq!(code, Some(0), "{}", server.stderr());
    assert!(server.stderr().contains("stopped"), "{}", server.stderr());
    assert_eq!(leftovers(project.path()), Vec::<String>::new());
}

// DESIGN.md "Safety": the server answers only for this machine's names (no DNS rebinding), its
// redirects stay on the server (`//offers` never becomes `//offers/`, a protocol-relative URL
// to another host), and a flood of waiting long polls never starves page requests.
#[test]
fn answers_only_locally_and_never_redirects_away() {
    let project = project();
    let server = Server::start(project.path());
    let port = server.address.rsplit(':').next().expect("port").to_owned();
    for host in [server.address.clone(), format!("localhost:{port}"), format!("[::1]:{port}")] {
        let (code, _, _) = server.get_as("/", &host);
        assert_eq!(code, 200, "Host: {host}");
    }
    for host in [format!("evil.example:{port}"), "127.0.0.1.nip.io".to_owned(), "attacker.example".to_owned()]
    {
        let (code, _, _) = server.get_as("/", &host);
        assert_eq!(code, 421, "Host: {host}");
    }
    for path in ["//offers", "///offers", "/offers"] {
        let (code, head, _) = server.get_as(path, &server.address);
        assert_eq!(code, 301, "{path}");
        let location = head.lines().find_map(|l| l.strip_prefix("Location: ")).expect("a Location");
        assert_eq!(location, "/offers/", "{path}");
    }
    // 40 long polls wait at once (more than the server's threads); pages are still served.
    let (_, status) = server.get("/__passerelle/events");
    let status: serde_json::Value = serde_json::from_str(&status).expect("JSON status");
    let generation = status["generation"].as_u64().expect("a generation");
    let poll = format!("GET /__passerelle/events?since={generation} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    let polls: Vec<_> = (0..40)
        .map(|_| {
            let stream = std::net::TcpStream::connect(&server.address).expect("connect");
            let mut writer = stream.try_clone().expect("clone");
            std::io::Write::write_all(&mut writer, poll.as_bytes()).expect("poll");
            stream
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let start = std::time::Instant::now();
    let (code, _) = server.get("/offers/index.html");
    assert_eq!(code, 200);
    assert!(start.elapsed() < std::time::Duration::from_secs(10), "pages wait behind long polls");
    drop(polls);
}
