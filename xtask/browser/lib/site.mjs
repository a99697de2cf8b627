// What to check in a built site: the pages the quality gates visit (one of each kind, chosen from
// the site itself) and the explorer's index, the data the static pages are compared with.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The record folders under a table (`offers/atelier-slam/` …) that hold a page, sorted. */
export function recordPages(dir, table) {
  const folder = path.join(dir, table);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

function firstRecord(dir, table) {
  const ids = recordPages(dir, table);
  if (ids.length === 0) throw new Error(`the site has no ${table}/<id>/index.html page`);
  return ids[0];
}

/**
 * The explorer's index as the explorer reads it: found through the `data-index` attribute of the
 * mount element on `explore/` (the contract in generator/src/index.rs), parsed.
 */
export function readIndex(dir) {
  const explore = path.join(dir, 'explore', 'index.html');
  if (!existsSync(explore)) throw new Error('the site has no explore/index.html (the explorer page)');
  const match = readFileSync(explore, 'utf8').match(/data-index="([^"]+)"/);
  if (!match) throw new Error('explore/index.html has no element with data-index="…" (the explorer mount)');
  const file = path.join(dir, 'explore', match[1].replaceAll('&amp;', '&'));
  if (!existsSync(file)) throw new Error(`explore/index.html points data-index at ${match[1]}, which is not in the site`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Offer ids per district id, from the index (districts resolved by the generator). */
export function offersByDistrict(index) {
  const byDistrict = new Map(index.districts.map((d) => [d.id, []]));
  index.offers.id.forEach((id, i) => {
    for (const d of index.offers.districts[i]) byDistrict.get(index.districts[d].id)?.push(id);
  });
  return byDistrict;
}

// The explorer's map: a venue marker (`circle.px-venue`, role=button), and the popup it opens
// (role=dialog) with a link to the venue page. Kept in step with explorer/src/components/map.rs.
export const MARKER = 'circle.px-venue, [data-venue]';
export const POPUP_LINK = '[role="dialog"] a[href*="venues/"]';

/** Clicks the first visible venue marker and waits for its popup's link to the venue page. */
export async function openMarkerPopup(page) {
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
  const index = readIndex(dir);
  const byDistrict = offersByDistrict(index);
  // The district with the most offers: its explorer and list have the most to show.
  const [district] = [...byDistrict].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? [];
  if (!district) throw new Error('the explorer index lists no district');
  const audience = mostCommonAudience(index, byDistrict.get(district));
  const filtered = `explore/?district=${district}${audience ? `&audience=${audience}` : ''}`;
  return [
    { path: '' },
    { path: 'offers/', lists: 'offers' },
    { path: `offers/${firstRecord(dir, 'offers')}/` },
    { path: 'operators/' },
    { path: `operators/${firstRecord(dir, 'operators')}/` },
    { path: 'venues/' },
    { path: `venues/${firstRecord(dir, 'venues')}/` },
    { path: 'districts/' },
    { path: `districts/${district}/`, district },
    { path: 'partnerships/' },
    { path: `partnerships/${firstRecord(dir, 'partnerships')}/` },
    { path: 'explore/' },
    { path: filtered, action: openMarkerPopup, label: `${filtered} + popup` },
    { path: 'agenda/' },
    { path: 'catalogue/' },
    { path: '404.html' },
  ].map((p) => ({ ...p, label: p.label ?? (p.path || '/') }));
}

function mostCommonAudience(index, offerIds) {
  const counts = new Map();
  const positions = new Map(index.offers.id.map((id, i) => [id, i]));
  for (const id of offerIds) {
    for (const a of index.offers.audiences[positions.get(id)]) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [];
  return best === undefined ? null : index.vocab.audience[best][0];
}
