//! The explorer: facets, search and a map over the index the generator wrote, as a Yew app.
//!
//! Plain-Rust modules (tested natively with `cargo test -p passerelle-explorer`):
//! - [`index`]: the index types (the `passerelle-index` crate, re-exported);
//! - [`filter`]: the catalog prepared for filtering, facets, live counts, search folding;
//! - [`geo`]: Web Mercator and distances ([`math`]: the browser's `Math` on wasm); [`viewport`]: map pan and zoom;
//!   [`gesture`]: what drags, pinches, taps, the wheel and keys do to it; [`layout`]: markers, clusters
//!   and labels placed for a view and a screen;
//! - [`url`]: the filter state in the URL query;
//! - [`state`]: the state and its transitions (a yew `Reducible` on wasm), which only call `filter`;
//! - [`i18n`]: interface strings and formatting in the site language; [`markup`]: cards and markers
//!   as escaped markup.
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
pub mod layout;
pub mod markup;
pub mod state;
pub mod url;
pub mod viewport;

/// The allocator (wasm only): talc instead of the default dlmalloc, whose ~9 KB of code was the
/// largest single piece of the wasm; talc is a fraction of that and faster. Realloc in place is
/// left out (a little speed for fewer bytes). The explorer is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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
