//! The explorer: facets, search and map over the index, as a Yew app.
