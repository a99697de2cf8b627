// The coordination's districts × audiences × ages table (districts/index.html), read in
// Chromium as a user sees it, against figures recomputed here from the open data
// (data/charter.json, data/sessions.csv) and the season of content/site.toml: current offers
// of the season only (ended and cancelled ones left out), one count per district it reaches,
// the empty cells highlighted.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newPage, settle, siteDir, startServer } from '../lib/harness.mjs';
import { readData } from '../lib/site.mjs';

const dir = siteDir();
const data = readData(dir);
const today = process.env.PASSERELLE_TODAY;
if (!/^\d{4}-\d{2}-\d{2}$/.test(today ?? '')) throw new Error('PASSERELLE_TODAY (YYYY-MM-DD) must be set, as the site was built with it');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The season under way: from site.toml's `season_starts` (MM-DD, default 09-01). */
function season() {
  const toml = readFileSync(path.join(root, 'content', 'site.toml'), 'utf8');
  const starts = /^season_starts\s*=\s*"(\d{2}-\d{2})"/m.exec(toml)?.[1] ?? '09-01';
  const year = Number(today.slice(0, 4));
  const start = `${today.slice(5) >= starts ? year : year - 1}-${starts}`;
  const next = `${Number(start.slice(0, 4)) + 1}-${starts}`;
  const end = new Date(Date.parse(next) - 86_400_000).toISOString().slice(0, 10);
  return { start, end };
}

const sessions = new Map();
for (const line of readFileSync(path.join(dir, 'data', 'sessions.csv'), 'utf8').trim().split(/\r?\n/).slice(1)) {
  const [offer, start] = line.split(',');
  if (!sessions.has(offer)) sessions.set(offer, []);
  sessions.get(offer).push(start.slice(0, 10));
}
const daysOf = (o) => (sessions.get(o.id) ?? []).slice().sort();
const isCurrent = (o) => (daysOf(o).length ? daysOf(o).some((d) => d >= today) : !o.ends_on || o.ends_on >= today);
function runsIn(o, { start, end }) {
  const days = daysOf(o);
  const first = o.starts_on ?? days[0];
  const last = o.ends_on ?? days[days.length - 1];
  return (!first || first <= end) && (!last || last >= start);
}

/** The ages an offer is for (DESIGN.md "Time", age). */
function ages(o) {
  const has = (c) => o.audiences.includes(c);
  const open = has('families') || has('everyone');
  if (!open && (has('schools') || has('associations'))) return [];
  if (o.age_min != null || o.age_max != null) return [[o.age_min ?? 0, o.age_max ?? 120]];
  if (o.audiences.length === 0 || open) return [[0, 120]];
  const table = { children: [3, 11], youth: [12, 17], adults: [18, 120], seniors: [60, 120] };
  return o.audiences.filter((a) => table[a]).map((a) => table[a]);
}
const BANDS = [[0, 5], [6, 11], [12, 17], [18, 59], [60, 120]];

let server;
let browser;
before(async () => {
  server = await startServer({ siteDir: dir });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('districts/: the season\'s table counts current offers by district, audience and age band', async () => {
  const s = season();
  const counted = data.offers.filter((o) => isCurrent(o) && o.status !== 'cancelled' && runsIn(o, s));
  const terms = data.vocabularies.audience.terms;
  const { page } = await newPage(browser, { width: 1280, height: 800 });
  await page.goto(`${server.base}districts/index.html`);
  await settle(page);
  const table = page.locator('table.coverage-table').first();
  const headers = await table.locator('thead tr').nth(1).locator('th').allInnerTexts();
  const labels = terms.map((t) => t[data.language] ?? t.fr);
  assert.deepEqual(headers.slice(0, labels.length).map((h) => h.trim().toLowerCase()), labels.map((l) => l.toLowerCase()),
    'one column per audience, in the vocabulary\'s order');
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    name: tr.querySelector('th').firstChild.textContent.trim(),
    cells: [...tr.querySelectorAll('td')].map((td) => ({
      count: Number(td.childNodes[td.classList.contains('is-empty') ? 1 : 0].textContent.trim()),
      empty: td.classList.contains('is-empty'),
    })),
  })));
  assert.equal(rows.length, data.districts.length, 'one row per district');
  let empties = 0;
  for (const row of rows) {
    const d = data.districts.find((x) => x.name === row.name);
    assert.ok(d, `row ${row.name} is a district`);
    const reaching = counted.filter((o) => o.districts.includes(d.id));
    const expected = [
      reaching.length,
      ...terms.map((t) => reaching.filter((o) => o.audiences.includes(t.code)).length),
      ...BANDS.map(([lo, hi]) => reaching.filter((o) => ages(o).some(([a, b]) => a <= hi && lo <= b)).length),
    ];
    assert.deepEqual(row.cells.map((c) => c.count), expected, `${d.name}: total, audiences, age bands`);
    for (const c of row.cells) {
      assert.equal(c.empty, c.count === 0, `${d.name}: a cell is highlighted exactly when it is empty`);
      if (c.empty) empties += 1;
    }
  }
  console.log(`coverage: ${counted.length} offers in the season ${s.start}..${s.end}, ${rows.length} districts, ${empties} empty cells`);
  await page.close();
});

test('districts/ on a phone: the wide table says it scrolls, and scrolls inside its frame', async () => {
  const { page } = await newPage(browser, { width: 390, height: 844 });
  await page.goto(`${server.base}districts/index.html`);
  await settle(page);
  const hint = page.locator('.coverage .scroll-hint').first();
  assert.ok(await hint.isVisible(), 'a hint says the table scrolls sideways');
  const frame = page.locator('.coverage .table-scroll').first();
  const { scroll, client } = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(scroll > client, `the table is wider than its frame (${scroll} > ${client}): it scrolls inside it`);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= 390, `the page itself does not scroll sideways (${pageWidth}px)`);
  await page.close();
});
