// The explorer on the synthetic charter (`PAGED_SITE_DIR`, 400 offers, venues with many offers):
// a marker's popup lists the venue's five soonest offers and "+ N autres", which narrows the
// results to the venue; all checked against the site's open data (data/charter.json), at 390
// and 1280 px, axe clean.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, newPage, settle, startServer } from '../lib/harness.mjs';
import { axeViolations } from '../lib/checks.mjs';
import { readData, showMap } from '../lib/site.mjs';

const dir = process.env.PAGED_SITE_DIR;
if (!dir) throw new Error('PAGED_SITE_DIR is not set: run `cargo xtask test`, or build a large charter and point it there');
const TODAY = process.env.PASSERELLE_TODAY || '2026-11-21';
// The browser's clock: noon on the build day. An offer whose next session (as of the build day's
// start) is this morning may be over by noon: such venues are not picked, so every count is exact.
const NOON = `${TODAY}T12:00`;

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

/** A venue's current offers, soonest first (permanent ones last); null when one is uncertain. */
function offersAt(venueId) {
  const here = data.offers.filter((o) => o.venue === venueId && !o.ended);
  if (here.some((o) => o.next_session && o.next_session.startsWith(TODAY) && o.next_session < NOON)) return null;
  const key = (o) => o.next_session ?? '9999';
  return here.sort((a, b) => key(a).localeCompare(key(b)));
}

for (const width of [390, 1280]) {
  test(`popup at ${width}px on ${dir}: the five soonest offers, "+ N autres" narrows to the venue`, async () => {
    const { page, context, errors } = await newPage(browser, { width, height: width > 600 ? 900 : 844 });
    await context.clock.setFixedTime(new Date(`${TODAY}T12:00:00+01:00`));
    await page.goto(`${server.base}explore/`);
    await settle(page);
    await showMap(page);
    await page.waitForSelector('.px-marker');
    // The visible single-venue marker with the most offers (and no uncertain one).
    const markers = page.locator('.px-marker:not(.px-cluster)');
    let pick = null;
    for (let k = 0; k < await markers.count(); k++) {
      const label = await markers.nth(k).getAttribute('aria-label');
      const venue = data.venues.filter((v) => label.startsWith(`${v.name} : `)).sort((a, b) => b.name.length - a.name.length)[0];
      const offers = venue && offersAt(venue.id);
      if (offers && (!pick || offers.length > pick.offers.length)) pick = { k, venue, offers };
    }
    assert.ok(pick && pick.offers.length > 5, `a venue with more than five offers (${pick?.venue.id}: ${pick?.offers.length})`);
    const { venue, offers } = pick;
    await markers.nth(pick.k).click();
    const popup = page.locator('.px-popup');
    await popup.waitFor();
    assert.match(await popup.textContent(), new RegExp(`${offers.length} offres correspondantes`));
    const hrefs = await popup.locator('.px-popup-offers a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(hrefs.length, 5);
    const listed = hrefs.map((h) => h.match(/^\.\.\/offers\/(.+)\.html$/)[1]);
    const key = (id) => offers.find((o) => o.id === id)?.next_session ?? '9999';
    for (const id of listed) assert.ok(offers.some((o) => o.id === id), `${id} is at ${venue.id}`);
    const latestListed = listed.map(key).sort().at(-1);
    for (const o of offers.filter((o) => !listed.includes(o.id))) {
      assert.ok((o.next_session ?? '9999') >= latestListed, `${o.id} (${o.next_session}) is sooner than a listed offer`);
    }
    const more = popup.getByRole('link', { name: `+ ${offers.length - 5} autres offres ici` });
    assert.equal(await more.getAttribute('href'), `?venue=${venue.id}`);
    assert.deepEqual(await axeViolations(page), []);
    await more.click();
    await page.waitForFunction((q) => location.search === q, `?venue=${venue.id}`);
    await page.locator('.px-explorer [role="status"]', { hasText: `${offers.length} offres` }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'px-results-title');
    assert.equal(await page.locator('.px-card').count(), Math.min(20, offers.length));
    assert.deepEqual(errors, []);
    await context.close();
  });
}
