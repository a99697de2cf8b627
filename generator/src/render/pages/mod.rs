//! One function per page kind: each builds its views and renders its template(s) through
//! [`Site::page`](super::Site::page), or [`Site::pages`](super::Site::pages) for one page per
//! record (rendered on every core).

pub mod agenda;
pub mod catalogue;
pub mod content;
pub mod districts;
pub mod draws;
pub mod explore;
pub mod home;
pub mod not_found;
pub mod offers;
pub mod operators;
pub mod partnerships;
pub mod requests;
pub mod venues;

use super::Site;
use minijinja::Value;

/// Every offer card, sorted by title, as template values.
pub fn cards_by_title(site: &Site) -> Vec<Value> {
    site.by_title.iter().map(|&i| site.card_value_at(i)).collect()
}
