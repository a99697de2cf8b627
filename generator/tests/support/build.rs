//! Helpers shared by the `build*` and `serve*` integration tests: the shipped project copied
//! into a temporary folder, the real binary with the day pinned, folder snapshots, a minimal
//! HTTP client and a server that is killed when the test ends.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

pub use super::{copy_tree, repo_root, TODAY};

/// A copy of the shipped project (`data/`, `content/`) in a temporary folder.
pub fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for folder in ["data", "content"] {
        copy_tree(&repo_root().join(folder), &dir.path().join(folder));
    }
    dir
}

/// The `passerelle` binary, with the day pinned.
pub fn passerelle() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_passerelle"));
    command.env("PASSERELLE_TODAY", TODAY).env_remove("RUST_LOG");
    command
}

/// Runs `passerelle build --root ROOT [--out OUT]`.
pub fn build(root: &Path, out: Option<&Path>) -> Output {
    let mut command = passerelle();
    command.arg("build").arg("--root").arg(root);
    if let Some(out) = out {
        command.arg("--out").arg(out);
    }
    command.output().expect("run passerelle")
}

/// Like [`build`], failing the test unless the build succeeds.
pub fn build_ok(root: &Path, out: Option<&Path>) -> String {
    let output = build(root, out);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "build failed:\n{stderr}");
    stderr
}

/// Every file under `dir` by relative path, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files(dir).into_iter().map(|(rel, path)| (rel, std::fs::read(path).expect("read"))).collect()
}

/// Every file under `dir` by relative path, with its modification time and inode.
pub fn stamps(dir: &Path) -> BTreeMap<String, (SystemTime, u64)> {
    files(dir)
        .into_iter()
        .map(|(rel, path)| {
            let meta = std::fs::metadata(path).expect("metadata");
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&meta);
            #[cfg(not(unix))]
            let inode = 0;
            (rel, (meta.modified().expect("mtime"), inode))
        })
        .collect()
}

fn files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("prefix").to_string_lossy().replace('\\', "/");
                out.push((rel, path));
            }
        }
    }
    out
}

/// The names of the entries of `dir` that a build left beside its output (staging folders).
pub fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".passerelle-"))
        .collect()
}

/// Rewrites one cell of `data/offers.csv` (the first offer's `column`) to `value`; returns
/// the first offer's id.
pub fn edit_first_offer(root: &Path, column: &str, value: &str) -> String {
    let path = root.join("data/offers.csv");
    let mut reader = csv::Reader::from_path(&path).expect("offers.csv");
    let headers = reader.headers().expect("headers").clone();
    let index = headers.iter().position(|h| h == column).expect("column");
    let mut records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let id = records[0][0].to_owned();
    let mut fields: Vec<String> = records[0].iter().map(str::to_owned).collect();
    fields[index] = value.to_owned();
    records[0] = csv::StringRecord::from(fields);
    let mut writer = csv::Writer::from_path(&path).expect("write offers.csv");
    writer.write_record(&headers).expect("headers");
    for record in &records {
        writer.write_record(record).expect("record");
    }
    writer.flush().expect("flush");
    id
}

/// `passerelle serve` running on a free port of 127.0.0.1; killed when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub address: String,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `passerelle serve --root ROOT --port 0` and waits (60 s at most) for its URL.
    pub fn start(root: &Path) -> Server {
        let mut child = passerelle()
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start passerelle serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = err.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("lock").push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = tx.send(line);
            }
        });
        let mut server = Server { child, address: String::new(), stderr };
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no URL printed; stderr:\n{}", server.stderr()));
        let start = line.find("http://127.0.0.1:").unwrap_or_else(|| panic!("no URL in {line:?}"));
        let address = line[start + "http://".len()..].split('/').next().expect("address").to_owned();
        server.address = address;
        server
    }

    /// GETs `path`: the status code and the body.
    pub fn get(&self, path: &str) -> (u16, String) {
        let (code, _, body) = self.get_as(path, &self.address);
        (code, body)
    }

    /// GETs `path` with `host` as its Host header: the status code, the head and the body.
    pub fn get_as(&self, path: &str, host: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(40))).expect("timeout");
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").expect("request");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("response");
        let text = String::from_utf8_lossy(&response).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let code = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        (code, head.to_owned(), body.to_owned())
    }

    /// GETs `path` until `done` holds for its body, for 20 s at most.
    pub fn wait_for(&self, path: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let (_, body) = self.get(path);
            if done(&body) {
                return body;
            }
            assert!(Instant::now() < deadline, "{path} did not change in 20 s; stderr:\n{}", self.stderr());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the server to exit by itself (`timeout` at most): its exit code.
    pub fn wait(&mut self, timeout: Duration) -> Option<i32> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// What the server printed on stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("lock").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
