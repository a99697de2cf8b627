//! The filter's own cost on a large index, natively (a benchmark, never a timed assertion):
//! `EXPLORER_INDEX=site/assets/explorer-index.bin cargo run --release -p passerelle-explorer \
//!  --example bench_filter`. (In the browser, `cargo xtask bench` measures the whole re-render.)

use passerelle_explorer::filter::{run, search, Catalog, Query};
use passerelle_explorer::index::decode;
use std::time::Instant;

fn main() {
    let Ok(path) = std::env::var("EXPLORER_INDEX") else {
        eprintln!("usage: EXPLORER_INDEX=path/to/explorer-index.bin cargo run --release -p passerelle-explorer --example bench_filter");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).expect("EXPLORER_INDEX");
    let t = Instant::now();
    let catalog = Catalog::new(decode(&bytes).expect("index"), passerelle_explorer::filter::Now::default());
    println!("decode + prepare {} offers: {:?}", catalog.len(), t.elapsed());
    let codes: Vec<String> = catalog.index.vocab.audience.iter().map(|(c, _)| c.clone()).collect();
    let mut times = Vec::new();
    for code in codes.iter().cycle().take(64) {
        let mut q = Query::default();
        q.audiences.insert(code.clone());
        q.free = times.len() % 2 == 0;
        let t = Instant::now();
        let out = run(&catalog, &q, None, None);
        times.push(t.elapsed());
        assert!(out.results.len() <= catalog.len());
    }
    times.sort();
    println!("filter::run: median {:?}, p95 {:?}", times[times.len() / 2], times[times.len() * 95 / 100]);
    let t = Instant::now();
    let hits = search(&catalog, "theatre").map_or(0, |b| b.count());
    println!("search \"theatre\": {hits} hits in {:?}", t.elapsed());
}
