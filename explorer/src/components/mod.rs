//! The explorer's components: one per file, each with one `Properties` struct; data comes down,
//! `Action`s go up through a `Callback`. None fetches or filters.

pub mod card;
pub mod facets;
pub mod map;
pub mod near;
pub mod pager;
pub mod popup;
pub mod results;
pub mod search;
pub mod status;
