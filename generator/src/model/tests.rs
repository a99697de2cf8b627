use super::*;

fn district(id: &str) -> District {
    District { id: id.into(), name: id.to_uppercase(), ..Default::default() }
}

fn operator(id: &str, district: Option<&str>) -> Operator {
    Operator { id: id.into(), name: id.into(), district: district.map(Into::into), ..Default::default() }
}

fn venue(id: &str, district: &str, operator: &str) -> Venue {
    Venue {
        id: id.into(),
        district: Some(district.into()),
        operator: Some(operator.into()),
        lat: Some(50.6),
        lon: Some(5.6),
        ..Default::default()
    }
}

fn offer(id: &str, operator: &str, venue: Option<&str>, scope: DistrictScope) -> Offer {
    Offer {
        id: id.into(),
        operator: operator.into(),
        venue: venue.map(Into::into),
        districts: scope,
        ..Default::default()
    }
}

fn sample() -> Charter {
    let records = Records {
        districts: vec![district("droixhe"), district("bressoux")],
        operators: vec![operator("orchestre", None), operator("mj-bressoux", Some("bressoux"))],
        venues: vec![venue("hall-bressoux", "bressoux", "mj-bressoux")],
        offers: vec![
            Offer {
                partners: vec!["mj-bressoux".into(), "mj-bressoux".into()],
                ..offer("concert", "orchestre", Some("hall-bressoux"), DistrictScope::Venue)
            },
            offer("fete", "mj-bressoux", None, DistrictScope::All),
            offer(
                "balade",
                "orchestre",
                None,
                DistrictScope::Listed(vec!["droixhe".into(), "nowhere".into()]),
            ),
        ],
        partnerships: vec![Partnership {
            id: "p1".into(),
            operators: vec!["orchestre".into(), "mj-bressoux".into()],
            offers: vec!["concert".into()],
            districts: vec!["bressoux".into()],
            ..Default::default()
        }],
        ..Default::default()
    };
    Charter::new(records, Vocabularies::builtin(), NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default())
}

fn ids<'a, T: 'a>(items: impl Iterator<Item = &'a T>, id: impl Fn(&T) -> &str) -> Vec<String> {
    items.map(|t| id(t).to_owned()).collect()
}

// Tables come out sorted by id whatever the input order (deterministic pages).
#[test]
fn tables_are_sorted_by_id() {
    let c = sample();
    assert_eq!(ids(c.districts.iter(), |d| &d.id), ["bressoux", "droixhe"]);
    assert_eq!(ids(c.offers.iter(), |o| &o.id), ["balade", "concert", "fete"]);
}

// An offer's district scope resolves: empty = venue's district, `all` = every one, listed ones.
#[test]
fn offer_scope_resolves() {
    let c = sample();
    let scope = |id: &str| ids(c.offer_districts(c.offer(id).unwrap()), |d| &d.id);
    assert_eq!(scope("concert"), ["bressoux"]);
    assert_eq!(scope("fete"), ["bressoux", "droixhe"]);
    assert_eq!(scope("balade"), ["droixhe"]);
}

// Relations navigate both ways: operator → offers/venues/partnerships, district → everything.
#[test]
fn relations_navigate_both_ways() {
    let c = sample();
    let mj = c.operator("mj-bressoux").unwrap();
    assert_eq!(ids(c.operator_offers(mj), |o| &o.id), ["fete"]);
    assert_eq!(ids(c.operator_partner_offers(mj), |o| &o.id), ["concert"], "a repeated partner links once");
    assert_eq!(ids(c.operator_venues(mj), |v| &v.id), ["hall-bressoux"]);
    assert_eq!(ids(c.operator_partnerships(mj), |p| &p.id), ["p1"]);

    let bressoux = c.district("bressoux").unwrap();
    assert_eq!(ids(c.district_offers(bressoux), |o| &o.id), ["concert", "fete"]);
    assert_eq!(ids(c.district_venues(bressoux), |v| &v.id), ["hall-bressoux"]);
    assert_eq!(ids(c.district_operators(bressoux), |o| &o.id), ["mj-bressoux"]);
    assert_eq!(ids(c.district_partnerships(bressoux), |p| &p.id), ["p1"]);

    let hall = c.venue("hall-bressoux").unwrap();
    assert_eq!(ids(c.venue_offers(hall), |o| &o.id), ["concert"]);
    let concert = c.offer("concert").unwrap();
    assert_eq!(ids(c.offer_partnerships(concert), |p| &p.id), ["p1"]);
    assert!(c.offer("nope").is_none());
}
