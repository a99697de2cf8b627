//! One function per page kind: each builds its views and renders its template(s) through
//! [`Site::page`](super::Site::page).

pub mod agenda;
pub mod catalogue;
pub mod content;
pub mod districts;
pub mod explore;
pub mod home;
pub mod not_found;
pub mod offers;
pub mod operators;
pub mod partnerships;
pub mod venues;

use super::views::offer::OfferCard;
use super::views::sort_key;
use super::Site;

/// Every offer card, sorted by title as people read it (accents and case folded), then id.
pub fn cards_by_title<'s, 'a>(site: &'s Site<'a>) -> Vec<&'s OfferCard<'a>> {
    let mut cards: Vec<(String, &OfferCard)> = site.cards.iter().map(|c| (sort_key(c.title), c)).collect();
    cards.sort_by(|a, b| (&a.0, a.1.id).cmp(&(&b.0, b.1.id)));
    cards.into_iter().map(|(_, c)| c).collect()
}
