// The pages a resident meets, one of each kind (lib/site.mjs), served under /charte/ and loaded in
// headless Chromium at 1280 and 390 px: zero axe-core WCAG 2.1 A/AA violations, no console error,
// no request leaving 127.0.0.1, no failed request, no horizontal scrolling on a phone; then with
// JavaScript off: `main` still shows its content and the lists are complete.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, settle, siteDir, startServer } from '../lib/harness.mjs';
import { axeViolations, horizontalOverflow, mainText, offersLinkedFromMain } from '../lib/checks.mjs';
import { offersByDistrict, pagesToCheck, readData } from '../lib/site.mjs';

const dir = siteDir();
const pages = pagesToCheck(dir);
const data = readData(dir);
const WIDTHS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];
const totals = { loads: 0, axe: 0, console: 0, external: 0, failed: 0, overflow: 0, nojs: 0 };

let server;
let browser;
before(async () => {
  server = await startServer({ siteDir: dir });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`pages: ${pages.length} pages × ${WIDTHS.length} widths = ${totals.loads} loads; `
    + `axe violations ${totals.axe}, console errors ${totals.console}, external requests ${totals.external}, `
    + `failed requests ${totals.failed}, horizontal scroll ${totals.overflow}; JavaScript off: ${totals.nojs} problems`);
});

/** Fails with every problem on its own line, each naming the page, the width and the rule. */
function report(where, problems) {
  if (problems.length) assert.fail(`${problems.length} problem(s):\n${problems.map((p) => `${where}: ${p}`).join('\n')}`);
}

for (const { width, height } of WIDTHS) {
  for (const p of pages) {
    test(`${p.label} @${width}px: WCAG 2.1 AA, no console error, no external or failed request, fits`, async () => {
      const { page, context, errors, externalRequests, failedResponses } = await newPage(browser, { width, height });
      const problems = [];
      try {
        const response = await page.goto(server.base + p.path);
        if (response?.status() !== 200) problems.push(`HTTP ${response?.status()} for the page itself`);
        await settle(page);
        if (p.action) {
          await p.action(page).catch((e) => problems.push(e.message));
          await settle(page);
        }
        const axe = await axeViolations(page);
        const overflow = width <= 400 ? await horizontalOverflow(page) : [];
        totals.loads += 1;
        totals.axe += axe.length;
        totals.console += errors.length;
        totals.external += externalRequests.length;
        totals.failed += failedResponses.length;
        totals.overflow += overflow.length;
        problems.push(
          ...axe,
          ...overflow,
          ...errors,
          ...externalRequests.map((url) => `request leaves 127.0.0.1: ${url}`),
          ...failedResponses.map((r) => `failed request: ${r}`),
        );
      } finally {
        await context.close();
      }
      report(`${p.label} @${width}px`, problems);
    });
  }
}

const byDistrict = offersByDistrict(data);

// Every district page, not only the one above: each lists all its offers without JavaScript.
const districtPages = [...byDistrict.keys()]
  .filter((id) => !pages.some((p) => p.district === id))
  .map((id) => ({ path: `districts/${id}.html`, label: `districts/${id}.html`, district: id }));

for (const p of [...pages, ...districtPages]) {
  test(`${p.label}, JavaScript off: main content shown${p.district || p.lists ? ', every offer listed' : ''}`, async () => {
    const { page, context, externalRequests } = await newPage(browser, { width: 390, height: 844, javaScriptEnabled: false });
    const problems = [];
    try {
      await page.goto(server.base + p.path);
      await page.waitForLoadState('load');
      if ((await mainText(page)).length === 0) problems.push('no visible text in <main>');
      const expected = p.district ? byDistrict.get(p.district) : p.lists === 'offers' ? data.offers.map((o) => o.id) : null;
      if (expected) {
        const listed = await offersLinkedFromMain(page);
        const missing = expected.filter((id) => !listed.includes(id));
        const extra = listed.filter((id) => !expected.includes(id));
        if (missing.length || extra.length) {
          problems.push(`lists ${listed.length} offers, the data has ${expected.length}`
            + (missing.length ? `; missing: ${missing.join(', ')}` : '')
            + (extra.length ? `; not in the data: ${extra.join(', ')}` : ''));
        }
      }
      problems.push(...externalRequests.map((url) => `request leaves 127.0.0.1: ${url}`));
    } finally {
      await context.close();
    }
    totals.nojs += problems.length;
    report(`${p.label} (JavaScript off)`, problems);
  });
}
