// What to check in a built site: the pages the quality gates visit (one of each kind, chosen from
// the site itself) and its open data (data/charter.json), which the static pages are compared with.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The ids of the record pages of a table (`offers/atelier-slam.html` …), sorted. */
export function recordPages(dir, table) {
  const folder = path.join(dir, table);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && entry.name !== 'index.html')
    .map((entry) => entry.name.slice(0, -'.html'.length))
    .sort();
}

function requireSome(list, what) {
  if (list.length === 0) throw new Error(`the site has no ${what}`);
  return list;
}

function firstRecord(dir, table) {
  const ids = recordPages(dir, table);
  if (ids.length === 0) throw new Error(`the site has no ${table}/<id>.html page`);
  return ids[0];
}

/**
 * Every draw page (`draws/<id>.json` marks a draw), in either record layout (`draws/<id>/` or
 * `draws/<id>.html`), sorted: one drawn and one announced in the shipped data.
 */
export function drawPages(dir) {
  const folder = path.join(dir, 'draws');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort()
    .map((id) => (existsSync(path.join(folder, id, 'index.html')) ? `draws/${id}/` : `draws/${id}.html`));
}

/**
 * The charter as the site publishes it for reuse: `data/charter.json`, the open-data export
 * (offers carry their resolved `districts`). The static pages are compared with it.
 */
export function readData(dir) {
  const file = path.join(dir, 'data', 'charter.json');
  if (!existsSync(file)) throw new Error('the site has no data/charter.json (the open-data export)');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of ['districts', 'offers']) {
    if (!Array.isArray(data[key])) throw new Error(`data/charter.json has no "${key}" array`);
  }
  return data;
}

/** Offer ids per district id, from the published data (districts resolved by the generator). */
export function offersByDistrict(data) {
  const byDistrict = new Map(data.districts.map((d) => [d.id, []]));
  for (const offer of data.offers) {
    for (const d of offer.districts ?? []) byDistrict.get(d)?.push(offer.id);
  }
  return byDistrict;
}

// The explorer's map: a venue marker (a button, `.px-marker`; a cluster of several venues is
// `.px-marker.px-cluster` and zooms instead), and the popup it opens (role=dialog) with a link
// to the venue page. Kept in step with explorer/src/components/map.rs.
export const MARKER = '.px-marker:not(.px-cluster), [data-venue]';
export const POPUP_LINK = '[role="dialog"] a[href*="venues/"]';

/** On a phone, turns the explorer's list / map switch to the map (nothing on wide screens). */
export async function showMap(page) {
  const toMap = page.locator('label[for="px-view-map"]');
  if (await toMap.isVisible()) {
    await toMap.click();
    await page.locator('.px-map').waitFor({ state: 'visible' });
  }
}

/** Clicks the first visible venue marker and waits for its popup's link to the venue page. */
export async function openMarkerPopup(page) {
  await showMap(page);
  const marker = page.locator(MARKER).locator('visible=true').first();
  await marker.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
    throw new Error(`no visible venue marker (${MARKER}) on the explorer's map`);
  });
  const label = (await marker.getAttribute('aria-label')) ?? '(no label)';
  // A click as a resident would; when something covers the marker, the keyboard, as the map allows.
  await marker.click({ timeout: 5_000 }).catch(async () => {
    await marker.focus();
    await page.keyboard.press('Enter');
  });
  await page.locator(POPUP_LINK).locator('visible=true').first().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {
    throw new Error(`the venue marker "${label}" opened no popup (${POPUP_LINK})`);
  });
}

/**
 * The pages every gate visits: one of each kind, picked from the site. `path` is relative to the
 * site root; `district` marks a district page (its offers are counted with JavaScript off);
 * `action` runs after load (the explorer's popup).
 */
export function pagesToCheck(dir) {
  const data = readData(dir);
  const byDistrict = offersByDistrict(data);
  // The district with the most offers: its explorer and list have the most to show.
  const [district] = [...byDistrict].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? [];
  if (!district) throw new Error('data/charter.json lists no district');
  const audience = mostCommonAudience(data, byDistrict.get(district));
  const filtered = `explore/?district=${district}${audience ? `&audience=${audience}` : ''}`;
  return [
    { path: '' },
    { path: 'offers/', lists: 'offers' },
    { path: `offers/${firstRecord(dir, 'offers')}.html` },
    { path: 'operators/' },
    { path: `operators/${firstRecord(dir, 'operators')}.html` },
    { path: 'venues/' },
    { path: `venues/${firstRecord(dir, 'venues')}.html` },
    { path: 'districts/' },
    { path: `districts/${district}.html`, district },
    { path: 'partnerships/' },
    { path: `partnerships/${firstRecord(dir, 'partnerships')}.html` },
    { path: 'explore/' },
    { path: filtered, action: openMarkerPopup, label: `${filtered} + popup` },
    { path: 'agenda/' },
    { path: 'catalogue/' },
    { path: 'draws/' },
    ...requireSome(drawPages(dir), 'draws/<id> page').map((p) => ({ path: p })),
    { path: 'requests/' },
    { path: '404.html' },
  ].map((p) => ({ ...p, label: p.label ?? (p.path || '/') }));
}

function mostCommonAudience(data, offerIds) {
  const counts = new Map();
  for (const offer of data.offers) {
    if (!offerIds.includes(offer.id)) continue;
    for (const a of offer.audiences ?? []) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  return best ?? null;
}
