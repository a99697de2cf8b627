//! The explorer's pieces of interface, one per file: data comes down, `Action`s go up through a
//! `Callback`; none fetches or filters. Only the map is a component (it holds its view, its
//! popup and its gestures); the others are plain functions returning `Html`, called by the app
//! on each change: every component type costs ~1.5 KB of wasm in yew's machinery, and these
//! change with every filter anyway.

pub mod facets;
pub mod map;
pub mod near;
pub mod pager;
pub mod popup;
pub mod results;
pub mod search;
pub mod status;
