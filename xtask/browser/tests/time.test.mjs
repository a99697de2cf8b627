// The explorer's time windows in headless Chromium with the browser's clock set (page.clock)
// to chosen days around the winter school holidays (before, inside, after), on a site built
// on another day (PASSERELLE_TODAY): "today", "this weekend", "this week", a weekday and its
// afternoon, and age 8 give exactly the offers the data says, computed here from
// data/offers.csv and data/holidays.csv by lib/sessions.mjs (not by the generator or the
// explorer's Rust); the default order is soonest first; the windows move with the clock.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newPage, settle, siteDir, startServer } from '../lib/harness.mjs';
import { dayOf, isCurrent, load, upcoming, weekdayOf } from '../lib/sessions.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** RFC 4180 CSV → objects by header (quoted fields, doubled quotes, newlines in quotes). */
function readCsv(file) {
  const text = readFileSync(path.join(ROOT, 'data', file), 'utf8').replace(/^\uFEFF+/, '');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...records] = rows;
  return records.map((r) => Object.fromEntries(header.map((h, k) => [h.trim(), (r[k] ?? '').trim()])));
}

const { hol, rows } = load(ROOT, readCsv);
const audiences = (o) => o.audiences.split('|').filter(Boolean);

/** The clock days: before, inside and after the winter school holidays (21/12–03/01). */
const CLOCKS = [
  { label: 'before the holidays', iso: '2026-12-16T12:00:00', now: { day: dayOf(2026, 12, 16), minute: 12 * 60 } },
  { label: 'inside the holidays', iso: '2026-12-23T12:00:00', now: { day: dayOf(2026, 12, 23), minute: 12 * 60 } },
  { label: 'after the holidays', iso: '2027-01-06T12:00:00', now: { day: dayOf(2027, 1, 6), minute: 12 * 60 } },
];

/** What the data says at `now` for a window ending on `last` (from `first`). */
function inWindow(now, first, last) {
  return rows.filter((o) => {
    if (!isCurrent(o, hol, now)) return false;
    const t = o.timing;
    if (t.permanent) return Math.max(first, t.from ?? first) <= Math.min(last, t.until ?? last);
    return upcoming(o, hol, now, last).some((s) => s.day >= first);
  });
}
const sunday = (day) => day + 6 - weekdayOf(day);
/** Offers with a session to come on `weekday` (optionally in the afternoon) within 12 weeks. */
function onWeekday(now, weekday, afternoon) {
  return rows.filter((o) => !o.timing.permanent && upcoming(o, hol, now, now.day + 83)
    .some((s) => weekdayOf(s.day) === weekday && (!afternoon || (s.start !== null && s.start >= 720 && s.start < 1080))));
}
/** DESIGN.md's age rule at 8. */
function forAge(now, age) {
  return rows.filter((o) => {
    if (!isCurrent(o, hol, now)) return false;
    const a = audiences(o);
    if (!a.some((x) => x === 'families' || x === 'everyone') && a.some((x) => x === 'schools' || x === 'associations')) return false;
    if (o.age_min || o.age_max) return (!o.age_min || Number(o.age_min) <= age) && (!o.age_max || age <= Number(o.age_max));
    return a.length === 0 || a.some((x) => ({ children: age >= 3 && age <= 11, youth: age >= 12 && age <= 17,
      adults: age >= 18, seniors: age >= 60, families: true, everyone: true })[x]);
  });
}
/** The soonest-first key of an offer at `now`: next session, permanent after. */
function nextKey(o, now) {
  if (o.timing.permanent) return Infinity;
  const s = upcoming(o, hol, now, now.day + 548)[0];
  return s.day * 1440 + (s.start ?? 0);
}

let server, browser;
before(async () => {
  server = await startServer({ siteDir: siteDir() });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The explorer at `where` with the browser's clock fixed at `iso` (Brussels time). */
async function openAt(iso, where) {
  const opened = await newPage(browser, { width: 390, height: 844 });
  await opened.context.clock.setFixedTime(new Date(`${iso}+01:00`));
  await opened.page.goto(server.base + where);
  await settle(opened.page);
  await opened.page.waitForSelector('.px-explorer .px-count', { timeout: 10_000 });
  return opened;
}

/** Every result's title, across the result pages, in display order. */
async function titles(page) {
  const out = [];
  for (;;) {
    out.push(...(await page.locator('.px-card h3').allTextContents()).map((t) => t.trim()));
    const next = page.getByRole('button', { name: 'Page suivante' });
    if (!(await next.count()) || await next.isDisabled()) return out;
    const first = await page.locator('.px-card h3').first().textContent();
    await next.click();
    await page.waitForFunction((f) => document.querySelector('.px-card h3')?.textContent !== f, first);
  }
}

async function check(clock, query, want, what) {
  const { page, errors } = await openAt(clock.iso, `explore/${query}`);
  const got = await titles(page);
  assert.deepEqual([...got].sort(), want.map((o) => o.title).sort(), `${clock.label}, ${what}`);
  const keys = got.map((t) => nextKey(rows.find((o) => o.title === t), clock.now));
  assert.deepEqual(keys, [...keys].sort((a, b) => a - b), `${clock.label}, ${what}: soonest first`);
  assert.deepEqual(errors, []);
  await page.context().close();
  console.log(`${clock.label}, ${what}: ${got.length} offers, as the data says`);
  return got;
}

for (const clock of CLOCKS) {
  test(`windows at ${clock.iso} (${clock.label}) give what the data says`, async () => {
    const { now } = clock;
    const sat = sunday(now.day) - 1;
    await check(clock, '?when=today', inWindow(now, now.day, now.day), 'today');
    await check(clock, '?when=weekend', inWindow(now, Math.max(sat, now.day), sunday(now.day)), 'this weekend');
    await check(clock, '?when=week', inWindow(now, now.day, sunday(now.day)), 'this week');
    await check(clock, '?day=wed', onWeekday(now, 2, false), 'Wednesdays');
    await check(clock, '?day=wed&time=afternoon', onWeekday(now, 2, true), 'Wednesday afternoons');
    await check(clock, '?age=8', forAge(now, 8), 'age 8');
  });
}

test('the windows move with the clock, not the build day', async () => {
  const weeks = [];
  for (const clock of CLOCKS) {
    const want = inWindow(clock.now, clock.now.day, sunday(clock.now.day)).map((o) => o.title).sort();
    weeks.push(want.join('|'));
  }
  assert.equal(new Set(weeks).size, CLOCKS.length, 'the data gives three different weeks');
  // Inside the holidays, the weekly workshops that pause are not in "this week".
  const inside = inWindow(CLOCKS[1].now, CLOCKS[1].now.day, sunday(CLOCKS[1].now.day));
  assert.ok(!inside.some((o) => o.id === 'arts-de-la-parole'), 'the Tuesday workshop pauses');
  // The card of a weekly workshop shows its next session with its time, from the clock.
  const { page, errors } = await openAt(CLOCKS[2].iso, `explore/?q=${encodeURIComponent('arts de la parole')}`);
  const card = page.locator('.px-card', { hasText: 'Les arts de la parole' });
  assert.match(await card.locator('.px-when').textContent(), /mar\. 12 janv\., 18 h 30–20 h 30/);
  // Ticking "Ce week-end" in the facets gives the same as the link.
  await page.goto(server.base + 'explore/');
  await page.waitForSelector('.px-explorer .px-count');
  // On a phone the filters start folded.
  if (!(await page.locator('.px-filters').getAttribute('open'))) await page.locator('.px-filters > summary').click();
  await page.getByLabel(/^Ce week-end/).check();
  await page.waitForFunction(() => location.search === '?when=weekend');
  const want = inWindow(CLOCKS[2].now, sunday(CLOCKS[2].now.day) - 1, sunday(CLOCKS[2].now.day));
  assert.deepEqual((await titles(page)).sort(), want.map((o) => o.title).sort());
  // The age box filters as the visitor types.
  await page.getByLabel(/^Âge/).fill('8');
  await page.waitForFunction(() => location.search.includes('age=8'));
  assert.deepEqual(errors, []);
  await page.context().close();
});
