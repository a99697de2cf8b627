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
// printed with the figures (other work on the machine slows them down). Steadier on a busy
// machine: `main_thread_cpu_*`, the renderer's main-thread CPU time per change (script, style,
// layout and paint recording, from the click to the painted frame), and
// `renderer_cpu_ms_per_change`, the whole renderer's (rasterising included), averaged.
//
// Options (environment): SITE_DIR (a built site, e.g. from `cargo xtask synth --offers 10000`),
// PERF_ROUNDS (default 4), PERF_PROFILE=<file.cpuprofile> (a CPU profile of the measured
// rounds, for Chromium's DevTools), CHROMIUM (the browser, default /usr/bin/chromium).

import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, newPage, settle, siteDir, startServer } from '../lib/harness.mjs';

/**
 * In the page: defines `window.__pxSample(i)`, which ticks or unticks the `i`-th chosen facet
 * value and resolves to `{ script, layout }` (ms) once the change is rendered, laid out and
 * painted. Returns how many values are chosen.
 */
function installSampler() {
  const boxes = [...document.querySelectorAll('.px-group input[type="checkbox"]')];
  // A varied, fixed choice: every third value, at most 16 of them.
  const chosen = boxes.filter((_, i) => i % 3 === 0).slice(0, 16);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  window.__pxSample = async (i) => {
    const t0 = performance.now();
    chosen[i].click();
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
    await frame(); // painted (and the URL recorded) before the next sample
    return { script: rendered - t0, layout };
  };
  return chosen.length;
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
    // Main-thread and renderer CPU time: less shaken than wall time by other work on the machine.
    const metrics = async () => {
      const { metrics: list } = await session.send('Performance.getMetrics');
      const get = (name) => list.find((m) => m.name === name)?.value ?? 0;
      return { thread: get('ThreadTime') * 1000, process: get('ProcessTime') * 1000 };
    };
    const changes = await page.evaluate(installSampler);
    const [total, script, thread] = [[], [], []];
    const start = await metrics();
    for (let round = 0; round <= rounds; round++) {
      for (let i = 0; i < changes; i++) {
        const before = await metrics();
        const sample = await page.evaluate((k) => window.__pxSample(k), i);
        const after = await metrics();
        if (round === 0) continue; // warm-up
        script.push(sample.script);
        total.push(sample.script + sample.layout);
        thread.push(after.thread - before.thread);
      }
    }
    const cpuPerChange = ((await metrics()).process - start.process) / (changes * (rounds + 1));
    if (profile) {
      const { profile: data } = await session.send('Profiler.stop');
      writeFileSync(profile, JSON.stringify(data));
    }
    for (const list of [total, script, thread]) list.sort((a, b) => a - b);
    return {
      median_ms: round1(quantile(total, 0.5)),
      p95_ms: round1(quantile(total, 0.95)),
      samples: total.length,
      script_median_ms: round1(quantile(script, 0.5)),
      script_p95_ms: round1(quantile(script, 0.95)),
      max_ms: round1(total[total.length - 1]),
      main_thread_cpu_median_ms: round1(quantile(thread, 0.5)),
      main_thread_cpu_p95_ms: round1(quantile(thread, 0.95)),
      renderer_cpu_ms_per_change: round1(cpuPerChange),
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
