//! Stage `validate`: checks the records and derives what can be derived.
//! (Stub: being written.)

use crate::diagnostics::Diagnostics;
use crate::model::Records;
use crate::vocabulary::Vocabularies;
use chrono::NaiveDate;

/// Checks everything, pushing one diagnostic per problem; fills derived fields (a venue's
/// district from its coordinates). Returns the vocabularies extended by `vocabulary.csv`.
pub fn validate(records: &mut Records, _today: NaiveDate, _diagnostics: &mut Diagnostics) -> Vocabularies {
    Vocabularies::builtin().extended(&records.vocabulary)
}
