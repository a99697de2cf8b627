// Checks run inside a loaded page, each returning problems as strings (empty = pass), so a test
// can gather them and fail once with every problem, naming the page and the rule.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules of axe-core. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's WCAG 2.1 A/AA violations: `axe <rule>: <help> — <element> (<why>)`, one per node. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), why: (n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim() })),
      }))),
    WCAG_TAGS,
  );
  return violations.flatMap((v) =>
    v.nodes.map((n) => `axe ${v.id}: ${v.help} — ${n.target}${n.why ? ` (${n.why})` : ''}`));
}

/** Horizontal scrolling: the document wider than the viewport, naming the innermost culprits. */
export async function horizontalOverflow(page) {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const over = (el) => el.getBoundingClientRect().right > root.clientWidth + 1;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => over(el) && ![...el.children].some(over))
      .slice(0, 3)
      .map((el) => {
        const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `${name} ${Math.round(el.getBoundingClientRect().right)} px${text ? ` "${text}"` : ''}`;
      });
    return { scroll: root.scrollWidth, client: root.clientWidth, culprits };
  });
  return found
    ? [`horizontal scroll: document is ${found.scroll} px wide in a ${found.client} px viewport (reaching past it: ${found.culprits.join('; ') || '?'})`]
    : [];
}

/** The visible text of `main` (empty when there is no visible main). */
export async function mainText(page) {
  return page.evaluate(() => {
    const mains = [...document.querySelectorAll('main')].filter((m) => !m.hidden);
    return mains.map((m) => m.innerText).join('\n').trim();
  });
}

/** The distinct offer ids that `main` lists (`…/offers/<id>.html`), through visible links (a
 * district's residents' requests, which cite the workshop they came from, aside). */
export async function offersLinkedFromMain(page) {
  return page.evaluate(() => {
    const ids = new Set();
    for (const a of document.querySelectorAll('main a[href]')) {
      if (!a.getClientRects().length) continue;
      // A resident's request names the workshop it came from (maybe ended): not a listing.
      if (a.closest('[aria-labelledby="requests-title"]')) continue;
      const m = new URL(a.getAttribute('href'), document.baseURI).pathname.match(/\/offers\/([a-z0-9-]+)\.html$/);
      if (m) ids.add(m[1]);
    }
    return [...ids].sort();
  });
}
