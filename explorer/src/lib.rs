//! The explorer: facets, search and a map over the index the generator wrote, as a Yew app.
//!
//! Plain-Rust modules (tested natively with `cargo test -p passerelle-explorer`):
//! - [`index`]: the index types (the `passerelle-index` crate, re-exported);
//! - [`filter`]: the catalog prepared for filtering, facets, live counts, search folding;
//! - [`geo`]: Web Mercator and distances ([`math`]: the browser's `Math` on wasm); [`viewport`]: map pan and zoom;
//!   [`gesture`]: what drags, pinches, taps, the wheel and keys do to it;
//! - [`url`]: the filter state in the URL query;
//! - [`state`]: the state and its transitions (a yew `Reducible` on wasm), which only call `filter`;
//! - [`i18n`]: interface strings and formatting in the site language.
//!
//! The web edge (wasm only): [`mount`] (the entry point: fetches the index, mounts [`app`]),
//! [`hooks`] (gestures), [`app`] (the root component: the state, and the only caller of [`browser`]'s history,
//! geolocation and timing helpers), [`components`] (one file each, thin: data down, callbacks up).

pub use passerelle_index as index;
pub use passerelle_index::math;

pub mod filter;
pub mod geo;
pub mod gesture;
pub mod i18n;
pub mod state;
pub mod url;
pub mod viewport;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod mount;
