//! Named fields → the record types of `model::records`, one function per table.
//!
//! Only the shape of each value is checked here (a date is a date, a price a known code);
//! whether it makes sense (references, vocabularies, ranges) is `validate`'s job.

use super::cells::{age, date, number, price, scope, status, whole, yes_no};
use super::fields::Fields;
use crate::diagnostics::Diagnostics;
use crate::model::records::{District, DistrictScope, Offer, Operator, Partnership, Status, Venue, VocabularyRow};

pub fn vocabulary(f: &Fields, _: &mut Diagnostics) -> VocabularyRow {
    VocabularyRow {
        group: f.text("group").to_owned(),
        code: f.text("code").to_owned(),
        label_fr: f.text("label_fr").to_owned(),
        label_en: f.text("label_en").to_owned(),
        origin: f.origin.clone(),
    }
}

pub fn district(f: &Fields, d: &mut Diagnostics) -> District {
    District {
        id: f.text("id").to_owned(),
        name: f.text("name").to_owned(),
        city: f.text("city").to_owned(),
        summary: f.text("summary").to_owned(),
        lat: f.parse("lat", number, None, d),
        lon: f.parse("lon", number, None, d),
        population: f.parse("population", whole, None, d),
        priority: f.parse("priority", yes_no, false, d),
        origin: f.origin.clone(),
    }
}

pub fn operator(f: &Fields, d: &mut Diagnostics) -> Operator {
    Operator {
        id: f.text("id").to_owned(),
        name: f.text("name").to_owned(),
        kind: f.text("kind").to_owned(),
        district: f.optional("district"),
        address: f.text("address").to_owned(),
        postcode: f.text("postcode").to_owned(),
        city: f.text("city").to_owned(),
        lat: f.parse("lat", number, None, d),
        lon: f.parse("lon", number, None, d),
        website: f.optional("website"),
        email: f.optional("email"),
        phone: f.optional("phone"),
        summary: f.text("summary").to_owned(),
        description: f.text("description").to_owned(),
        signed_charter_on: f.parse("signed_charter_on", date, None, d),
        updated_on: f.parse("updated_on", date, None, d),
        origin: f.origin.clone(),
    }
}

pub fn venue(f: &Fields, d: &mut Diagnostics) -> Venue {
    Venue {
        id: f.text("id").to_owned(),
        name: f.text("name").to_owned(),
        kind: f.text("kind").to_owned(),
        district: f.optional("district"),
        address: f.text("address").to_owned(),
        postcode: f.text("postcode").to_owned(),
        city: f.text("city").to_owned(),
        lat: f.parse("lat", number, None, d),
        lon: f.parse("lon", number, None, d),
        operator: f.optional("operator"),
        accessibility: f.list("accessibility"),
        opening_hours: f.text("opening_hours").to_owned(),
        website: f.optional("website"),
        updated_on: f.parse("updated_on", date, None, d),
        origin: f.origin.clone(),
    }
}

pub fn offer(f: &Fields, d: &mut Diagnostics) -> Offer {
    Offer {
        id: f.text("id").to_owned(),
        title: f.text("title").to_owned(),
        operator: f.text("operator").to_owned(),
        partners: f.list("partners"),
        disciplines: f.list("disciplines"),
        audiences: f.list("audiences"),
        age_min: f.parse("age_min", age, None, d),
        age_max: f.parse("age_max", age, None, d),
        districts: f.parse("districts", |c| Ok(scope(c)), DistrictScope::Venue, d),
        venue: f.optional("venue"),
        starts_on: f.parse("starts_on", date, None, d),
        ends_on: f.parse("ends_on", date, None, d),
        schedule: f.text("schedule").to_owned(),
        price: f.parse("price", price, None, d),
        price_detail: f.text("price_detail").to_owned(),
        booking: f.text("booking").to_owned(),
        accessibility: f.list("accessibility"),
        languages: f.list("languages"),
        summary: f.text("summary").to_owned(),
        description: f.text("description").to_owned(),
        status: f.parse("status", status, Status::Open, d),
        updated_on: f.parse("updated_on", date, None, d),
        origin: f.origin.clone(),
    }
}

pub fn partnership(f: &Fields, d: &mut Diagnostics) -> Partnership {
    Partnership {
        id: f.text("id").to_owned(),
        title: f.text("title").to_owned(),
        operators: f.list("operators"),
        offers: f.list("offers"),
        districts: f.list("districts"),
        starts_on: f.parse("starts_on", date, None, d),
        ends_on: f.parse("ends_on", date, None, d),
        summary: f.text("summary").to_owned(),
        description: f.text("description").to_owned(),
        origin: f.origin.clone(),
    }
}
