use super::*;
use passerelle_index::time::{DayRule, Recurrence};
use passerelle_index::{days_from_civil, District, Index, OfferRow, Venue, FORMAT_VERSION};

/// A one-off session: `day` at `start` (minutes).
fn once(day: i32, start: u16, end: Option<u16>) -> Recurrence {
    Recurrence { start: Some(start), end, from: Some(day), until: Some(day), ..Recurrence::default() }
}

/// Every `weekday` (0 = Monday) at `start`, between optional bounds.
fn weekly(weekday: u8, start: u16, from: Option<i32>, until: Option<i32>) -> Recurrence {
    Recurrence {
        days: vec![DayRule { weekday, rank: 0 }],
        start: Some(start),
        from,
        until,
        ..Recurrence::default()
    }
}

/// The visitor's clock: 2026 `m`/`d` at `h`:00.
fn at(m: u32, d: u32, h: u16) -> Now {
    Now { day: day(m, d), minute: h * 60 }
}

fn vocab(codes: &[&str]) -> Vec<(String, String)> {
    codes.iter().map(|c| (c.to_string(), c.to_uppercase())).collect()
}

fn day(m: u32, d: u32) -> i32 {
    days_from_civil(2026, m, d)
}

/// Five offers over two districts, seen on Saturday 2026-11-21 at 9:00.
fn sample() -> Catalog {
    sample_at(at(11, 21, 9))
}

fn sample_at(now: Now) -> Catalog {
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
    index.vocab.audience = vocab(&["children", "youth", "adults", "schools"]);
    index.vocab.discipline = vocab(&["music", "theatre"]);
    index.vocab.accessibility = vocab(&["wheelchair"]);
    let rows = [
        // 0: a theatre workshop for youth in Bressoux, free, Sunday 22 November 14–16 h.
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
            when: once(day(11, 22), 14 * 60, Some(16 * 60)),
            ..OfferRow::default()
        },
        // 1: a concert for children and adults in both districts, paid, Sunday 20 December 20 h.
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
            when: once(day(12, 20), 20 * 60, None),
            ..OfferRow::default()
        },
        // 2: a reading club for adults in Droixhe, free, every Wednesday at 14 h.
        OfferRow {
            id: "lecture".into(),
            title: "Club lecture".into(),
            summary: "Chaque mercredi.".into(),
            operator: 1,
            venue: Some(1),
            districts: vec![1],
            audiences: vec![2],
            price: 1,
            when: weekly(2, 14 * 60, None, None),
            ..OfferRow::default()
        },
        // 3: a music course for children in Bressoux, Saturdays 10 h in September–October: ended.
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
            when: weekly(5, 10 * 60, Some(day(9, 1)), Some(day(10, 31))),
            ..OfferRow::default()
        },
        // 4: concerts for classes (schools, children 6–12), Tuesdays 9:30 in the hall.
        OfferRow {
            id: "classe".into(),
            title: "Concert en classe".into(),
            summary: "Avec l'école.".into(),
            operator: 1,
            venue: Some(0),
            districts: vec![0],
            audiences: vec![3, 0],
            disciplines: vec![0],
            age_min: Some(6),
            age_max: Some(12),
            price: 1,
            when: weekly(1, 9 * 60 + 30, None, None),
            ..OfferRow::default()
        },
    ];
    for row in rows {
        index.offers.push(row);
    }
    assert_eq!(index.check(), Ok(()));
    Catalog::new(index, now)
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

// No filter: the current offers, soonest next session first; the ended one is left out.
#[test]
fn default_order() {
    let c = sample();
    let all = run_q(&c, &Query::default());
    assert_eq!(ids(&c, &all), ["impro", "classe", "lecture", "concert"]);
    assert_eq!(all.counts.districts, [3, 2]);
    assert_eq!(all.per_venue, [2, 2]);
    let w = c.time.windows;
    assert_eq!((w.weekend_start, w.sunday, w.month_end), (day(11, 21), day(11, 22), day(11, 30)));
    assert_eq!(c.next_day(3), None, "ended");
    assert_eq!(c.next_day(2), Some(day(11, 25)), "the next Wednesday");
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
    assert_eq!(ids(&c, &run_q(&c, &q)), ["impro", "classe", "concert"]);
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
    assert_eq!(ids(&c, &out), ["impro", "classe"]);
    // Free offers per district, whatever district is ticked.
    assert_eq!(out.counts.districts, [2, 1]);
    assert_eq!(out.counts.free, 2);
    // Free Bressoux offers per audience.
    assert_eq!(out.counts.audiences, [1, 1, 0, 1]);
    let n = &out.counts;
    assert_eq!((n.today, n.weekend, n.week, n.month), (0, 1, 1, 2));
}

// Windows run from the visitor's now to the end of the day, the weekend, Sunday night, the
// month; a range too; ended offers never show.
#[test]
fn date_windows() {
    let c = sample();
    let get = |when: When| ids(&c, &run_q(&c, &query(|q| q.when = when)));
    assert_eq!(get(When::Today), Vec::<String>::new());
    assert_eq!(get(When::Weekend), ["impro"]);
    assert_eq!(get(When::Week), ["impro"]);
    assert_eq!(get(When::Month), ["impro", "classe", "lecture"]);
    assert_eq!(
        get(When::Range { from: Some(day(12, 1)), to: Some(day(12, 31)) }),
        ["classe", "lecture", "concert"]
    );
    assert!(get(When::Range { from: None, to: Some(day(10, 15)) }).is_empty(), "the past is not to come");
}

// The same index seen on other days: the windows move with the visitor's clock, not the build.
#[test]
fn windows_move_with_the_clock() {
    let wednesday = sample_at(at(11, 25, 13));
    let get = |c: &Catalog, when: When| ids(c, &run_q(c, &query(|q| q.when = when)));
    assert_eq!(get(&wednesday, When::Today), ["lecture"], "at 13 h, the 14 h session is to come");
    assert_eq!(get(&wednesday, When::Week), ["lecture"]);
    let later = sample_at(at(11, 25, 15));
    assert!(get(&later, When::Today).is_empty(), "at 15 h it has started (no end): over");
    assert_eq!(later.next_day(2), Some(day(12, 2)));
    let december = sample_at(at(12, 19, 9));
    assert_eq!(get(&december, When::Weekend), ["concert"]);
    assert_eq!(ids(&december, &run_q(&december, &Query::default())), ["concert", "classe", "lecture"]);
}

// Weekday × time of day: "Wednesday afternoon" is a session on a Wednesday afternoon.
#[test]
fn weekday_and_time_of_day() {
    let c = sample();
    let get =
        |weekdays: u8, parts: u8| ids(&c, &run_q(&c, &query(|q| (q.weekdays, q.parts) = (weekdays, parts))));
    assert_eq!(get(1 << 2, 1 << 1), ["lecture"], "Wednesday afternoon");
    assert!(get(1 << 2, 1 << 0).is_empty(), "Wednesday morning");
    assert_eq!(get(1 << 6, 0), ["impro", "concert"], "Sundays");
    assert_eq!(get(0, 1 << 2), ["concert"], "evenings");
    assert_eq!(get(0, 1 << 0), ["classe"], "mornings");
    let out = run_q(&c, &query(|q| q.parts = 1 << 1));
    assert_eq!(out.counts.weekdays, [0, 0, 1, 0, 0, 0, 1], "afternoons per weekday");
    assert_eq!(out.counts.parts, [1, 2, 1], "every weekday, per part");
}

// Age: within [age_min, age_max]; without ages, by audience (children 3–11, adults 18+…);
// school-only offers leave the resident's age filter.
#[test]
fn age_filter() {
    let c = sample();
    assert_eq!(ids(&c, &run_q(&c, &query(|q| q.age = Some(14)))), ["impro"]);
    assert_eq!(ids(&c, &run_q(&c, &query(|q| q.age = Some(8)))), ["concert"], "not the class concert");
    assert_eq!(ids(&c, &run_q(&c, &query(|q| q.age = Some(40)))), ["lecture", "concert"]);
}

// Search is accent- and case-insensitive over titles, summaries, operators and venues.
#[test]
fn search_folds_accents() {
    let c = sample();
    let find = |text: &str| ids(&c, &run_q(&c, &query(|q| q.text = text.into())));
    assert_eq!(find("theatre"), ["impro"], "summary: Du théâtre");
    assert!(find("EVEIL").is_empty(), "ended: in the archive, not in the explorer");
    assert_eq!(find("ECOLE"), ["classe"]);
    assert_eq!(find("bibliotheque club"), ["lecture"], "venue + title");
    assert_eq!(find("theatre de la place"), ["impro"], "operator");
    assert!(find("zzz").is_empty());
}

// "Near me" sorts by the distance to each offer's venue and reports it.
#[test]
fn near_me_sorts_by_distance() {
    let c = sample();
    let out = run(&c, &Query::default(), None, Some(Near { at: [5.611, 50.651], radius: None }));
    assert_eq!(ids(&c, &out), ["lecture", "concert", "impro", "classe"], "the ended éveil is never ranked");
    let d = out.venue_distance.expect("distances");
    assert!(d[1] < d[0]);
    // The hall is ~1.3 km away: within 2 km, not 1 km; the ended offer at the hall never counts.
    assert_eq!(out.counts.radii, [2, 2, 4, 4]);
    assert_eq!(run_q(&c, &Query::default()).counts.radii, [0; 4], "no position, no counts");
}

// A radius keeps the offers within it, and the radius counts honour every other filter.
#[test]
fn near_me_radius() {
    let c = sample();
    let near = |radius| Some(Near { at: [5.611, 50.651], radius });
    let within = run(&c, &Query::default(), None, near(Some(1000)));
    assert_eq!(ids(&c, &within), ["lecture", "concert"]);
    assert_eq!(within.counts.radii, [2, 2, 4, 4], "the radius does not count itself");
    assert_eq!(within.per_venue, [0, 2], "the markers follow the radius");
    assert_eq!(within.counts.districts, [1, 2]);
    let free = query(|q| q.free = true);
    let out = run(&c, &free, None, near(Some(5000)));
    assert_eq!(ids(&c, &out), ["lecture", "impro", "classe"]);
    assert_eq!(out.counts.radii, [1, 1, 3, 3]);
    // An ended offer next to the user is never ranked, whatever the radius.
    let at_hall = run(&c, &Query::default(), None, Some(Near { at: [5.60, 50.64], radius: Some(500) }));
    assert_eq!(ids(&c, &at_hall), ["impro", "classe"], "not the ended éveil at the hall");
}

// "Filtrer sur ce lieu": the results narrow to the venue; the map keeps the other venues'
// counts (so that another can be chosen); unknown venue ids do not constrain.
#[test]
fn venue_filter() {
    let c = sample();
    let q = query(|q| {
        q.venues.insert("biblio".into());
    });
    let out = run_q(&c, &q);
    assert_eq!(ids(&c, &out), ["lecture", "concert"]);
    assert_eq!(out.per_venue, [2, 2]);
    assert_eq!(out.counts.districts, [1, 2]);
    // A popup lists what its marker counts, soonest first, even for a venue not chosen.
    let names = |v| out.at_venue(&c, v).iter().map(|&i| c.index.offers.id(i as usize)).collect::<Vec<_>>();
    assert_eq!(
        (names(0), names(1)),
        (vec!["impro".to_owned(), "classe".into()], vec!["lecture".to_owned(), "concert".into()])
    );
    let both = query(|q| {
        q.venues.insert("biblio".into());
        q.free = true;
    });
    assert_eq!(ids(&c, &run_q(&c, &both)), ["lecture"]);
    assert_eq!(run_q(&c, &both).per_venue, [2, 1], "other filters still apply to the markers");
    let stale = query(|q| {
        q.venues.insert("demolished".into());
    });
    assert_eq!(run_q(&c, &stale).results.len(), 4);
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
