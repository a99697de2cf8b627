// The printed catalogue (catalogue.pdf) and the district posters (districts/<id>.affiche.pdf),
// read by tools independent of the Typst that wrote them: poppler's pdfinfo, pdftotext and
// pdftoppm, and zbar's zbarimg for the QR codes (installed by `cargo xtask test`).
//
// What "current" means is recomputed here from the open data (data/sessions.csv and the dates
// of data/charter.json) at PASSERELLE_TODAY, never taken from the site's own flags.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteDir } from '../lib/harness.mjs';
import { readData } from '../lib/site.mjs';

const dir = siteDir();
const data = readData(dir);
const today = process.env.PASSERELLE_TODAY;
if (!/^\d{4}-\d{2}-\d{2}$/.test(today ?? '')) throw new Error('PASSERELLE_TODAY (YYYY-MM-DD) must be set, as the site was built with it');

function tool(program, args) {
  try {
    return execFileSync(program, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error(`${program} is missing: install poppler-utils and zbar-tools (cargo xtask test does)`);
    throw e;
  }
}

/** The site's public address, from sitemap.xml (the longest prefix its URLs share, to a /). */
function baseUrl() {
  const locs = [...readFileSync(path.join(dir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.ok(locs.length > 1, 'sitemap.xml lists the pages');
  let prefix = locs[0];
  for (const loc of locs) while (!loc.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

/** Sessions by offer id, as local `YYYY-MM-DD` days, from data/sessions.csv. */
function sessionDays() {
  const byOffer = new Map();
  const lines = readFileSync(path.join(dir, 'data', 'sessions.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [offer, start] = line.split(',');
    if (!byOffer.has(offer)) byOffer.set(offer, []);
    byOffer.get(offer).push(start.slice(0, 10));
  }
  return byOffer;
}

const sessions = sessionDays();
/** Not ended at `today`: a session to come, or no sessions and no end date passed. */
function isCurrent(offer) {
  const days = sessions.get(offer.id) ?? [];
  if (days.length > 0) return days.some((d) => d >= today);
  return !offer.ends_on || offer.ends_on >= today;
}
const printable = data.offers.filter((o) => isCurrent(o) && o.status !== 'cancelled');
const leftOut = data.offers.filter((o) => !isCurrent(o) || o.status === 'cancelled');
const base = baseUrl();

const norm = (text) => text.replace(/\s+/g, ' ').trim();
const pageCount = (file) => Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [file]))[1]);
const pageText = (file, n) => tool('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-']);

/** Every QR code in a PDF, decoded (pages rendered at 250 dpi). */
function qrCodes(file) {
  const out = mkdtempSync(path.join(tmpdir(), 'passerelle-qr-'));
  try {
    tool('pdftoppm', ['-r', '250', '-gray', '-png', file, path.join(out, 'p')]);
    const codes = [];
    for (const png of readdirSync(out).sort()) {
      let text = '';
      try {
        text = execFileSync('zbarimg', ['-q', '--raw', path.join(out, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        if (e.code === 'ENOENT') throw new Error('zbarimg is missing: install zbar-tools');
        if (e.status !== 4) throw e; // 4: no code on this page
      }
      codes.push(...text.split('\n').filter(Boolean));
    }
    return codes;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test('catalogue.pdf: A4, a sensible page count, every current offer and no ended or cancelled one', () => {
  const file = path.join(dir, 'catalogue.pdf');
  assert.ok(existsSync(file), 'the site has catalogue.pdf');
  const info = tool('pdfinfo', [file]);
  assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  const pages = pageCount(file);
  const chapters = new Set(printable.map((o) => (o.districts.length === 1 ? o.districts[0] : o.district_scope))).size;
  // Cover, contents, two indexes, and at least two offers a page (several operators a page).
  assert.ok(pages >= 4 && pages <= 4 + chapters + Math.ceil(printable.length / 2),
    `${pages} pages for ${printable.length} offers in about ${chapters} chapters`);
  const text = norm(tool('pdftotext', [file, '-']));
  const missing = printable.filter((o) => !text.includes(norm(o.title))).map((o) => o.title);
  assert.deepEqual(missing, [], 'every current offer is printed');
  const printed = leftOut.filter((o) => text.includes(norm(o.title))).map((o) => o.title);
  assert.deepEqual(printed, [], 'no ended or cancelled offer is printed');
  console.log(`catalogue.pdf: ${pages} pages, ${printable.length} offers printed, ${leftOut.length} left out`);
});

test('catalogue.pdf: the contents give the pages where the chapters start', () => {
  const file = path.join(dir, 'catalogue.pdf');
  const pages = pageCount(file);
  const contents = pageText(file, 2);
  const entries = [...contents.matchAll(/^\s*(\S.*?)\s*(?:\.\s*){3,}[\s\u2060]*(\d+)\s*$/gm)].map((m) => ({ title: norm(m[1]), page: Number(m[2]) }));
  const names = data.districts.map((d) => d.name);
  assert.ok(entries.length >= 3, `the contents list the chapters and indexes:\n${contents}`);
  assert.ok(entries.some((e) => names.includes(e.title)), 'the contents name districts');
  for (const { title, page } of entries) {
    assert.ok(page >= 3 && page <= pages, `${title}: page ${page} of ${pages}`);
    const first = norm(pageText(file, page)).slice(0, 200);
    assert.ok(first.startsWith(title), `${title} starts page ${page}: it begins with "${first.slice(0, 60)}"`);
  }
});

test('catalogue.pdf: the QR codes lead to the site and to each printed offer', () => {
  const codes = new Set(qrCodes(path.join(dir, 'catalogue.pdf')));
  assert.ok(codes.has(base), `the cover's QR code gives the site's address ${base}: ${[...codes].slice(0, 3)}`);
  const missing = printable.map((o) => `${base}offers/${o.id}.html`).filter((url) => !codes.has(url));
  assert.deepEqual(missing, [], 'one QR code per printed offer, to its page');
  const stray = [...codes].filter((c) => !c.startsWith(base));
  assert.deepEqual(stray, [], 'every QR code leads to the site');
});

/** The last day a poster printed on `day` covers: the month's end, or next month's when fewer than ten days are left. */
function periodEnd(day) {
  const [y, m] = day.split('-').map(Number);
  const last = (year, month) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10); // month 1-based
  const end = last(y, m);
  const daysLeft = (Date.parse(end) - Date.parse(day)) / 86_400_000;
  return daysLeft < 9 ? last(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1) : end;
}

test('district posters: one A4 page each, the period\'s sessions, a QR code to the district\'s explorer', () => {
  const end = periodEnd(today);
  for (const d of data.districts) {
    const file = path.join(dir, 'districts', `${d.id}.affiche.pdf`);
    assert.ok(existsSync(file), `districts/${d.id}.affiche.pdf exists`);
    assert.equal(pageCount(file), 1, `${d.id}: one page`);
    const text = norm(tool('pdftotext', [file, '-']));
    assert.ok(text.includes(d.name), `${d.id}: names the district`);
    const offers = printable.filter((o) => o.districts.includes(d.id));
    const dated = offers.filter((o) => (sessions.get(o.id) ?? []).some((s) => s >= today && s <= end));
    const count = dated.reduce((n, o) => n + sessions.get(o.id).filter((s) => s >= today && s <= end).length, 0);
    if (count <= 26) {
      const missing = dated.filter((o) => !text.includes(norm(o.title))).map((o) => o.title);
      assert.deepEqual(missing, [], `${d.id}: every session from ${today} to ${end} is on the poster`);
    } else {
      assert.match(text, new RegExp(`${count - 26}`), `${d.id}: the sessions left out are counted`);
    }
    const ended = leftOut.filter((o) => o.districts.includes(d.id) && text.includes(norm(o.title)));
    assert.deepEqual(ended.map((o) => o.title), [], `${d.id}: no ended or cancelled offer`);
    assert.deepEqual(qrCodes(file), [`${base}explore/?district=${d.id}`], `${d.id}: the QR code leads to its explorer`);
  }
});
