// Long lists cut into pages (DESIGN.md "Site": about 50 entries a page), checked on a charter large
// enough to need them: `PAGED_SITE_DIR`, a synthetic charter that `cargo xtask test` builds (the
// shipped one fits on one page). Without JavaScript, following each list's "next" links from its
// first page lists every record the open data (data/charter.json) gives it, once; no page holds more
// than 50 entries; prev and next agree; every index link (A–Z, months, districts) lands on an
// existing anchor of an existing page; a later page is WCAG 2.1 AA clean at 390 px.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, settle, startServer } from '../lib/harness.mjs';
import { axeViolations, horizontalOverflow } from '../lib/checks.mjs';
import { offersByDistrict, readData } from '../lib/site.mjs';

const PER_PAGE = 50;
const dir = process.env.PAGED_SITE_DIR;
if (!dir) throw new Error('PAGED_SITE_DIR is not set: run `cargo xtask test`, or build a large charter and point it there');

let server;
let browser;
let data;
before(async () => {
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`PAGED_SITE_DIR=${dir} is not a built site`);
  data = readData(dir);
  server = await startServer({ siteDir: dir });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The record ids a list page links from `main`, per table, in document order. */
async function linked(page, table) {
  return page.evaluate((table) => {
    const ids = [];
    const pattern = new RegExp(`/${table}/([a-z0-9-]+)\\.html$`);
    for (const a of document.querySelectorAll('main a[href]')) {
      if (a.closest('.pager, .jumps, .alphabet, .narrow')) continue;
      const m = new URL(a.getAttribute('href'), document.baseURI).pathname.match(pattern);
      if (m && m[1] !== 'index') ids.push(m[1]);
    }
    return ids;
  }, table);
}

/**
 * Walks a list from `first` through its `rel=next` links with JavaScript off. Returns each page's
 * path and linked ids; checks that `rel=prev` points back and that page n is titled as such.
 */
async function walk(first, table) {
  const { page, context } = await newPage(browser, { width: 390, height: 844, javaScriptEnabled: false });
  const pages = [];
  const problems = [];
  try {
    let url = server.base + first;
    const seen = new Set();
    while (url && !seen.has(url)) {
      seen.add(url);
      const response = await page.goto(url);
      if (response?.status() !== 200) problems.push(`${url}: HTTP ${response?.status()}`);
      const ids = await linked(page, table);
      const prev = await page.evaluate(() => document.querySelector('link[rel=prev]')?.href ?? null);
      if (pages.length && prev !== pages.at(-1).url) problems.push(`${url}: rel=prev is ${prev}, not ${pages.at(-1).url}`);
      pages.push({ url, ids });
      url = await page.evaluate(() => document.querySelector('link[rel=next]')?.href ?? null);
    }
  } finally {
    await context.close();
  }
  return { pages, problems };
}

/** Compares what a walked list links with what it should list, each once, pages ≤ 50 entries. */
function compare(label, walked, expected) {
  const problems = [...walked.problems];
  const listed = walked.pages.flatMap((p) => [...new Set(p.ids)]);
  for (const p of walked.pages) {
    const entries = new Set(p.ids).size;
    if (entries > PER_PAGE) problems.push(`${p.url}: ${entries} entries on one page (at most ${PER_PAGE})`);
  }
  const counts = new Map();
  for (const id of listed) counts.set(id, (counts.get(id) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  const want = new Set(expected);
  const missing = expected.filter((id) => !counts.has(id));
  const extra = [...counts.keys()].filter((id) => !want.has(id));
  if (twice.length) problems.push(`listed on several pages: ${twice.slice(0, 5).join(', ')}`);
  if (missing.length) problems.push(`missing ${missing.length} of ${expected.length}: ${missing.slice(0, 5).join(', ')}`);
  if (extra.length) problems.push(`not expected: ${extra.slice(0, 5).join(', ')}`);
  if (expected.length > PER_PAGE && walked.pages.length < 2) problems.push('a long list on a single page');
  if (problems.length) assert.fail(`${label}:\n${problems.join('\n')}`);
}

const current = () => data.offers.filter((o) => !o.ended).map((o) => o.id);

test('offers/: every current offer once, across pages of at most 50', async () => {
  compare('offers/', await walk('offers/index.html', 'offers'), current());
});

test('offers/archive/: every ended offer once', async () => {
  const ended = data.offers.filter((o) => o.ended).map((o) => o.id);
  compare('offers/archive/', await walk('offers/archive/index.html', 'offers'), ended);
});

test('offers/audiences/<code>.html: each audience lists its current offers', async () => {
  const codes = [...new Set(data.offers.flatMap((o) => o.audiences))].sort();
  for (const code of codes) {
    const expected = data.offers.filter((o) => !o.ended && o.audiences.includes(code)).map((o) => o.id);
    if (expected.length === 0) continue;
    compare(`offers/audiences/${code}.html`, await walk(`offers/audiences/${code}.html`, 'offers'), expected);
  }
});

test('districts/<id>.html: each district lists its current offers across its pages', async () => {
  const ended = new Set(data.offers.filter((o) => o.ended).map((o) => o.id));
  for (const [id, offers] of offersByDistrict(data)) {
    compare(`districts/${id}.html`, await walk(`districts/${id}.html`, 'offers'), offers.filter((o) => !ended.has(o)));
  }
});

test('operators/: every operator once; each kind and district narrows it exactly', async () => {
  compare('operators/', await walk('operators/index.html', 'operators'), data.operators.map((o) => o.id));
  for (const kind of [...new Set(data.operators.map((o) => o.kind))]) {
    const expected = data.operators.filter((o) => o.kind === kind).map((o) => o.id);
    compare(`operators of kind ${kind}`, await walk(`operators/kinds/${kind}/index.html`, 'operators'), expected);
  }
  for (const district of data.districts.slice(0, 3)) {
    const expected = data.operators.filter((o) => o.district === district.id).map((o) => o.id);
    if (expected.length === 0) continue;
    compare(`operators of ${district.id}`, await walk(`operators/districts/${district.id}/index.html`, 'operators'), expected);
  }
});

test('operators/to-update/: exactly the stale or incomplete listings, linked from the directory', async () => {
  const today = process.env.PASSERELLE_TODAY;
  assert.match(today ?? '', /^\d{4}-\d{2}-\d{2}$/, 'PASSERELLE_TODAY must be set, as the site was built with it');
  // Stale: never updated, or over twelve months before the build day (README "Operators").
  const yearBefore = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const stale = (o) => !o.updated_on || o.updated_on < yearBefore;
  const fields = ['name', 'kind', 'address', 'postcode', 'city', 'phone', 'email', 'website', 'summary', 'description'];
  const incomplete = (o) => fields.some((f) => !String(o[f] ?? '').trim());
  const expected = data.operators.filter((o) => stale(o) || incomplete(o)).map((o) => o.id);
  assert.ok(expected.length > 0, 'the synthetic charter has listings to update');
  compare('operators/to-update/', await walk('operators/to-update/index.html', 'operators'), expected);
  const { page, context } = await newPage(browser, { width: 1280, height: 900, javaScriptEnabled: false });
  try {
    await page.goto(`${server.base}operators/index.html`);
    const link = page.locator('.stats a');
    assert.match(await link.textContent(), new RegExp(`\\(${expected.length}\\)`));
    await link.click();
    assert.match(page.url(), /operators\/to-update\/index\.html$/);
  } finally {
    await context.close();
  }
});

test('operators/: the search box (JavaScript on) finds every operator by name, kind or district, accents and case ignored', async () => {
  const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const lang = data.language ?? 'fr';
  const kindLabel = (code) => data.vocabularies.operator_kind.terms.find((t) => t.code === code)?.[lang] ?? code;
  const districtName = (id) => data.districts.find((d) => d.id === id)?.name;
  // A word of an operator's name, typed in capitals: the operators whose name, kind or
  // district hold it, counted here from the open data.
  const word = fold(data.operators[Math.floor(data.operators.length / 2)].name).split(' ').find((w) => w.length >= 4);
  const matches = data.operators.filter((o) => fold(`${o.name} ${kindLabel(o.kind)} ${districtName(o.district) ?? ''}`).includes(word));
  assert.ok(matches.length > 0, `some operator holds "${word}"`);
  const { page, context } = await newPage(browser, { width: 390, height: 844 });
  try {
    await page.goto(`${server.base}operators/page/2.html`);
    await page.fill('#operator-search-input', word.toUpperCase());
    const status = page.locator('#operator-search-status');
    await page.waitForFunction(() => document.getElementById('operator-search-status').textContent !== '');
    assert.match(await status.textContent(), matches.length === 1 ? /^1 / : new RegExp(`^${matches.length} `));
    const shown = await page.$$eval('#operator-search-results a', (links) => links.map((a) => a.getAttribute('href')));
    const expectedIds = new Set(matches.map((o) => o.id));
    for (const href of shown) {
      const id = href.split('/').pop().replace(/\.html$/, '');
      assert.ok(expectedIds.has(id), `${href} is a match`);
    }
    assert.equal(shown.length, Math.min(20, matches.length));
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

test('venues/ and partnerships/: every record once', async () => {
  compare('venues/', await walk('venues/index.html', 'venues'), data.venues.map((v) => v.id));
  compare('partnerships/', await walk('partnerships/index.html', 'partnerships'), data.partnerships.map((p) => p.id));
});

test('agenda/: every page holds at most 50 sessions, days soonest first', async () => {
  const walked = await walk('agenda/index.html', 'offers');
  const problems = [...walked.problems];
  for (const p of walked.pages) if (p.ids.length > PER_PAGE) problems.push(`${p.url}: ${p.ids.length} sessions`);
  if (walked.pages.length < 2) problems.push('the agenda of a large charter fits on one page: is it cut?');
  if (problems.length) assert.fail(problems.join('\n'));
});

// Every index link (A–Z bar, months, districts) of the first and second pages of each list
// reaches a page that exists and an element with that id.
test('index links land on an existing page and anchor', async () => {
  const { page, context } = await newPage(browser, { width: 1280, height: 800, javaScriptEnabled: false });
  const problems = [];
  try {
    for (const list of ['offers/index.html', 'offers/page/2.html', 'operators/index.html', 'venues/index.html', 'partnerships/index.html']) {
      await page.goto(server.base + list);
      const { targets, paged } = await page.evaluate(() => ({
        targets: [...document.querySelectorAll('main .jumps a, main .alphabet a')].map((a) => a.href),
        paged: document.querySelector('main .pager') !== null,
      }));
      if (paged && targets.length === 0) problems.push(`${list}: several pages and no index links`);
      for (const target of targets) {
        const url = new URL(target);
        const file = path.join(dir, decodeURIComponent(url.pathname).replace(/^\/charte\//, ''));
        if (!existsSync(file)) { problems.push(`${list}: ${target} leads to a missing page`); continue; }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && !readFileSync(file, 'utf8').includes(`id="${id}"`)) problems.push(`${list}: ${target} has no element #${id}`);
      }
    }
  } finally {
    await context.close();
  }
  if (problems.length) assert.fail(problems.join('\n'));
});

test('a later page of each list is WCAG 2.1 AA clean and fits a phone', async () => {
  const problems = [];
  for (const p of ['offers/page/2.html', 'operators/page/2.html', 'agenda/page/2.html']) {
    const { page, context, errors } = await newPage(browser, { width: 390, height: 844 });
    try {
      await page.goto(server.base + p);
      await settle(page);
      problems.push(...(await axeViolations(page)).map((v) => `${p}: ${v}`));
      problems.push(...(await horizontalOverflow(page)).map((v) => `${p}: ${v}`));
      problems.push(...errors.map((e) => `${p}: ${e}`));
    } finally {
      await context.close();
    }
  }
  if (problems.length) assert.fail(problems.join('\n'));
});
