//! Live reload: the state pages poll (a build generation and the errors of the last build) and
//! the script injected into served HTML that polls it, reloads the page after a good build and
//! shows an overlay listing the errors after a bad one.
//!
//! The script is served from `/__passerelle/live.js` and injected as one `<script src>` tag
//! (same origin, so a page's Content-Security-Policy of `'self'` allows it); it long-polls
//! `/__passerelle/events?since=GENERATION`, which answers at once when the generation differs,
//! else when it changes or after [`POLL`]. Nothing of this is ever written to the built files.

use serde::Serialize;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The script, served as `/__passerelle/live.js`.
pub const SCRIPT: &str = include_str!("live.js");

/// The longest a poll waits for a change before answering with the same generation.
pub const POLL: Duration = Duration::from_secs(25);

/// How many polls may wait at once (each holds one of the server's worker threads); past it,
/// a poll waits at most [`SHORT_POLL`], so pages and files are always served.
pub const MAX_POLLS: usize = 8;
const SHORT_POLL: Duration = Duration::from_secs(1);

/// What the page learns from a poll.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Status {
    /// Bumped by every build that changed the site or its errors.
    pub generation: u64,
    /// The errors of the last build, one line each; empty when it succeeded.
    pub errors: Vec<String>,
}

/// The status shared between the rebuilding thread and the request threads.
#[derive(Debug, Default)]
pub struct Live {
    status: Mutex<Status>,
    changed: Condvar,
    polls: std::sync::atomic::AtomicUsize,
}

impl Live {
    /// The current status.
    pub fn status(&self) -> Status {
        self.lock().clone()
    }

    /// Publishes a build's outcome: a new generation when the site changed (`changed`) or the
    /// errors did; pages then reload (no errors) or show them.
    pub fn publish(&self, changed: bool, errors: Vec<String>) {
        let mut status = self.lock();
        if changed || status.errors != errors {
            status.generation += 1;
            status.errors = errors;
            self.changed.notify_all();
        }
    }

    /// [`wait`](Self::wait), for at most `timeout` while fewer than [`MAX_POLLS`] polls wait,
    /// else for at most a second.
    pub fn wait_bounded(&self, since: Option<u64>, timeout: Duration) -> Status {
        use std::sync::atomic::Ordering;
        let waiting = self.polls.fetch_add(1, Ordering::SeqCst);
        let status = self.wait(since, if waiting < MAX_POLLS { timeout } else { timeout.min(SHORT_POLL) });
        self.polls.fetch_sub(1, Ordering::SeqCst);
        status
    }

    /// The status once its generation differs from `since`, or after `timeout`.
    pub fn wait(&self, since: Option<u64>, timeout: Duration) -> Status {
        let deadline = Instant::now() + timeout;
        let mut status = self.lock();
        while Some(status.generation) == since {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            status = match self.changed.wait_timeout(status, left) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        status.clone()
    }

    fn lock(&self) -> MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// `html` with the live-reload script tag before its last `</body>` (or at its end).
pub fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let tag =
        format!("<script src=\"/__passerelle/live.js\" data-generation=\"{generation}\" defer></script>");
    let lower = html.to_ascii_lowercase();
    let at = lower.windows(7).rposition(|w| w == b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    // The tag goes before the last </body>, whatever its case, or at the end without one.
    #[test]
    fn injects_before_body_end() {
        let page = inject(b"<html><body><p>x</p></BODY></html>", 7);
        let text = String::from_utf8(page).expect("utf-8");
        assert!(text.starts_with("<html><body><p>x</p><script src=\"/__passerelle/live.js\" data-generation=\"7\" defer></script></BODY>"), "{text}");
        let bare = String::from_utf8(inject(b"<p>x</p>", 1)).expect("utf-8");
        assert!(bare.starts_with("<p>x</p><script"), "{bare}");
    }

    // A poll answers at once for an old generation, waits for a new one, and times out.
    #[test]
    fn polls_wait_for_a_new_generation() {
        let live = Arc::new(Live::default());
        assert_eq!(live.wait(None, POLL).generation, 0, "first poll answers at once");
        assert_eq!(live.wait(Some(0), Duration::from_millis(20)).generation, 0, "timeout");
        let waiter = {
            let live = Arc::clone(&live);
            std::thread::spawn(move || live.wait(Some(0), Duration::from_secs(10)))
        };
        std::thread::sleep(Duration::from_millis(50));
        live.publish(false, vec!["data/offers.csv:2:3: error: bad".into()]);
        let status = waiter.join().expect("thread");
        assert_eq!(status, Status { generation: 1, errors: vec!["data/offers.csv:2:3: error: bad".into()] });
        live.publish(false, vec!["data/offers.csv:2:3: error: bad".into()]);
        assert_eq!(live.status().generation, 1, "same errors, nothing new");
        live.publish(false, vec![]);
        assert_eq!(live.status(), Status { generation: 2, errors: vec![] }, "fixed: pages reload");
    }
}
