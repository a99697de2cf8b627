//! The explorer's hooks (wasm only): browser state and events that components use without
//! handling them. What the events mean is plain Rust elsewhere ([`crate::gesture`]).

pub mod use_map_gestures;

pub use use_map_gestures::{use_map_gestures, MapGestures};
