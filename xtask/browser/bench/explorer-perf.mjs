#!/usr/bin/env node
// The explorer's filter-change benchmark (DESIGN.md budget: a filter change re-rendered in
// ≤ 16 ms median, ≤ 50 ms p95, in headless Chromium at 10,000 offers). A benchmark, never a
// test: it prints one JSON line and asserts nothing.
//
//   SITE_DIR=/tmp/syn10k/site node bench/explorer-perf.mjs
//   {"median_ms":4.1,"p95_ms":9.8,"samples":96,"script_median_ms":3.2,"offers":"10 000 offres",...}
//
// Each sample ticks or unticks one facet value (districts, audiences, disciplines, free,
// accessibility: a fixed, varied list) and times from the click until the app has re-rendered
// (the performance mark `px-rendered` it sets in an effect once every component has rendered),
// plus the style and layout of the new DOM (a forced synchronous layout): what the user waits
// for before the next frame can be painted. `script_*` is the same without the layout. One
// warm-up round is not counted; the browser paints between samples. The load average is
// printed with the figures (other work on the machine slows them down); `cpu_ms_per_change` is
// the renderer's CPU time (paint included) per change, all rounds, steadier on a busy machine.
//
// Options (environment): SITE_DIR (a built site, e.g. from `cargo xtask synth --offers 10000`),
// PERF_ROUNDS (default 4), PERF_PROFILE=<file.cpuprofile> (a CPU profile of the measured
// rounds, for Chromium's DevTools), CHROMIUM (the browser, default /usr/bin/chromium).

import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, newPage, settle, siteDir, startServer } from '../lib/harness.mjs';

/** The browser-side loop: returns `{ total, script, rounds }` lists of milliseconds. */
async function sampleInPage({ rounds }) {
  const boxes = [...document.querySelectorAll('.px-group input[type="checkbox"]')];
  // A varied, fixed choice: every third value, at most 16 of them.
  const chosen = boxes.filter((_, i) => i % 3 === 0).slice(0, 16);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const total = [];
  const script = [];
  for (let round = 0; round <= rounds; round++) {
    for (const box of chosen) {
      await frame();
      const t0 = performance.now();
      box.click();
      // The app renders in a microtask after the event (yew's scheduler) and marks the moment
      // it is done (the performance mark `px-rendered`); poll microtasks, then tasks if it
      // yielded to the browser.
      const done = () => performance.getEntriesByName('px-rendered', 'mark').find((m) => m.startTime >= t0);
      for (let k = 0; k < 10_000 && !done(); k++) await Promise.resolve();
      while (!done() && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 0));
      const rendered = done()?.startTime ?? performance.now();
      const l0 = performance.now();
      void document.body.offsetHeight; // style and layout of the new DOM, synchronously
      const layout = performance.now() - l0;
      if (round > 0) {
        script.push(rendered - t0);
        total.push(rendered - t0 + layout);
      }
    }
  }
  return { total, script, changes: chosen.length };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round1 = (x) => Math.round(x * 10) / 10;

/**
 * Opens `base + 'explore/'` in `browser`, runs the samples and returns the figures.
 * `profile`: a path to write a CPU profile of the measured rounds to.
 */
export async function measureFilterChanges(browser, base, { rounds = 4, profile } = {}) {
  const { page, context } = await newPage(browser, { width: 1280, height: 900 });
  try {
    await page.goto(base + 'explore/');
    await settle(page, { timeout: 60_000 });
    await page.waitForSelector('.px-explorer .px-count', { timeout: 60_000 });
    const offers = (await page.locator('.px-explorer [role="status"]').textContent()).trim();
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    if (profile) {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 100 });
      await session.send('Profiler.start');
    }
    // The renderer's CPU time (less sensitive to other work on the machine than wall time).
    const cpu = async () => (await session.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ProcessTime')?.value ?? 0;
    const cpu0 = await cpu();
    const { total, script, changes } = await page.evaluate(sampleInPage, { rounds });
    const cpuPerChange = ((await cpu()) - cpu0) * 1000 / (changes * (rounds + 1));
    if (profile) {
      const { profile: data } = await session.send('Profiler.stop');
      writeFileSync(profile, JSON.stringify(data));
    }
    total.sort((a, b) => a - b);
    script.sort((a, b) => a - b);
    return {
      median_ms: round1(quantile(total, 0.5)),
      p95_ms: round1(quantile(total, 0.95)),
      samples: total.length,
      script_median_ms: round1(quantile(script, 0.5)),
      script_p95_ms: round1(quantile(script, 0.95)),
      max_ms: round1(total[total.length - 1]),
      cpu_ms_per_change: round1(cpuPerChange),
      offers,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const server = await startServer({ siteDir: siteDir(), prefix: '/perf/' });
  const browser = await launch();
  try {
    const before = loadavg()[0];
    const figures = await measureFilterChanges(browser, server.base, {
      rounds: Number(process.env.PERF_ROUNDS || 4),
      profile: process.env.PERF_PROFILE,
    });
    const load = [before, loadavg()[0]].map((x) => Math.round(x * 100) / 100);
    console.log(JSON.stringify({ ...figures, loadavg_1min: load, budget_ms: { median: 16, p95: 50 } }));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
