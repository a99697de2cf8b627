//! Stage `validate`: checks the records and derives what can be derived.
//!
//! Input: the [`Records`] `load` read. Output: one diagnostic per problem, all at once, at the
//! exact cell, and the vocabularies extended by `vocabulary.csv`. Each concern is a module,
//! run in this order:
//!
//! 1. [`vocabularies`] (rows of `vocabulary.csv`) then [`required`] fields and [`ids`];
//! 2. [`references`] between tables (with "did you mean");
//! 3. [`vocabularies`] (coded values), [`values`] (dates, ages, coordinates, addresses, via
//!    [`syntax`]);
//!    [`when`] (time columns, holidays, recurrences without a session);
//! 4. [`geography`]: positions near the districts; derives district centroids and venue
//!    districts (point in polygon);
//! 5. [`freshness`]: warnings only (stale listings, past offers, missing contacts);
//! 6. participation: [`draws`] (with [`draw_result`]) and [`requests`].

pub mod draw_result;
pub mod draws;
pub mod freshness;
pub mod geography;
pub mod ids;
pub mod references;
pub mod requests;
pub mod required;
pub mod syntax;
pub mod values;
pub mod vocabularies;
pub mod when;

use crate::diagnostics::Diagnostics;
use crate::model::Records;
use crate::vocabulary::Vocabularies;
use chrono::NaiveDate;

/// Checks everything, pushing one diagnostic per problem; fills derived fields (a venue's
/// district from its coordinates, a district's centre from its outline). Returns the
/// vocabularies extended by `vocabulary.csv`.
pub fn validate(records: &mut Records, today: NaiveDate, diagnostics: &mut Diagnostics) -> Vocabularies {
    vocabularies::check_rows(&records.vocabulary, diagnostics);
    let vocabularies = Vocabularies::builtin().extended(&records.vocabulary);
    required::check(records, diagnostics);
    ids::check(records, diagnostics);
    references::check(records, diagnostics);
    vocabularies::check(records, &vocabularies, diagnostics);
    values::check(records, diagnostics);
    when::check(records, diagnostics);
    geography::check(records, diagnostics);
    freshness::check(records, today, diagnostics);
    draws::check(records, &vocabularies, today, diagnostics);
    requests::check(records, today, diagnostics);
    vocabularies
}
