//! The synthetic records, generated table by table from one seed. References are indices
//! into the other tables (turned into ids when written), so every one resolves by construction.

use super::date::Date;
use super::geo::Grid;
use super::rng::Rng;
use super::text;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How big a charter to make.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub offers: usize,
    pub seed: u64,
}

impl Shape {
    pub fn districts(&self) -> usize {
        20
    }
    pub fn operators(&self) -> usize {
        (self.offers / 5).max(60)
    }
    pub fn venues(&self) -> usize {
        (self.offers / 20).max(15)
    }
    pub fn partnerships(&self) -> usize {
        (self.offers / 10).max(10)
    }
}

#[derive(Clone, Debug)]
pub struct District {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub centre: (f64, f64),
    pub population: u32,
    pub priority: bool,
    /// Closed outer ring, `(lon, lat)`.
    pub ring: Vec<(f64, f64)>,
}

#[derive(Clone, Debug)]
pub struct Operator {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub district: Option<usize>,
    pub address: String,
    pub postcode: &'static str,
    pub point: (f64, f64),
    pub website: String,
    pub email: String,
    pub phone: String,
    pub summary: String,
    pub description: String,
    pub signed_charter_on: Date,
    pub updated_on: Date,
}

#[derive(Clone, Debug)]
pub struct Venue {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub district: usize,
    pub address: String,
    pub postcode: &'static str,
    pub point: (f64, f64),
    pub operator: usize,
    pub accessibility: Vec<&'static str>,
    pub opening_hours: &'static str,
    pub website: Option<String>,
    pub updated_on: Date,
}

/// An offer's `districts` cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Scope {
    /// Empty: the venue's district.
    Venue,
    /// `all`.
    All,
    Listed(Vec<usize>),
}

#[derive(Clone, Debug)]
pub struct Offer {
    pub id: String,
    pub title: String,
    pub operator: usize,
    pub partners: Vec<usize>,
    pub disciplines: Vec<&'static str>,
    pub audiences: Vec<&'static str>,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub districts: Scope,
    pub venue: Option<usize>,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub schedule: &'static str,
    /// When it happens (DESIGN.md "Time"): a weekday (`wed`), or empty for a single day or a
    /// permanent offer; the hours of its sessions.
    pub days: &'static str,
    pub start_time: &'static str,
    pub end_time: &'static str,
    pub price: &'static str,
    pub price_detail: &'static str,
    pub booking: String,
    pub accessibility: Vec<&'static str>,
    pub languages: Vec<&'static str>,
    pub summary: String,
    pub description: String,
    pub status: &'static str,
    pub updated_on: Date,
}

#[derive(Clone, Debug)]
pub struct Partnership {
    pub id: String,
    pub title: String,
    pub operators: Vec<usize>,
    pub offers: Vec<usize>,
    pub districts: Vec<usize>,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub summary: String,
    pub description: String,
}

/// A whole synthetic charter.
#[derive(Clone, Debug)]
pub struct Charter {
    pub shape: Shape,
    pub districts: Vec<District>,
    pub operators: Vec<Operator>,
    pub venues: Vec<Venue>,
    pub offers: Vec<Offer>,
    pub partnerships: Vec<Partnership>,
}

pub const AUDIENCES: &[&str] =
    &["children", "youth", "families", "adults", "seniors", "schools", "associations", "everyone"];
pub const AUDIENCES_FR: &[&str] =
    &["enfants", "jeunes", "familles", "adultes", "seniors", "scolaire", "associatif", "tout public"];
pub const DISCIPLINES: &[&str] = &[
    "music",
    "theatre",
    "dance",
    "visual_arts",
    "reading",
    "writing",
    "cinema",
    "photography",
    "heritage",
    "digital",
    "circus",
    "crafts",
    "multidisciplinary",
];
/// Operator kinds, each with its French label and weight (out of 100).
pub const OPERATOR_KINDS: &[(&str, &str, usize)] = &[
    ("association", "Association", 40),
    ("institution", "Institution culturelle", 10),
    ("public_service", "Service public", 10),
    ("school", "École", 12),
    ("housing", "Société de logement", 5),
    ("company", "Entreprise", 5),
    ("collective", "Collectif", 10),
    ("artist", "Artiste", 8),
];
pub const VENUE_KINDS: &[&str] = &[
    "library",
    "media_library",
    "conservatory",
    "theatre",
    "cinema",
    "museum",
    "community_centre",
    "sports_hall",
    "school",
    "park",
    "outdoor",
    "other",
];
pub const ACCESSIBILITY: &[&str] =
    &["wheelchair", "hearing_loop", "sign_language", "audio_description", "easy_read"];

const SCHEDULES: &[&str] = &[
    "mercredis 14h–16h",
    "samedis 10h–12h",
    "lundis 18h–20h",
    "un dimanche par mois, 15h",
    "mardis et jeudis 16h30–18h",
    "pendant les vacances scolaires, 9h–16h",
    "vendredis 19h",
    "",
];
const OPENING_HOURS: &[&str] =
    &["Mar–sam 10h–18h", "Lun–ven 9h–17h", "Selon les activités", "Mer 13h–18h, sam 10h–16h", ""];
const LANGUAGES: &[&[&str]] =
    &[&["fr"], &["fr"], &["fr"], &["fr"], &["fr", "nl"], &["fr", "en"], &["fr", "ar"]];

/// The season the dated offers fall in: September 2026 to June 2027.
fn season() -> (Date, Date) {
    (Date::ymd(2026, 9, 1), Date::ymd(2027, 6, 30))
}

/// Makes ids unique within a table: `atelier-slam`, `atelier-slam-2`, …
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    fn unique(&mut self, base: &str) -> String {
        // Ids make file names: the generator refuses them past 100 characters, so a long title
        // is cut at a word, leaving room for a "-N" suffix.
        let base = if base.len() > MAX_ID {
            base[..MAX_ID].rsplit_once('-').map_or(&base[..MAX_ID], |(a, _)| a)
        } else {
            base
        };
        let base = if base.is_empty() { "x" } else { base };
        if self.taken.insert(base.to_string()) {
            return base.to_string();
        }
        let n = self.next.entry(base.to_string()).or_insert(1);
        loop {
            *n += 1;
            let id = format!("{base}-{n}");
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// Generates the whole charter for `shape`: same shape, same charter.
/// The longest id base (slugs are ASCII): the generator's limit is 100 characters.
const MAX_ID: usize = 90;

/// The weekdays weekly offers meet on (DESIGN.md "Time" codes).
const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "wed", "thu", "fri", "sat", "sat", "sun"];

/// The hours of sessions: `(start, end)`.
const HOURS: &[(&str, &str)] =
    &[("10:00", "12:00"), ("14:00", "16:00"), ("14:30", "17:00"), ("18:00", "20:00"), ("19:30", "21:30")];

pub fn generate(shape: Shape) -> Charter {
    let root = Rng::new(shape.seed);
    let mut rng = root.fork(1);
    let grid = Grid::new(shape.districts(), &mut rng);
    let districts = districts(shape, &grid, &mut rng);
    let operators = operators(shape, &grid, &districts, &mut root.fork(2));
    let venues = venues(shape, &grid, &districts, &operators, &mut root.fork(3));
    let offers = offers(shape, &districts, &operators, &venues, &mut root.fork(4));
    let partnerships = partnerships(shape, &districts, &operators, &offers, &mut root.fork(5));
    Charter { shape, districts, operators, venues, offers, partnerships }
}

fn districts(shape: Shape, grid: &Grid, rng: &mut Rng) -> Vec<District> {
    (0..shape.districts())
        .map(|k| {
            let name = match text::DISTRICTS.get(k) {
                Some(name) => name.to_string(),
                None => format!("Quartier {}", k + 1),
            };
            let priority = rng.chance(0.3);
            let summary = if priority {
                format!("{name}, quartier prioritaire, où la charte concentre ses actions de proximité.")
            } else {
                format!("{name}, quartier liégeois aux associations nombreuses et actives.")
            };
            District {
                id: text::slug(&name),
                summary,
                centre: grid.centre(k),
                population: rng.range(4_000, 25_000) as u32,
                priority,
                ring: grid.ring(k),
                name,
            }
        })
        .collect()
}

fn weighted_kind(rng: &mut Rng) -> (&'static str, &'static str) {
    let mut roll = rng.below(100);
    for &(code, label, weight) in OPERATOR_KINDS {
        if roll < weight {
            return (code, label);
        }
        roll -= weight;
    }
    ("association", "Association")
}

fn day_between(rng: &mut Rng, from: Date, to: Date) -> Date {
    from.plus(rng.below((to.0 - from.0 + 1) as usize) as i32)
}

fn operators(shape: Shape, grid: &Grid, districts: &[District], rng: &mut Rng) -> Vec<Operator> {
    let mut ids = Ids::default();
    (0..shape.operators())
        .map(|_| {
            let (kind, label) = weighted_kind(rng);
            let district = (!rng.chance(0.1)).then(|| rng.below(districts.len()));
            let home = district.map_or("Liège", |d| districts[d].name.as_str());
            let name = text::operator_name(kind, home, rng);
            let id = ids.unique(&text::slug(&name));
            let point = match district {
                Some(d) => grid.point_in(d, rng),
                None => grid.point_in(rng.below(districts.len()), rng),
            };
            let description = text::operator_description(&name, home, rng);
            let digits = [rng.below(100), rng.below(100), rng.below(100)];
            Operator {
                summary: text::operator_summary(label, home),
                description,
                website: format!("https://{id}.example.org/"),
                email: format!("{id}@example.org"),
                // About one listing in seven without a phone (incomplete, as real ones are),
                // decided by the digits already drawn: the random stream stays the same.
                phone: if digits[0] < 14 {
                    String::new()
                } else {
                    format!("+32 4 2{:02} {:02} {:02}", digits[0], digits[1], digits[2])
                },
                address: text::address(rng),
                postcode: rng.pick(text::POSTCODES),
                signed_charter_on: day_between(rng, Date::ymd(2024, 1, 15), Date::ymd(2026, 6, 30)),
                updated_on: day_between(rng, Date::ymd(2026, 1, 1), Date::ymd(2026, 8, 31)),
                id,
                name,
                kind,
                district,
                point,
            }
        })
        .collect()
}

fn venues(
    shape: Shape,
    grid: &Grid,
    districts: &[District],
    operators: &[Operator],
    rng: &mut Rng,
) -> Vec<Venue> {
    let mut ids = Ids::default();
    (0..shape.venues())
        .map(|k| {
            // Every district gets venues before any gets a second.
            let district = if k < districts.len() { k } else { rng.below(districts.len()) };
            let kind = rng.pick(VENUE_KINDS);
            let name = text::venue_name(kind, &districts[district].name, rng);
            let id = ids.unique(&text::slug(&name));
            let n_access = [0, 1, 1, 2, 3][rng.below(5)];
            Venue {
                address: text::address(rng),
                postcode: rng.pick(text::POSTCODES),
                point: grid.point_in(district, rng),
                operator: rng.below(operators.len()),
                accessibility: rng.some(ACCESSIBILITY, n_access).into_iter().copied().collect(),
                opening_hours: rng.pick(OPENING_HOURS),
                website: rng.chance(0.6).then(|| format!("https://{id}.example.org/")),
                updated_on: day_between(rng, Date::ymd(2026, 1, 1), Date::ymd(2026, 8, 31)),
                id,
                name,
                kind,
                district,
            }
        })
        .collect()
}

fn ages(audiences: &[&str], rng: &mut Rng) -> (Option<u8>, Option<u8>) {
    if audiences.contains(&"children") {
        let lo = rng.range(3, 8) as u8;
        (Some(lo), Some(lo + rng.range(3, 6) as u8))
    } else if audiences.contains(&"youth") {
        (Some(rng.range(11, 15) as u8), Some(rng.range(17, 25) as u8))
    } else if audiences.contains(&"seniors") {
        (Some(60), None)
    } else {
        (None, None)
    }
}

fn offers(
    shape: Shape,
    districts: &[District],
    operators: &[Operator],
    venues: &[Venue],
    rng: &mut Rng,
) -> Vec<Offer> {
    let mut ids = Ids::default();
    let (first, last) = season();
    (0..shape.offers)
        .map(|_| {
            let operator = rng.below(operators.len());
            let n_partners = [0, 0, 0, 1, 1, 2][rng.below(6)];
            let partners: Vec<usize> = rng
                .distinct(operators.len(), n_partners + 1)
                .into_iter()
                .filter(|&p| p != operator)
                .take(n_partners)
                .collect();
            let n_disciplines = rng.range(1, 2);
            let disciplines: Vec<&str> = rng.some(DISCIPLINES, n_disciplines).into_iter().copied().collect();
            let n_audiences = [1, 1, 2, 3][rng.below(4)];
            let audience_idx = rng.distinct(AUDIENCES.len(), n_audiences);
            let audiences: Vec<&str> = audience_idx.iter().map(|&i| AUDIENCES[i]).collect();
            let (age_min, age_max) = ages(&audiences, rng);
            let venue = (!rng.chance(0.12)).then(|| rng.below(venues.len()));
            let districts_scope = match (venue, rng.below(10)) {
                (Some(_), 0..=6) => Scope::Venue,
                (_, 7) => Scope::All,
                _ => {
                    let n = rng.range(1, 3);
                    Scope::Listed(rng.distinct(districts.len(), n))
                }
            };
            let place = match (&districts_scope, venue) {
                (Scope::Listed(ds), _) => districts[ds[0]].name.as_str(),
                (_, Some(v)) => districts[venues[v].district].name.as_str(),
                _ => "Liège",
            };
            let (starts_on, ends_on) = if rng.chance(0.6) {
                let start = day_between(rng, first, last);
                let end =
                    if rng.chance(0.3) { start } else { start.plus(rng.range(7, 120) as i32).min(last) };
                (Some(start), Some(end))
            } else {
                (None, None)
            };
            // Most dated offers meet weekly at set hours (then the site writes the sentence), a
            // one-day event has its hours; the rest are open on their venue's hours.
            let (days, (start_time, end_time)) = match (starts_on, ends_on) {
                (Some(a), Some(b)) if a != b && rng.chance(0.8) => (rng.pick(WEEKDAYS), rng.pick(HOURS)),
                (Some(_), Some(_)) if rng.chance(0.8) => ("", rng.pick(HOURS)),
                _ => ("", ("", "")),
            };
            let (price, price_detail) = match rng.below(20) {
                0..=9 => ("free", rng.pick(&["", "Gratuit sur inscription"])),
                10..=16 => (
                    "paid",
                    rng.pick(&[
                        "5 € / 3 € tarif réduit",
                        "8 € la séance",
                        "40 € le cycle, Article 27 accepté",
                    ]),
                ),
                _ => ("pay_what_you_can", "Participation libre et consciente"),
            };
            let op = &operators[operator];
            let booking = match rng.below(3) {
                0 => format!("{}inscriptions", op.website),
                1 => op.email.clone(),
                _ => op.phone.clone(),
            };
            let topic = rng.pick(text::topics(disciplines[0]));
            let title = text::offer_title(topic, place, rng);
            let id = ids.unique(&text::slug(&title));
            let audience_fr = AUDIENCES_FR[audience_idx[0]];
            let n_access = [0, 0, 1, 2][rng.below(4)];
            Offer {
                summary: text::offer_summary(topic, audience_fr, place, rng),
                description: text::offer_description(topic, &op.name, place, rng),
                id,
                title,
                operator,
                partners,
                disciplines,
                audiences,
                age_min,
                age_max,
                districts: districts_scope,
                venue,
                starts_on,
                ends_on,
                schedule: if days.is_empty() { rng.pick(SCHEDULES) } else { "" },
                days,
                start_time,
                end_time,
                price,
                price_detail,
                booking,
                accessibility: rng.some(ACCESSIBILITY, n_access).into_iter().copied().collect(),
                languages: rng.pick(LANGUAGES).to_vec(),
                status: match rng.below(50) {
                    0 => "cancelled",
                    1..=3 => "full",
                    _ => "open",
                },
                updated_on: day_between(rng, Date::ymd(2026, 3, 1), Date::ymd(2026, 8, 31)),
            }
        })
        .collect()
}

fn partnerships(
    shape: Shape,
    districts: &[District],
    operators: &[Operator],
    offers: &[Offer],
    rng: &mut Rng,
) -> Vec<Partnership> {
    let mut by_operator: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, offer) in offers.iter().enumerate() {
        by_operator.entry(offer.operator).or_default().push(i);
    }
    let mut ids = Ids::default();
    let (first, last) = season();
    (0..shape.partnerships())
        .map(|_| {
            let n_members = rng.range(2, 4);
            let members = rng.distinct(operators.len(), n_members);
            let candidates: Vec<usize> =
                members.iter().flat_map(|m| by_operator.get(m).into_iter().flatten().copied()).collect();
            let offers_of = if candidates.is_empty() || offers.is_empty() {
                Vec::new()
            } else {
                let n = rng.range(1, 4);
                rng.some(&candidates, n).into_iter().copied().collect()
            };
            let mut home: Vec<usize> = members.iter().filter_map(|&m| operators[m].district).collect();
            home.sort_unstable();
            home.dedup();
            if home.is_empty() {
                home.push(rng.below(districts.len()));
            }
            let (a, b) = (&operators[members[0]].name, &operators[members[1]].name);
            let discipline = rng.pick(DISCIPLINES);
            let topic = rng.pick(text::topics(discipline));
            let title = text::partnership_title(a, b, topic, rng);
            let id = ids.unique(&text::slug(&title));
            let (starts_on, ends_on) = if rng.chance(0.7) {
                let start = day_between(rng, first, last);
                (Some(start), Some(start.plus(rng.range(30, 300) as i32).min(last)))
            } else {
                (None, None)
            };
            Partnership {
                summary: format!("{a} et {b} mettent en commun leurs savoir-faire autour de {topic}."),
                description: format!(
                    "Ce partenariat réunit {} structures signataires de la charte.\n\nEnsemble, elles partagent locaux, matériel et publics pour que {topic} soit accessible à tous les habitants.",
                    members.len()
                ),
                id,
                title,
                operators: members,
                offers: offers_of,
                districts: home,
                starts_on,
                ends_on,
            }
        })
        .collect()
}
