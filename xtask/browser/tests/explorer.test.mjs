// The explorer in real headless Chromium, on the built shipped site served under /charte/:
// facets, a district's shape, audience, free, date window, accent-insensitive search, counts
// checked against counts computed here, independently, from data/*.csv; the URL round trip and
// Back; a district page pre-filtered; "near me" with a mocked position; keyboard-only use; the
// venue popup (its offers, "filtrer sur ce lieu", the venue in the URL); near me's radii with
// counts; the phone's list / map switch, filters sheet and skip link; paging; no console error. With EXPLORER_PERF_SITE=<a built 10,000-offer site>,
// also times filter changes (printed as a benchmark figure, never asserted).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newPage, settle, siteDir, startServer } from '../lib/harness.mjs';
import { axeViolations } from '../lib/checks.mjs';
import { holidays, isCurrent, timing, upcoming } from '../lib/sessions.mjs';
import { readData, showMap } from '../lib/site.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TODAY = process.env.PASSERELLE_TODAY || '2026-11-21';

// ---- The expected counts, from the CSV files (not from anything the generator wrote). ----

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines in quotes) → objects by header. */
function readCsv(file) {
  const text = readFileSync(path.join(ROOT, 'data', file), 'utf8').replace(/^\uFEFF+/, '');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
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

const list = (cell) => cell.split(/[|;,]/).map((s) => s.trim()).filter(Boolean);
const day = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').toLowerCase();

const districtRows = readCsv('districts.csv');
// A venue's district: its cell, or the district whose outline (districts.geojson) contains it.
const shapes = JSON.parse(readFileSync(path.join(ROOT, 'data', 'districts.geojson'), 'utf8')).features.map((f) => ({
  id: f.properties.id,
  polygons: f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
}));
const inRing = (ring, x, y) => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const locate = (lon, lat) => shapes.find((s) => s.polygons.some(([outer, ...holes]) =>
  inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat))))?.id;
const venueDistrict = new Map(readCsv('venues.csv').map((v) => [v.id, v.district || locate(Number(v.lon), Number(v.lat))]));
const offers = readCsv('offers.csv').map((o) => {
  const cell = list(o.districts);
  const districts = cell.includes('all') ? districtRows.map((d) => d.id)
    : cell.length ? cell : [venueDistrict.get(o.venue)].filter(Boolean);
  let [start, end] = [o.starts_on ? day(o.starts_on) : null, o.ends_on ? day(o.ends_on) : null];
  if (start !== null && end === null) end = start; // a start alone is one day
  return { ...o, districts, audiences: list(o.audiences), free: o.price === 'free', start, end };
});
const today = day(TODAY);
const weekEnd = today + (7 - ((new Date(`${TODAY}T00:00:00Z`).getUTCDay() + 6) % 7)) - 1; // Sunday
// The browser's clock is set to noon on TODAY (the explorer reads the visitor's clock, not the
// build day); ended offers are in the archive, not in the explorer (lib/sessions.mjs says which).
const hol = holidays(readCsv('holidays.csv'));
const now = { day: today, minute: 12 * 60 };
const current = offers.filter((o) => isCurrent({ ...o, timing: timing(o) }, hol, now));
const thisWeek = (o) => {
  const t = timing(o);
  if (t.permanent) return Math.max(today, t.from ?? today) <= Math.min(weekEnd, t.until ?? weekEnd);
  return upcoming({ ...o, timing: t }, hol, now, weekEnd).length > 0;
};
offers.splice(0, offers.length, ...current);
const expect = {
  all: offers.length,
  youth: offers.filter((o) => o.audiences.includes('youth')).length,
  youthFree: offers.filter((o) => o.audiences.includes('youth') && o.free).length,
  district: (id) => offers.filter((o) => o.districts.includes(id)).length,
  districtFree: (id) => offers.filter((o) => o.districts.includes(id) && o.free).length,
  week: offers.filter(thisWeek).length,
};
const countText = (n) => (n === 0 ? /Aucune offre/ : n === 1 ? '1 offre' : `${n} offres`);

// ---- The browser. ----

let server;
let browser;
before(async () => {
  server = await startServer({ siteDir: siteDir() });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The explore page (or `where`), loaded and mounted; returns the page and its error list. */
async function open(where = 'explore/', options = {}) {
  const opened = await newPage(browser, { width: 1280, height: 900, ...options });
  await opened.context.clock.setFixedTime(new Date(`${TODAY}T12:00:00+01:00`));
  await opened.page.goto(server.base + where);
  await settle(opened.page);
  await opened.page.waitForSelector('.px-explorer .px-count', { timeout: 10_000 });
  return opened;
}
const count = (page) => page.locator('.px-explorer [role="status"]');
/** Waits until the URL's query is `want` (the app records it once the change is painted). */
async function expectQuery(page, want) {
  await page.waitForFunction((q) => location.search === q, want, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => location.search), want);
}

test('explore: every offer, then facets narrow with counts that match the data', async () => {
  const { page, errors } = await open();
  await assert.doesNotReject(count(page).filter({ hasText: countText(expect.all) }).waitFor({ timeout: 3000 }));
  // The facet's own live count says what ticking it gives.
  const youth = page.locator('.px-option', { has: page.getByLabel(/^Jeunes/) });
  assert.equal(Number(await youth.locator('.px-n').textContent()), expect.youth);
  await page.getByLabel(/^Jeunes/).check();
  await count(page).filter({ hasText: countText(expect.youth) }).waitFor();
  await expectQuery(page, '?audience=youth');
  await page.getByLabel(/^Gratuit/).check();
  await count(page).filter({ hasText: countText(expect.youthFree) }).waitFor();
  await expectQuery(page, '?audience=youth&free=1');
  // Every card shown is free.
  const cards = page.locator('.px-card');
  for (let i = 0; i < await cards.count(); i++) assert.match(await cards.nth(i).textContent(), /Gratuit/);
  // Back undoes the last filter, in the URL and on screen.
  await page.goBack();
  await count(page).filter({ hasText: countText(expect.youth) }).waitFor();
  await expectQuery(page, '?audience=youth');
  assert.equal(await page.getByLabel(/^Gratuit/).isChecked(), false);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('explore: a click on a district shape filters on it; the date window too', async () => {
  const { page, errors } = await open();
  const bressoux = page.locator('path.px-district[aria-label^="Bressoux"]');
  await bressoux.click();
  await count(page).filter({ hasText: countText(expect.district('bressoux')) }).waitFor();
  assert.equal(await bressoux.getAttribute('aria-pressed'), 'true');
  await expectQuery(page, '?district=bressoux');
  assert.equal(await page.getByRole('checkbox', { name: /^Bressoux/ }).isChecked(), true, 'the facet follows the map');
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await page.getByLabel(/^Cette semaine/).check();
  await count(page).filter({ hasText: countText(expect.week) }).waitFor();
  await expectQuery(page, '?when=week');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('explore: search ignores accents and case ("theatre" finds "Théâtre")', async () => {
  const { page, errors } = await open();
  await page.getByLabel('Rechercher une offre').fill('theatre');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'theatre');
  const cards = page.locator('.px-card');
  const n = await cards.count();
  assert.ok(n > 0, 'some offer mentions a theatre');
  const texts = await cards.allTextContents();
  for (const text of texts) assert.ok(fold(text).includes('theatre'), text);
  assert.ok(texts.some((t) => /Théâtre|théâtre/.test(t)), 'the accented spelling is found');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a shared link opens filtered; a district page opens on its district', async () => {
  const { page, errors } = await open('explore/?district=droixhe&free=1');
  await count(page).filter({ hasText: countText(expect.districtFree('droixhe')) }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: /^Droixhe/ }).isChecked(), true);
  assert.equal(await page.getByLabel(/^Gratuit/).isChecked(), true);
  await page.context().close();
  const district = await open('districts/bressoux.html');
  await count(district.page).filter({ hasText: countText(expect.district('bressoux')) }).waitFor();
  assert.equal(await district.page.locator('path.px-district[aria-label^="Bressoux"]').getAttribute('aria-pressed'), 'true');
  assert.deepEqual([...errors, ...district.errors], []);
  await district.page.context().close();
});

test('near me sorts by distance from a mocked position', async () => {
  const venues = readCsv('venues.csv');
  const target = venues.find((v) => offers.some((o) => o.venue === v.id));
  const { page, context, errors } = await open('explore/');
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: Number(target.lat), longitude: Number(target.lon) });
  await page.getByRole('button', { name: 'Près de chez moi' }).click();
  await page.locator('.px-near-button[aria-pressed="true"]').waitFor();
  const first = page.locator('.px-card').first();
  assert.match(await first.locator('.px-distance').textContent(), /^à \d+ m$/);
  assert.match(await first.textContent(), new RegExp(target.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.ok(await page.locator('.px-me').count() === 1, 'the map shows where the user is');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: search, tick a facet, zoom the map, pick a district', async () => {
  const { page, errors } = await open();
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('aria-label') || document.activeElement?.tagName);
  const tabTo = async (want, max = 80) => {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate(want)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`could not reach the control with Tab (stopped on ${await focused()})`);
  };
  await tabTo(() => document.activeElement?.id === 'px-q');
  await page.keyboard.type('atelier');
  await page.waitForFunction(() => location.search.includes('q=atelier'));
  await tabTo(() => document.activeElement?.id === 'px-audience-youth');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.search.includes('audience=youth'));
  await tabTo(() => document.activeElement?.classList?.contains('px-svg'));
  const before = await page.locator('svg.px-svg').getAttribute('viewBox');
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  assert.notEqual(await page.locator('svg.px-svg').getAttribute('viewBox'), before, '+ and arrows move the map');
  await tabTo(() => document.activeElement?.classList?.contains('px-district'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('district='));
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a venue marker opens a popup linking to the venue page; results come in pages', async () => {
  const { page, errors } = await open();
  await page.locator('.px-marker:not(.px-cluster)').first().click();
  const link = page.locator('.px-popup a[href*="venues/"]');
  assert.match(await link.getAttribute('href'), /^\.\.\/venues\/[a-z0-9-]+\.html$/);
  await link.click();
  await page.waitForURL(/\/charte\/venues\/[a-z0-9-]+\.html$/);
  await page.goBack();
  await page.waitForSelector('.px-count');
  if (expect.all > 20) {
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await page.waitForFunction(() => location.search.includes('page=2'));
    assert.match(await page.locator('.px-pager').textContent(), /Page 2 sur/);
    assert.equal(await page.locator('.px-card').count(), Math.min(20, expect.all - 20));
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});

// ---- The map: legible labels, real targets, clusters, popups, gestures. ----

const venueRows = readCsv('venues.csv');
const located = new Set(venueRows.filter((v) => v.lat && v.lon).map((v) => v.id));
/** Offers the map can show: current ones at a venue with a position. */
const onMap = offers.filter((o) => located.has(o.venue)).length;

/** Boxes of the map's labels and markers, the frame's, and the label font sizes. */
const mapBoxes = (page) => page.evaluate(() => {
  const box = (e) => { const r = e.getBoundingClientRect(); return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, w: r.width, h: r.height }; };
  return {
    frame: box(document.querySelector('.px-map-frame')),
    labels: [...document.querySelectorAll('.px-label')].map((l) => ({ text: l.textContent, size: parseFloat(getComputedStyle(l).fontSize), ...box(l) })),
    markers: [...document.querySelectorAll('.px-marker')].map((m) => ({ n: Number(m.textContent), cluster: m.classList.contains('px-cluster'), ...box(m) })),
  };
});
const meets = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const inside = (a, b) => a.x0 >= b.x0 - 0.5 && a.y0 >= b.y0 - 0.5 && a.x1 <= b.x1 + 0.5 && a.y1 <= b.y1 + 0.5;

/** What every map state must hold: labels ≥ 12 px clear of markers, targets ≥ 24 px, counts. */
function checkMap(boxes, where, { allShown = true } = {}) {
  // At rest the whole map shows, and some district is named (zoomed in, the names may be off screen).
  if (allShown) assert.ok(boxes.labels.length > 0, `${where}: some district is named`);
  for (const l of boxes.labels) {
    assert.ok(l.size >= 12, `${where}: label ${l.text} at ${l.size}px`);
    for (const m of boxes.markers) assert.ok(!meets(l, m), `${where}: label ${l.text} under a marker (${JSON.stringify([l, m])})`);
  }
  for (const m of boxes.markers) assert.ok(m.w >= 24 && m.h >= 24, `${where}: a marker of ${m.w}×${m.h}px`);
  if (allShown) {
    const sum = boxes.markers.reduce((s, m) => s + m.n, 0);
    assert.equal(sum, onMap, `${where}: the markers' counts add up to the offers on the map`);
  }
}

for (const width of [390, 1280]) {
  test(`map at ${width}px: labels ≥ 12 px never under markers, targets ≥ 24 px, cluster counts add up, axe clean`, async () => {
    const { page, errors } = await open('explore/', { width, height: width > 600 ? 900 : 844 });
    await showMap(page);
    await page.waitForSelector('.px-marker');
    checkMap(await mapBoxes(page), `${width}px at rest`);
    assert.ok((await page.locator('.px-label', { hasText: 'Hors des quartiers' }).count()) + (await page.locator('.px-outside path').count()) > 0,
      'venues outside the districts are grouped');
    assert.match(await page.locator('.px-scale').textContent(), /^\d+ k?m$/);
    assert.deepEqual(await axeViolations(page), []);
    // A cluster opens by zooming on its venues: it parts, and the counts still add up.
    const cluster = page.locator('.px-marker.px-cluster').first();
    if (await cluster.count()) {
      const before = await page.locator('svg.px-svg').getAttribute('viewBox');
      await cluster.click();
      await page.waitForFunction((b) => document.querySelector('svg.px-svg').getAttribute('viewBox') !== b, before);
      checkMap(await mapBoxes(page), `${width}px, a cluster opened`, { allShown: false });
      assert.deepEqual(await axeViolations(page), []);
    }
    assert.deepEqual(errors, []);
    await page.context().close();
    // Filtered, the counts change and still add up to the offers on the map.
    const filtered = await open('explore/?free=1', { width, height: width > 600 ? 900 : 844 });
    await showMap(filtered.page);
    await filtered.page.waitForSelector('.px-marker');
    const free = offers.filter((o) => o.free && located.has(o.venue)).length;
    const boxes = await mapBoxes(filtered.page);
    assert.equal(boxes.markers.reduce((s, m) => s + m.n, 0), free, 'free offers on the map');
    assert.deepEqual(filtered.errors, []);
    await filtered.context.close();
  });

  test(`popup at ${width}px: inside the map, takes the focus, Escape gives it back to the marker; axe clean`, async () => {
    const { page, errors } = await open('explore/', { width, height: width > 600 ? 900 : 844 });
    await showMap(page);
    const markers = page.locator('.px-marker:not(.px-cluster)');
    const n = await markers.count();
    for (const k of [0, n - 1]) {
      const marker = markers.nth(k);
      const id = await marker.getAttribute('data-v');
      await marker.focus();
      await page.keyboard.press('Enter');
      const popup = page.locator('.px-popup');
      await popup.waitFor();
      const [p, f] = await page.evaluate(() => [document.querySelector('.px-popup'), document.querySelector('.px-map-frame')]
        .map((e) => { const r = e.getBoundingClientRect(); return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }; }));
      assert.ok(inside(p, f), `the popup ${JSON.stringify(p)} is inside the map ${JSON.stringify(f)}`);
      assert.ok(await page.evaluate(() => !!document.activeElement.closest('.px-popup')), 'the focus is in the popup');
      assert.deepEqual(await axeViolations(page), []);
      await page.keyboard.press('Escape');
      await popup.waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-v')), id, 'the focus is back on the marker');
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test('gestures: the wheel zooms only with the focus or Ctrl; pinch, double tap and keys zoom', async () => {
  const { page, context, errors } = await open('explore/', { width: 390, height: 844, hasTouch: true });
  await showMap(page);
  const svg = page.locator('svg.px-svg');
  const viewBox = async () => (await svg.getAttribute('viewBox')).split(' ').map(Number);
  const frame = await page.locator('.px-map-frame').boundingBox();
  const [cx, cy] = [frame.x + frame.width / 2, frame.y + frame.height / 2];
  const full = await viewBox();
  // Without the focus, the wheel scrolls the page and leaves the map alone.
  await page.mouse.move(cx, cy);
  const scrolled = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, -200);
  await page.waitForTimeout(150);
  assert.deepEqual(await viewBox(), full, 'no zoom without focus');
  await page.mouse.wheel(0, 200);
  await page.waitForFunction((y) => scrollY !== y, scrolled, { timeout: 2000 }).catch(() => {});
  assert.notEqual(await page.evaluate(() => scrollY), scrolled, 'the page scrolled: no scroll trap');
  // With Ctrl, or once the map has the focus, the wheel zooms.
  const f2 = await page.locator('.px-map-frame').boundingBox();
  await page.mouse.move(f2.x + f2.width / 2, f2.y + f2.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await page.waitForFunction((w) => Number(document.querySelector('svg.px-svg').getAttribute('viewBox').split(' ')[2]) < w, full[2]);
  await page.getByRole('button', { name: 'Recentrer la carte' }).click();
  await svg.focus();
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((w) => Number(document.querySelector('svg.px-svg').getAttribute('viewBox').split(' ')[2]) < w, full[2]);
  await page.getByRole('button', { name: 'Recentrer la carte' }).click();
  // Keys: + zooms in.
  await svg.focus();
  await page.keyboard.press('+');
  assert.ok((await viewBox())[2] < full[2], 'the + key zooms in');
  await page.getByRole('button', { name: 'Recentrer la carte' }).click();
  await page.waitForFunction((w) => Number(document.querySelector('svg.px-svg').getAttribute('viewBox').split(' ')[2]) === w, full[2]);
  // Pinch: two touch points moving apart, as the browser's touch input (CDP) sends them, at
  // the middle of the map brought to the middle of the screen (the wheel above scrolled the
  // page, and the map is taller than half a phone's screen: its middle may be off-screen;
  // instantly, as the site's smooth scrolling would move it after it is measured).
  await page.evaluate(() => document.querySelector('.px-map-frame').scrollIntoView({ block: 'center', behavior: 'instant' }));
  const box = await page.locator('.px-map-frame').boundingBox();
  const [mx, my] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await context.newCDPSession(page);
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x: mx - d, y: my, id: 1 }, { x: mx + d, y: my, id: 2 }],
  });
  await touch('touchStart', 20);
  for (const d of [30, 45, 60, 80]) await touch('touchMove', d);
  await touch('touchEnd', 0);
  await page.waitForFunction((w) => Number(document.querySelector('svg.px-svg').getAttribute('viewBox').split(' ')[2]) < w, full[2]);
  const pinched = await viewBox();
  assert.ok(full[2] / pinched[2] > 2, `a pinch from 40 to 160 px zooms about 4× (${full[2] / pinched[2]})`);
  await page.getByRole('button', { name: 'Recentrer la carte' }).click();
  // Double tap on an empty spot of the map zooms in there: a point where the map's own
  // background is hit (not a district, which a tap filters, nor a marker, label or control).
  const spot = await page.evaluate(({ x, y, width, height }) => {
    const svg = document.querySelector('svg.px-svg');
    for (let fy = 0.95; fy > 0.05; fy -= 0.05) {
      for (let fx = 0.05; fx < 0.95; fx += 0.05) {
        const [px, py] = [x + width * fx, y + height * fy];
        if (py < innerHeight - 8 && document.elementFromPoint(px, py) === svg) return { x: px, y: py };
      }
    }
    return null;
  }, box);
  assert.ok(spot, 'the map shows some background to tap');
  for (let i = 0; i < 2; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: spot.x, y: spot.y, id: 3 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(60);
  }
  await page.waitForFunction((w) => Number(document.querySelector('svg.px-svg').getAttribute('viewBox').split(' ')[2]) < w, full[2]);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- Popups that answer, a venue filter in the URL, near me with radii (data/charter.json). ----

const published = readData(siteDir());
const currentIds = new Set(offers.map((o) => o.id));
/** A venue's current offers, from the open data (ended ones are in the archive, never listed). */
const offersAt = (venueId) => published.offers.filter((o) => o.venue === venueId && !o.ended && currentIds.has(o.id));
const venueNamed = (name) => published.venues.find((v) => v.name === name);

/** The venue of the visible single-venue marker with the most offers, and that marker. */
async function busiestMarker(page) {
  await page.waitForSelector('.px-marker');
  const markers = page.locator('.px-marker:not(.px-cluster)');
  let best = null;
  for (let k = 0; k < await markers.count(); k++) {
    const n = Number(await markers.nth(k).textContent());
    if (!best || n > best.n) best = { n, marker: markers.nth(k) };
  }
  const label = await best.marker.getAttribute('aria-label');
  const venue = published.venues.filter((v) => label.startsWith(`${v.name} : `)).sort((a, b) => b.name.length - a.name.length)[0];
  assert.ok(venue, `the marker "${label}" names a venue of data/charter.json`);
  return { venue, marker: best.marker };
}

for (const width of [390, 1280]) {
  const size = { width, height: width > 600 ? 900 : 844 };

  test(`popup at ${width}px lists the venue's offers with their next date; "filtrer sur ce lieu" narrows the results, in the URL`, async () => {
    const { page, errors } = await open('explore/', size);
    await showMap(page);
    const { venue, marker } = await busiestMarker(page);
    const expected = offersAt(venue.id);
    await marker.click();
    const popup = page.locator('.px-popup');
    await popup.waitFor();
    assert.match(await popup.textContent(), new RegExp(`${expected.length} offres? correspondantes?`));
    const items = popup.locator('.px-popup-offers li');
    assert.equal(await items.count(), Math.min(5, expected.length));
    const byId = new Map(expected.map((o) => [o.id, o]));
    const listed = [];
    for (let k = 0; k < await items.count(); k++) {
      const link = items.nth(k).locator('a');
      const id = (await link.getAttribute('href')).match(/^\.\.\/offers\/(.+)\.html$/)?.[1];
      assert.ok(byId.has(id), `the popup lists ${id}, an offer of ${venue.id}`);
      assert.equal((await link.textContent()).trim(), byId.get(id).title);
      assert.ok((await items.nth(k).locator('.px-popup-when').textContent()).trim().length > 0, 'a next date or schedule');
      listed.push(id);
    }
    assert.equal(new Set(listed).size, listed.length, 'each offer once');
    if (expected.length > 5) assert.match(await popup.textContent(), new RegExp(`\\+ ${expected.length - 5} autres`));
    else assert.deepEqual(listed.sort(), expected.map((o) => o.id).sort());
    assert.deepEqual(await axeViolations(page), []);

    // Filtrer sur ce lieu: the results are the venue's, the venue is in the URL, a chip says so.
    await popup.getByRole('button', { name: 'Filtrer sur ce lieu' }).click();
    await count(page).filter({ hasText: countText(expected.length) }).waitFor();
    await expectQuery(page, `?venue=${venue.id}`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'px-results-title', 'the focus goes to the results');
    const cards = page.locator('.px-card h3 a');
    assert.ok(await cards.first().isVisible(), 'the list is shown');
    for (const href of await cards.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.ok(byId.has(href.match(/offers\/(.+)\.html$/)[1]), `${href} is at ${venue.id}`);
    }
    const chip = page.locator('.px-chip');
    assert.match(await chip.textContent(), new RegExp(venue.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    // A reload keeps it (the URL holds it); the chip clears it; Back brings it again.
    await page.reload();
    await count(page).filter({ hasText: countText(expected.length) }).waitFor();
    await chip.click();
    await count(page).filter({ hasText: countText(expect.all) }).waitFor();
    await expectQuery(page, '');
    await page.goBack();
    await count(page).filter({ hasText: countText(expected.length) }).waitFor();
    await expectQuery(page, `?venue=${venue.id}`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test(`near me at ${width}px: "vous êtes ici", the map centred, radius counts that match the data`, async () => {
    // The user stands at the venue with the most offers.
    const located = published.venues.filter((v) => typeof v.lat === 'number' && typeof v.lon === 'number');
    const here = located.sort((a, b) => offersAt(b.id).length - offersAt(a.id).length || a.id.localeCompare(b.id))[0];
    const rad = (d) => (d * Math.PI) / 180;
    const metres = (a, b) => {
      const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
      return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
    };
    const within = (r) => located.filter((v) => metres(here, v) <= r).reduce((n, v) => n + offersAt(v.id).length, 0);
    const { page, context, errors } = await open('explore/', size);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: here.lat, longitude: here.lon });
    await showMap(page);
    const before = await page.locator('svg.px-svg').getAttribute('viewBox');
    await page.getByRole('button', { name: 'Près de chez moi' }).click();
    await page.locator('.px-near-button[aria-pressed="true"]').waitFor();
    // Where the user is, said in words, inside the map; the map re-centred (zoomed) on it.
    const me = page.locator('.px-me');
    assert.equal((await me.textContent()).trim(), 'Vous êtes ici');
    await page.waitForFunction((b) => document.querySelector('svg.px-svg').getAttribute('viewBox') !== b, before);
    const [m, f] = await page.evaluate(() => ['.px-me-dot', '.px-map-frame'].map((q) => {
      const r = document.querySelector(q).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    }));
    assert.ok(Math.abs(m.x - (f.x0 + f.x1) / 2) < 2 && Math.abs(m.y - (f.y0 + f.y1) / 2) < 2, `the map is centred on the user (${JSON.stringify([m, f])})`);
    // Each radius with its count, computed here from the open data.
    const radii = [[500, '500 m'], [1000, '1 km'], [2000, '2 km'], [5000, '5 km']];
    for (const [r, label] of radii) {
      const button = page.locator('.px-radii button', { hasText: new RegExp(`^${label}`) });
      assert.equal(Number(await button.locator('.px-n').textContent()), within(r), `offers within ${label}`);
    }
    await page.locator('.px-radii button', { hasText: /^1 km/ }).click();
    await page.locator('.px-radii button[aria-pressed="true"]', { hasText: /^1 km/ }).waitFor();
    assert.ok(await page.locator('circle.px-radius').count() === 1, 'the radius is drawn');
    assert.deepEqual(await axeViolations(page), []);
    // On a phone, back to the list (the map stays until the reader switches).
    if (width < 600) await page.locator('label[for="px-view-list"]').click();
    await count(page).filter({ hasText: countText(within(1000)) }).waitFor();
    // Ended offers are never ranked: every card is a current offer, the nearest first.
    const ended = new Set(published.offers.filter((o) => o.ended).map((o) => o.id));
    const hrefs = await page.locator('.px-card h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) assert.ok(!ended.has(href.match(/offers\/(.+)\.html$/)[1]), `${href} has ended`);
    assert.match(await page.locator('.px-card .px-distance').first().textContent(), /^à \d+ m$/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('phone layout at 390px: a skip link, a list / map switch, the filters in a sheet ending in "Voir les N résultats"; axe clean', async () => {
  const { page, errors } = await open('explore/', { width: 390, height: 844 });
  const [map, results] = [page.locator('.px-map'), page.locator('.px-results')];
  // The list first, the map one tap away.
  assert.ok(await results.isVisible() && !(await map.isVisible()), 'the list first');
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('label[for="px-view-map"]').click();
  await map.waitFor({ state: 'visible' });
  assert.ok(!(await results.isVisible()), 'the map alone');
  await page.waitForSelector('.px-marker');
  // A filter changed on the map keeps the map (the switch is the reader's, not the app's).
  await page.locator('path.px-district').first().click();
  await page.waitForFunction(() => location.search.includes('district='));
  await page.waitForTimeout(100);
  assert.ok(await map.isVisible() && !(await results.isVisible()), 'still the map after a filter change');
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('path.px-district[aria-pressed="true"]').click();
  await page.waitForFunction(() => location.search === '');
  await page.locator('label[for="px-view-list"]').click();
  await results.waitFor({ state: 'visible' });
  // The skip link jumps to the results.
  await page.locator('.px-skip').focus();
  assert.ok(await page.locator('.px-skip').isVisible(), 'shown when focused');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'px-results-title');
  // The filters open as a sheet over the screen; its button counts the results as they change.
  await page.locator('.px-filters > summary').click();
  const sheet = page.locator('.px-groups');
  const box = await sheet.boundingBox();
  assert.ok(box.x <= 0.5 && box.y <= 0.5 && box.width >= 389 && box.height >= 843, `a sheet over the screen (${JSON.stringify(box)})`);
  const done = page.locator('.px-sheet-done');
  assert.equal((await done.textContent()).trim(), `Voir les ${expect.all} résultats`);
  await page.getByLabel(/^Jeunes/).check();
  await done.filter({ hasText: `Voir les ${expect.youth} résultats` }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await done.click();
  assert.equal(await page.locator('.px-filters').getAttribute('open'), null, 'the sheet is closed');
  await page.waitForFunction(() => document.activeElement?.id === 'px-results-title');
  await count(page).filter({ hasText: countText(expect.youth) }).waitFor();
  assert.ok(await results.isVisible());
  assert.deepEqual(errors, []);
  await page.context().close();
  // Wide screens show both, without the switch or the sheet's button.
  const wide = await open('explore/');
  assert.ok(await wide.page.locator('.px-map').isVisible() && await wide.page.locator('.px-results').isVisible());
  assert.ok(!(await wide.page.locator('.px-switch').isVisible()) && !(await wide.page.locator('.px-sheet-done').isVisible()));
  await wide.context.close();
});

test('home page: the search and the explorer within the first screen; a compact menu on phones; axe clean', async () => {
  for (const width of [390, 1280]) {
    const height = width > 600 ? 900 : 844;
    const { page, errors } = await open('', { width, height });
    const search = await page.locator('#px-q').boundingBox();
    assert.ok(search && search.y + search.height <= height, `${width}px: the search box ends at ${search && search.y + search.height}px, within the first ${height}px`);
    assert.equal(await page.evaluate(() => scrollY), 0);
    const firstLink = page.locator('.site-nav a').first();
    const menu = page.locator('.site-menu > summary');
    if (width < 600) {
      // One "Menu" button instead of rows of links; it opens them.
      assert.ok(!(await firstLink.isVisible()) && await menu.isVisible(), 'the menu is folded');
      assert.ok((await page.locator('.site-header').boundingBox()).height < 130, 'the header stays compact');
      await menu.click();
      await firstLink.waitFor({ state: 'visible' });
      assert.deepEqual(await axeViolations(page), []);
    } else {
      assert.ok(await firstLink.isVisible() && !(await menu.isVisible()), 'wide screens show the menu open');
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

// ---- No layout jump: Cumulative Layout Shift while the explorer takes over its fallback. ----

/**
 * The layout shift score of `where` at `width` px (the sum of every layout-shift entry without
 * recent input, buffered from the navigation), once the explorer is mounted and settled.
 * `inView`: the index is held back until the page has been scrolled so that the mount's top is
 * at the top of the viewport (a reader who reached the explorer before it loaded); a compact
 * mount (the home page) is then scrolled out of sight (back to the top) for the app to take over.
 */
async function layoutShift(where, width, { inView = false } = {}) {
  const { page, context, errors } = await newPage(browser, { width, height: width > 600 ? 900 : 844 });
  await context.addInitScript(() => {
    window.__pxShifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        const moved = (e.sources || []).map((s) => s.node?.className?.baseVal ?? s.node?.className ?? s.node?.nodeName);
        window.__pxShifts.push({ value: e.value, moved: moved.join(', ') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let release = () => {};
  if (inView) {
    const held = new Promise((resolve) => { release = resolve; });
    await context.route(/explorer-index\.bin$/, async (route) => { await held; await route.continue(); });
  }
  await page.goto(server.base + where);
  await page.waitForLoadState('load');
  let compact = false;
  if (inView) {
    compact = await page.evaluate(() => {
      const mount = document.getElementById('explorer');
      mount.scrollIntoView({ behavior: 'instant' });
      return mount.classList.contains('explorer-compact');
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    release();
    await page.waitForResponse(/explorer-index\.bin$/).catch(() => {});
    if (compact) {
      // Still the fallback while in view; away from it, the app takes over.
      await page.waitForFunction(() => !!document.querySelector('#explorer .explorer-fallback'));
      await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    }
  }
  await page.waitForSelector('.px-explorer .px-count', { timeout: 10_000 });
  await settle(page);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const shifts = await page.evaluate(() => window.__pxShifts);
  assert.deepEqual(errors, []);
  await context.close();
  return { score: shifts.reduce((sum, s) => sum + s.value, 0), shifts, compact };
}

test('no layout jump: layout shift < 0.1 on explore/, a district page and home, at 1280 and 390 px', async () => {
  const district = [...new Set(offers.flatMap((o) => o.districts))].sort((a, b) => expect.district(b) - expect.district(a))[0];
  const figures = [];
  for (const where of ['explore/', `districts/${district}.html`, '']) {
    for (const width of [1280, 390]) {
      for (const inView of [false, true]) {
        const { score, shifts } = await layoutShift(where, width, { inView });
        figures.push(`${where || '/'} ${width}px${inView ? ' (in view while loading)' : ''}: ${score.toFixed(4)}`);
        assert.ok(score < 0.1, `${where || '/'} at ${width}px${inView ? ', in view while loading' : ''}: `
          + `layout shift ${score.toFixed(3)} (${shifts.map((s) => `${s.value.toFixed(3)} ${s.moved}`).join('; ')})`);
      }
    }
  }
  console.log(`layout shift: ${figures.join(', ')}`);
});
