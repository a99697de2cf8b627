//! Named fields → the record types of `model::records`, one function per table.
//!
//! Text fields are moved out of [`Fields`], not copied. Only the shape of each value is checked
//! here (a date is a date, a price a known code); whether it makes sense (references,
//! vocabularies, ranges) is `validate`'s job.

use super::cells::{age, date, number, price, scope, status, whole, yes_no};
use super::fields::Fields;
use super::when;
use crate::diagnostics::Diagnostics;
use crate::records::Except;
use crate::records::{
    District, DistrictScope, Holiday, Offer, Operator, Partnership, Status, Venue, VocabularyRow,
};

pub fn vocabulary(mut f: Fields, _: &mut Diagnostics) -> VocabularyRow {
    VocabularyRow {
        group: f.take("group"),
        code: f.take("code"),
        label_fr: f.take("label_fr"),
        label_en: f.take("label_en"),
        origin: f.take_origin(),
    }
}

pub fn district(mut f: Fields, d: &mut Diagnostics) -> District {
    District {
        id: f.take("id"),
        name: f.take("name"),
        city: f.take("city"),
        summary: f.take("summary"),
        lat: f.parse("lat", number, None, d),
        lon: f.parse("lon", number, None, d),
        population: f.parse("population", whole, None, d),
        priority: f.parse("priority", yes_no, false, d),
        origin: f.take_origin(),
    }
}

pub fn operator(mut f: Fields, d: &mut Diagnostics) -> Operator {
    Operator {
        id: f.take("id"),
        name: f.take("name"),
        kind: f.take("kind"),
        district: f.take_optional("district"),
        address: f.take("address"),
        postcode: f.take("postcode"),
        city: f.take("city"),
        lat: f.parse("lat", number, None, d),
        lon: f.parse("lon", number, None, d),
        website: f.take_optional("website"),
        email: f.take_optional("email"),
        phone: f.take_optional("phone"),
        summary: f.take("summary"),
        description: f.take("description"),
        signed_charter_on: f.parse("signed_charter_on", date, None, d),
        updated_on: f.parse("updated_on", date, None, d),
        source: f.take_optional("source"),
        origin: f.take_origin(),
    }
}

pub fn venue(mut f: Fields, d: &mut Diagnostics) -> Venue {
    Venue {
        id: f.take("id"),
        name: f.take("name"),
        kind: f.take("kind"),
        district: f.take_optional("district"),
        address: f.take("address"),
        postcode: f.take("postcode"),
        city: f.take("city"),
        lat: f.parse("lat", number, None, d),
        lon: f.parse("lon", number, None, d),
        operator: f.take_optional("operator"),
        accessibility: f.list("accessibility"),
        opening_hours: f.take("opening_hours"),
        website: f.take_optional("website"),
        updated_on: f.parse("updated_on", date, None, d),
        source: f.take_optional("source"),
        origin: f.take_origin(),
    }
}

pub fn offer(mut f: Fields, d: &mut Diagnostics) -> Offer {
    Offer {
        id: f.take("id"),
        title: f.take("title"),
        operator: f.take("operator"),
        partners: f.list("partners"),
        disciplines: f.list("disciplines"),
        audiences: f.list("audiences"),
        age_min: f.parse("age_min", age, None, d),
        age_max: f.parse("age_max", age, None, d),
        districts: f.parse("districts", |c| Ok(scope(c)), DistrictScope::Venue, d),
        venue: f.take_optional("venue"),
        starts_on: f.parse("starts_on", date, None, d),
        ends_on: f.parse("ends_on", date, None, d),
        schedule: f.take("schedule"),
        days: f.parse("days", when::days, Vec::new(), d),
        start_time: f.parse("start_time", when::time, None, d),
        end_time: f.parse("end_time", when::time, None, d),
        dates: f.parse("dates", when::dates, Vec::new(), d),
        except: f.parse("except", when::except, Except::default(), d),
        price: f.parse("price", price, None, d),
        price_detail: f.take("price_detail"),
        booking: f.take("booking"),
        accessibility: f.list("accessibility"),
        languages: f.list("languages"),
        summary: f.take("summary"),
        description: f.take("description"),
        status: f.parse("status", status, Status::Open, d),
        updated_on: f.parse("updated_on", date, None, d),
        source: f.take_optional("source"),
        origin: f.take_origin(),
    }
}

pub fn partnership(mut f: Fields, d: &mut Diagnostics) -> Partnership {
    Partnership {
        id: f.take("id"),
        title: f.take("title"),
        operators: f.list("operators"),
        offers: f.list("offers"),
        districts: f.list("districts"),
        starts_on: f.parse("starts_on", date, None, d),
        ends_on: f.parse("ends_on", date, None, d),
        summary: f.take("summary"),
        description: f.take("description"),
        origin: f.take_origin(),
    }
}

pub fn holiday(mut f: Fields, d: &mut Diagnostics) -> Holiday {
    Holiday {
        id: f.take("id"),
        name: f.take("name"),
        starts_on: f.parse("starts_on", date, None, d),
        ends_on: f.parse("ends_on", date, None, d),
        kind: f.parse("kind", when::holiday_kind, Default::default(), d),
        origin: f.take_origin(),
    }
}
