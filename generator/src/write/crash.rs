//! A test hook for the kill-safety promise: `PASSERELLE_CRASH_AT=POINT[:N]` ends the process on
//! the spot (no destructor runs, no staging folder is cleaned: as `kill -9` would) the N-th
//! time (default 1) the build reaches `POINT`. The points are named where they are reached:
//! `put` (a file staged), `commit` (before the commit starts), `commit:first` (before a first
//! site is renamed into place), `commit:stamp` (the old stamp marked "in progress"),
//! `commit:remove` (a file that is gone deleted), `commit:rename` (a changed file renamed in),
//! `commit:done` (the new stamp written, the staging folder not yet removed).
//! Unset, each point costs one relaxed atomic load.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The exit status of a crash on purpose (distinct from 1, a failed build).
pub const STATUS: i32 = 86;

/// Ends the process here when `PASSERELLE_CRASH_AT` names `point` and its count is reached.
pub(super) fn point(point: &str) {
    static PLAN: OnceLock<Option<(String, usize)>> = OnceLock::new();
    static HITS: AtomicUsize = AtomicUsize::new(0);
    let plan = PLAN.get_or_init(|| {
        let value = std::env::var("PASSERELLE_CRASH_AT").ok()?;
        let (name, n) = match value.rsplit_once(':') {
            Some((name, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
                (name.to_owned(), n.parse().unwrap_or(1))
            }
            _ => (value, 1),
        };
        Some((name, n))
    });
    let Some((name, n)) = plan else { return };
    if name == point && HITS.fetch_add(1, Ordering::Relaxed) + 1 == *n {
        std::process::exit(STATUS);
    }
}
