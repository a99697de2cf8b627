use super::*;
use crate::participation::seed;

/// A fixture pool: 14 operators of four kinds in three districts, `w` marks the withdrawn.
fn pool(withdrawn: &[&str]) -> Vec<Entrant> {
    let rows = [
        ("mj-bressoux", "association", "bressoux"),
        ("bibliotheque-droixhe", "public_service", "droixhe"),
        ("ecole-saint-leonard", "school", "saint-leonard"),
        ("theatre-de-la-place", "institution", "outremeuse"),
        ("collectif-zone", "collective", "droixhe"),
        ("ateliers-04", "association", "saint-leonard"),
        ("chorale-amay", "association", "bressoux"),
        ("maison-medicale", "public_service", "bressoux"),
        ("cie-des-bulles", "collective", "outremeuse"),
        ("lire-et-ecrire", "association", "droixhe"),
        ("musee-vie-wallonne", "institution", "outremeuse"),
        ("athenee-bressoux", "school", "bressoux"),
        ("foyer-droixhe", "housing", "droixhe"),
        ("radio-quartier", "association", "saint-leonard"),
    ];
    rows.iter()
        .map(|&(id, kind, district)| Entrant {
            operator: id.into(),
            values: vec![kind.into(), district.into()],
            withdrawn: withdrawn.contains(&id),
        })
        .collect()
}

fn describe(o: &Outcome) -> String {
    let name = |r: usize| {
        let e = &o.ranking[r].entrant;
        format!("{} ({})", e.operator, e.values.join(", "))
    };
    let mut out = String::from("ranking:\n");
    for (i, r) in o.ranking.iter().enumerate() {
        out.push_str(&format!("{:>3}. {} {}\n", i + 1, r.entrant.operator, r.key));
    }
    for (g, members) in o.groups.iter().enumerate() {
        out.push_str(&format!("group {}:\n", g + 1));
        for &m in members {
            out.push_str(&format!("  {}\n", name(m)));
        }
    }
    let waiting: Vec<String> = o.waiting.iter().map(|&r| name(r)).collect();
    out.push_str(&format!("waiting: {}\n", waiting.join("; ")));
    for r in &o.replacements {
        let by = r.by.map_or("nobody".into(), name);
        out.push_str(&format!(
            "group {}: {} -> {by}, kept {}\n",
            r.group + 1,
            name(r.withdrawn),
            r.keeps_balance
        ));
    }
    out
}

const SEED: &str = "12 3 45 31 7 / 9 2";

// The ranking, groups, waiting list and replacement of a fixture pool and seed.
#[test]
fn fixture_pool_and_seed() {
    let seed = seed::canonical(SEED).expect("valid");
    assert_eq!(seed, "3.7.12.31.45./2.9./");
    let first = run(&seed, &pool(&[]), 4, None);
    let withdrawn = first.ranking[first.groups[1][0]].entrant.operator.clone();
    let outcome = run(&seed, &pool(&[&withdrawn]), 4, None);
    insta::assert_snapshot!(describe(&outcome));
}

// The ranking depends on the seed and the ids only, not on the order of the pool.
#[test]
fn ranking_ignores_pool_order() {
    let seed = seed::canonical(SEED).expect("valid");
    let mut reversed = pool(&[]);
    reversed.reverse();
    assert_eq!(rank(&seed, &pool(&[])), rank(&seed, &reversed));
    assert_eq!(
        rank(&seed, &pool(&[]))[0].key,
        sha256_hex(&format!("{seed}{}", rank(&seed, &pool(&[]))[0].entrant.operator))
    );
}

// Three full groups of four from 14; no group holds two of a kind while another group lacks it
// and could have taken it (kinds spread as evenly as the pool allows).
#[test]
fn groups_mix_the_first_balance_column() {
    let seed = seed::canonical(SEED).expect("valid");
    let o = run(&seed, &pool(&[]), 4, None);
    assert_eq!(o.groups.len(), 3);
    assert!(o.groups.iter().all(|g| g.len() == 4));
    assert_eq!(o.waiting.len(), 2);
    let placed: Vec<usize> = o.groups.iter().flatten().copied().collect();
    assert_eq!(placed.iter().copied().max(), Some(11), "the 12 best-ranked are placed");
    for kind in ["association", "public_service", "school", "institution", "collective", "housing"] {
        let counts: Vec<usize> = o
            .groups
            .iter()
            .map(|g| g.iter().filter(|&&m| o.ranking[m].entrant.values[0] == kind).count())
            .collect();
        let (min, max) = (counts.iter().min().expect("valid"), counts.iter().max().expect("valid"));
        assert!(max - min <= 1, "{kind}: {counts:?}");
    }
}

// A withdrawal goes to the best-ranked waiting volunteer who keeps the balance, even when a
// better-ranked one would break it; waiting volunteers who withdrew are skipped.
#[test]
fn replacement_keeps_the_balance() {
    let seed = "1./";
    let ids: Vec<String> = (0..6).map(|i| format!("op-{i}")).collect();
    let ranked: Vec<String> = rank(
        seed,
        &ids.iter()
            .map(|id| Entrant { operator: id.clone(), values: vec![], withdrawn: false })
            .collect::<Vec<_>>(),
    )
    .into_iter()
    .map(|r| r.entrant.operator)
    .collect();
    // By rank: placed x, y, y; waiting x (withdrawn too), y, x. The first placed (x) withdraws.
    let plan = [("x", true), ("y", false), ("y", false), ("x", true), ("y", false), ("x", false)];
    let entrants: Vec<Entrant> = ranked
        .iter()
        .zip(plan)
        .map(|(id, (v, w))| Entrant { operator: id.clone(), values: vec![v.into()], withdrawn: w })
        .collect();
    let o = run(seed, &entrants, 3, Some(1));
    assert_eq!(o.drawn, [vec![0, 1, 2]]);
    assert_eq!(o.replacements, [Replacement { group: 0, withdrawn: 0, by: Some(5), keeps_balance: true }]);
    assert_eq!(o.groups, [vec![5, 1, 2]]);
    assert_eq!(o.waiting, [3, 4]);
    // With no x left to wait, the best-ranked available takes the seat and the balance is not kept.
    let mut no_x = entrants.clone();
    no_x[5].values = vec!["y".into()];
    let o = run(seed, &no_x, 3, Some(1));
    assert_eq!(o.replacements, [Replacement { group: 0, withdrawn: 0, by: Some(4), keeps_balance: false }]);
}
