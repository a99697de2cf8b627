//! `passerelle serve`: build, serve the site on 127.0.0.1, rebuild on change, reload the page.
//!
//! - The site is built into `ROOT/site` as by `passerelle build` (atomic: a failed rebuild
//!   leaves the last good site in place, and it stays served).
//! - `ROOT/data/` and `ROOT/content/` (template overrides included) are watched with `notify`;
//!   bursts of events (an editor's save) are debounced into one rebuild.
//! - Served HTML gets a live-reload script tag on the way out (never on disk): the page reloads
//!   after a good rebuild and lists the errors of a bad one in an overlay; the terminal shows
//!   them too ([`live`]).
//! - Ctrl-C interrupts a rebuild in progress (its staging folder is removed) and stops.
//!
//! HTTP: `tiny_http`, a small synchronous server (a few dependencies, quick to compile on
//! two cores), answered by a fixed pool of [`WORKERS`] threads fed through a bounded queue: a
//! flood of connections waits in the queue instead of spawning a thread each. Only requests
//! whose `Host` is this machine (`127.0.0.1`, `localhost`, `[::1]`) are answered, so a web page
//! elsewhere cannot reach the server through DNS rebinding; redirects never leave the server.

mod http;
mod live;

use crate::progress;
use crate::{Diagnostic, Options, Severity};
use anyhow::{anyhow, Context, Result};
use live::Live;
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult};
use std::io::Write;
use std::path::Path;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The threads that answer requests (long polls included: see [`live::MAX_POLLS`]).
const WORKERS: usize = 16;

/// How long the watcher waits for a burst of file events to end before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// Serves the site of `root` on `127.0.0.1:port` (0: any free port) until Ctrl-C; opens a
/// browser on it when `open`.
pub fn serve(root: &Path, port: u16, open: bool) -> Result<()> {
    let out = crate::default_out(root);
    let live = Arc::new(Live::default());
    // Listen first, so a taken port fails at once; requests wait in the backlog meanwhile.
    let server = Arc::new(bind(port)?);
    rebuild(root, &out, &live);
    let address = server.server_addr().to_ip().ok_or_else(|| anyhow!("the server has no IP address"))?;
    let url = format!("http://{address}/");
    println!("Serving {} at {url} (Ctrl-C to stop)", out.display());
    let _ = std::io::stdout().flush();

    let (events, changes) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, events).context("cannot watch files for changes")?;
    for folder in ["data", "content"] {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer
                .watcher()
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch `{}`", path.display()))?;
        } else {
            eprintln!("note: `{}` does not exist, so it is not watched", path.display());
        }
    }
    let rebuilder = {
        let (root, out, live) = (root.to_path_buf(), out.clone(), Arc::clone(&live));
        std::thread::spawn(move || {
            while changes.recv().is_ok() {
                while changes.try_recv().is_ok() {}
                rebuild(&root, &out, &live);
            }
        })
    };
    {
        let server = Arc::clone(&server);
        ctrlc::set_handler(move || {
            crate::write::interrupt();
            server.unblock();
        })
        .context("cannot handle Ctrl-C")?;
    }
    if open {
        open_browser(&url);
    }

    let (queue, requests) = mpsc::sync_channel::<tiny_http::Request>(WORKERS * 4);
    let requests = Arc::new(std::sync::Mutex::new(requests));
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (out, live, requests) = (out.clone(), Arc::clone(&live), Arc::clone(&requests));
            std::thread::spawn(move || loop {
                let next = requests.lock().map_err(drop).and_then(|r| r.recv().map_err(drop));
                let Ok(request) = next else { break };
                http::handle(request, &out, &live);
            })
        })
        .collect();
    for request in server.incoming_requests() {
        if queue.send(request).is_err() {
            break;
        }
    }
    drop(queue);
    for worker in workers {
        let _ = worker.join();
    }
    drop(debouncer);
    let _ = rebuilder.join();
    eprintln!("stopped");
    Ok(())
}

/// Listens on 127.0.0.1:`port`, with a clear message when the port is taken.
fn bind(port: u16) -> Result<tiny_http::Server> {
    tiny_http::Server::http(("127.0.0.1", port)).map_err(|error| {
        let in_use = error.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::AddrInUse);
        if in_use {
            anyhow!("port {port} is already in use on 127.0.0.1 (is another `passerelle serve` running?): choose another with --port")
        } else {
            anyhow!("cannot listen on 127.0.0.1:{port}: {error}")
        }
    })
}

/// Builds the site, tells the terminal, and publishes the outcome to the open pages.
fn rebuild(root: &Path, out: &Path, live: &Live) {
    let started = Instant::now();
    let result = Options::from_env().and_then(|options| crate::build(root, out, &options));
    match result {
        Ok(built) => {
            for diagnostic in built.diagnostics.iter() {
                eprintln!("{}", line(diagnostic));
            }
            match built.report {
                Some(report) => {
                    let seconds = started.elapsed().as_secs_f64();
                    eprintln!("built {}: {} ({seconds:.2} s)", out.display(), progress::summary(&report));
                    live.publish(!report.up_to_date, Vec::new());
                }
                None => {
                    let errors: Vec<String> = built
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity == Severity::Error)
                        .map(line)
                        .collect();
                    eprintln!(
                        "{} errors: the site was not rebuilt; the last good one is still served",
                        errors.len()
                    );
                    live.publish(false, errors);
                }
            }
        }
        Err(error) => {
            let message = format!("error: {error:#}");
            eprintln!("{message}\n(the last good site is still served)");
            live.publish(false, vec![message]);
        }
    }
}

/// `file:line:column: error: message`, and its hint on a second line.
fn line(d: &Diagnostic) -> String {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut text = format!("{}:{}:{}: {severity}: {}", d.file, d.line, d.column, d.message);
    if let Some(hint) = &d.hint {
        text.push_str(&format!("\n  hint: {hint}"));
    }
    text
}

/// Opens `url` in the desktop's browser, best effort.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let spawned = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        eprintln!("could not open a browser: open {url} yourself");
    }
}
