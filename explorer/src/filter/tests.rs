use super::*;
use passerelle_index::{days_from_civil, District, Index, OfferRow, Venue, FORMAT_VERSION};

fn vocab(codes: &[&str]) -> Vec<(String, String)> {
    codes.iter().map(|c| (c.to_string(), c.to_uppercase())).collect()
}

fn day(m: u32, d: u32) -> i32 {
    days_from_civil(2026, m, d)
}

/// Four offers over two districts; today is Saturday 2026-11-21.
fn sample() -> Catalog {
    let mut index = Index {
        version: FORMAT_VERSION,
        lang: "fr".into(),
        today: day(11, 21),
        operators: vec!["Théâtre de la Place".into(), "MJ Bressoux".into()],
        districts: ["bressoux", "droixhe"]
            .iter()
            .map(|id| District { id: id.to_string(), name: id.to_string(), ..District::default() })
            .collect(),
        venues: vec![
            Venue {
                id: "hall".into(),
                name: "Hall omnisports".into(),
                district: Some(0),
                lonlat: [5.60, 50.64],
                ..Venue::default()
            },
            Venue {
                id: "biblio".into(),
                name: "Bibliothèque".into(),
                district: Some(1),
                lonlat: [5.61, 50.65],
                ..Venue::default()
            },
        ],
        ..Index::default()
    };
    index.vocab.audience = vocab(&["children", "youth", "adults"]);
    index.vocab.discipline = vocab(&["music", "theatre"]);
    index.vocab.accessibility = vocab(&["wheelchair"]);
    let rows = [
        // 0: a theatre workshop for youth in Bressoux, free, this week.
        OfferRow {
            id: "impro".into(),
            title: "Atelier d'improvisation".into(),
            summary: "Du théâtre pour les ados.".into(),
            operator: 0,
            venue: Some(0),
            districts: vec![0],
            audiences: vec![1],
            disciplines: vec![1],
            age_min: Some(12),
            age_max: Some(18),
            price: 1,
            start: Some(day(11, 22)),
            ..OfferRow::default()
        },
        // 1: a concert for everyone in both districts, paid, next month.
        OfferRow {
            id: "concert".into(),
            title: "Concert de Noël".into(),
            summary: "Chorales.".into(),
            operator: 1,
            venue: Some(1),
            districts: vec![0, 1],
            audiences: vec![0, 2],
            disciplines: vec![0],
            accessibility: vec![0],
            price: 2,
            start: Some(day(12, 20)),
            ..OfferRow::default()
        },
        // 2: an ongoing reading club in Droixhe, free, no dates.
        OfferRow {
            id: "lecture".into(),
            title: "Club lecture".into(),
            summary: "Chaque mercredi.".into(),
            operator: 1,
            venue: Some(1),
            districts: vec![1],
            audiences: vec![2],
            price: 1,
            ..OfferRow::default()
        },
        // 3: a past music course for children in Bressoux.
        OfferRow {
            id: "eveil".into(),
            title: "Éveil musical".into(),
            summary: "Pour les petits.".into(),
            operator: 1,
            venue: Some(0),
            districts: vec![0],
            audiences: vec![0],
            disciplines: vec![0],
            age_min: Some(3),
            age_max: Some(6),
            price: 2,
            start: Some(day(9, 1)),
            end: Some(day(10, 31)),
            ..OfferRow::default()
        },
    ];
    for row in rows {
        index.offers.push(row);
    }
    assert_eq!(index.check(), Ok(()));
    Catalog::new(index)
}

fn ids(catalog: &Catalog, outcome: &Outcome) -> Vec<String> {
    outcome.results.iter().map(|&i| catalog.index.offers.id(i as usize)).collect()
}

fn query(f: impl FnOnce(&mut Query)) -> Query {
    let mut q = Query::default();
    f(&mut q);
    q
}

fn run_q(catalog: &Catalog, q: &Query) -> Outcome {
    run(catalog, q, search(catalog, &q.text).as_ref(), None)
}

// No filter: every offer, on now or upcoming by next date first, past ones last.
#[test]
fn default_order() {
    let c = sample();
    let all = run_q(&c, &Query::default());
    assert_eq!(ids(&c, &all), ["lecture", "impro", "concert", "eveil"]);
    assert_eq!(all.counts.districts, [3, 2]);
    assert_eq!(all.per_venue, [2, 2]);
    assert_eq!((c.week_end, c.month_end), (day(11, 22), day(11, 30)));
}

// Facets combine with AND, values within a facet with OR.
#[test]
fn facets_combine() {
    let c = sample();
    let q = query(|q| {
        q.districts.insert("bressoux".into());
        q.audiences.insert("youth".into());
        q.audiences.insert("children".into());
    });
    assert_eq!(ids(&c, &run_q(&c, &q)), ["impro", "concert", "eveil"]);
    let q = query(|q| {
        q.districts.insert("droixhe".into());
        q.free = true;
    });
    assert_eq!(ids(&c, &run_q(&c, &q)), ["lecture"]);
    let q = query(|q| {
        q.accessibility.insert("wheelchair".into());
    });
    assert_eq!(ids(&c, &run_q(&c, &q)), ["concert"]);
    let q = query(|q| {
        q.disciplines.insert("nope".into());
    });
    assert_eq!(run_q(&c, &q).results.len(), 4, "an unknown code does not constrain");
}

// A facet's counts ignore the facet itself but honour every other one.
#[test]
fn counts_match_all_other_facets() {
    let c = sample();
    let q = query(|q| {
        q.districts.insert("bressoux".into());
        q.free = true;
    });
    let out = run_q(&c, &q);
    assert_eq!(ids(&c, &out), ["impro"]);
    // Free offers per district, whatever district is ticked.
    assert_eq!(out.counts.districts, [1, 1]);
    // Bressoux offers that are free (ticked or not): impro.
    assert_eq!(out.counts.free, 1);
    // Free Bressoux offers per audience: only youth (impro).
    assert_eq!(out.counts.audiences, [0, 1, 0]);
    assert_eq!((out.counts.week, out.counts.month), (1, 1));
}

// Date windows: this week, this month, a range; ongoing offers are always on; past ones are not.
#[test]
fn date_windows() {
    let c = sample();
    let week = run_q(&c, &query(|q| q.when = When::Week));
    assert_eq!(ids(&c, &week), ["lecture", "impro"]);
    let december = query(|q| q.when = When::Range { from: Some(day(12, 1)), to: Some(day(12, 31)) });
    assert_eq!(ids(&c, &run_q(&c, &december)), ["lecture", "concert"]);
    let october = query(|q| q.when = When::Range { from: None, to: Some(day(10, 15)) });
    assert_eq!(ids(&c, &run_q(&c, &october)), ["lecture", "eveil"]);
    assert_eq!(c.next_day(3), None, "over");
    assert_eq!(c.next_day(2), Some(c.index.today), "ongoing");
}

// Age must fall within [age_min, age_max]; offers without bounds suit every age.
#[test]
fn age_filter() {
    let c = sample();
    assert_eq!(ids(&c, &run_q(&c, &query(|q| q.age = Some(14)))), ["lecture", "impro", "concert"]);
    assert_eq!(ids(&c, &run_q(&c, &query(|q| q.age = Some(4)))), ["lecture", "concert", "eveil"]);
}

// Search is accent- and case-insensitive over titles, summaries, operators and venues.
#[test]
fn search_folds_accents() {
    let c = sample();
    let find = |text: &str| ids(&c, &run_q(&c, &query(|q| q.text = text.into())));
    assert_eq!(find("theatre"), ["impro"], "summary: Du théâtre");
    assert_eq!(find("EVEIL"), ["eveil"]);
    assert_eq!(find("bibliotheque club"), ["lecture"], "venue + title");
    assert_eq!(find("theatre de la place"), ["impro"], "operator");
    assert!(find("zzz").is_empty());
}

// "Near me" sorts by the distance to each offer's venue and reports it.
#[test]
fn near_me_sorts_by_distance() {
    let c = sample();
    let out = run(&c, &Query::default(), None, Some([5.611, 50.651]));
    assert_eq!(ids(&c, &out), ["lecture", "concert", "impro", "eveil"]);
    let d = out.venue_distance.expect("distances");
    assert!(d[1] < d[0]);
}

// Results come in pages of PAGE_SIZE; a page past the end shows the last one.
#[test]
fn paging() {
    let out = Outcome { results: (0..45).collect(), ..Outcome::default() };
    assert_eq!(out.pages(), 3);
    assert_eq!(out.page(2), &(40..45).collect::<Vec<_>>()[..]);
    assert_eq!(out.page(9).len(), 5);
    assert_eq!(Outcome::default().page(0).len(), 0);
}
