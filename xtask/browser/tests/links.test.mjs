// Every link and asset reachable from the home page resolves, through the real static server
// under /charte/, and none leaves the sub-path. A crawler: pages are loaded in Chromium (so the
// explorer's own fetches of its wasm and index count, and the links it renders are followed);
// it follows a[href], area[href], link[href], script[src], img[src|srcset], source[src|srcset],
// video/audio[src|poster], iframe[src], object[data], embed[src], SVG href, CSS url() and
// @import, and checks #fragments against the target page's ids. External links (mailto:, tel:,
// other hosts) are recorded, never fetched. Redirects (`offers/x` → `offers/x/`) are errors:
// not every static host makes them.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { isLoopback, launch, newPage, pageName, settle, siteDir, startServer } from '../lib/harness.mjs';

const dir = siteDir();
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

/** Every URL a page's DOM refers to, as [kind, raw attribute, absolute URL]; and its ids. */
function extractFromPage() {
  const refs = [];
  const add = (kind, raw) => {
    if (raw === null || raw.trim() === '') return;
    try {
      refs.push([kind, raw, new URL(raw.trim(), document.baseURI).href]);
    } catch {
      refs.push([kind, raw, `invalid:${raw}`]);
    }
  };
  const srcset = (kind, value) => {
    for (const candidate of (value ?? '').split(',')) add(kind, candidate.trim().split(/\s+/)[0]);
  };
  for (const el of document.querySelectorAll('a[href], area[href]')) add(el.tagName.toLowerCase(), el.getAttribute('href'));
  for (const el of document.querySelectorAll('link[href]')) {
    const rel = (el.getAttribute('rel') ?? '').toLowerCase();
    if (!/\b(preconnect|dns-prefetch)\b/.test(rel)) add(`link[rel=${rel}]`, el.getAttribute('href'));
  }
  for (const [selector, attribute] of [['script[src]', 'src'], ['img[src]', 'src'], ['source[src]', 'src'],
    ['video[src]', 'src'], ['audio[src]', 'src'], ['track[src]', 'src'], ['video[poster]', 'poster'],
    ['iframe[src]', 'src'], ['object[data]', 'data'], ['embed[src]', 'src'], ['form[action]', 'action']]) {
    for (const el of document.querySelectorAll(selector)) add(selector, el.getAttribute(attribute));
  }
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) srcset(`${el.tagName.toLowerCase()}[srcset]`, el.getAttribute('srcset'));
  for (const el of document.querySelectorAll('svg a, svg use, svg image')) {
    add(`svg ${el.tagName}`, el.getAttribute('href') ?? el.getAttributeNS('http://www.w3.org/1999/xlink', 'href'));
  }
  for (const el of document.querySelectorAll('[style*="url("]')) {
    for (const m of el.getAttribute('style').matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) add('style url()', m[2]);
  }
  for (const style of document.querySelectorAll('style')) {
    for (const m of style.textContent.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) add('<style> url()', m[2]);
  }
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id)
    .concat([...document.querySelectorAll('a[name]')].map((el) => el.getAttribute('name')));
  return { refs, ids };
}

function cssRefs(text, base) {
  const refs = [];
  const body = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of body.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) refs.push(['css url()', m[2]]);
  for (const m of body.matchAll(/@import\s+(['"])([^'"]+)\1/g)) refs.push(['css @import', m[2]]);
  return refs.map(([kind, raw]) => [kind, raw, new URL(raw.trim(), base).href]);
}

test('every link and asset reachable from the home page resolves under /charte/, none leaves it', { timeout: 20 * 60_000 }, async () => {
  const problems = [];
  const external = new Map(); // url -> first page linking it
  const seen = new Map(); // url without fragment -> { from }
  const fragments = []; // [from, url, fragment]
  const idsOf = new Map(); // page url -> Set of ids
  const queue = [];
  let pagesVisited = 0;
  let resources = 0;

  const name = (url) => pageName(server, url);
  const enqueue = (from, kind, raw, href) => {
    if (href.startsWith('invalid:')) return problems.push(`${name(from)}: ${kind} "${raw}" is not a valid URL`);
    const url = new URL(href);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.protocol === 'javascript:') return problems.push(`${name(from)}: ${kind} "${raw}" is a javascript: URL`);
    if (!/^https?:$/.test(url.protocol) || !isLoopback(href) || url.origin !== server.origin) {
      if (!external.has(href)) external.set(href, name(from));
      return;
    }
    if (!url.pathname.startsWith(server.prefix)) {
      return problems.push(`${name(from)}: ${kind} "${raw}" leaves the sub-path ${server.prefix} (resolves to ${url.pathname})`);
    }
    if (url.hash.length > 1) {
      const target = `${url.origin}${url.pathname.replace(/\/index\.html$/, '/')}${url.search}`;
      fragments.push([from, target, decodeURIComponent(url.hash.slice(1)), kind, raw]);
    }
    url.hash = '';
    // `dir/index.html` and `dir/` are one page (every static host serves both): visit it once.
    url.pathname = url.pathname.replace(/\/index\.html$/, '/');
    if (!seen.has(url.href)) {
      seen.set(url.href, { from, kind, raw });
      queue.push(url.href);
    }
  };

  const workers = 2;
  const tabs = await Promise.all(Array.from({ length: workers }, () => newPage(browser, { width: 1280, height: 800 })));

  async function visit(tab, url) {
    const { from, kind, raw } = seen.get(url);
    const origin = from ? `${name(from)}: ${kind} "${raw}"` : 'home page';
    const response = await fetch(url, { redirect: 'manual' });
    const type = response.headers.get('content-type') ?? '';
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const location = new URL(response.headers.get('location') ?? '', url).href;
      problems.push(`${origin}: redirects (${response.status}) to ${name(location)}: link to it directly`);
      if (!seen.has(location)) enqueue(url, 'redirect', location, location);
      return;
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      problems.push(`${origin}: ${response.status} for ${name(url)}`);
      return;
    }
    if (type.startsWith('text/css')) {
      resources += 1;
      for (const ref of cssRefs(await response.text(), url)) enqueue(url, ...ref);
      return;
    }
    if (!type.startsWith('text/html')) {
      resources += 1;
      await response.body?.cancel();
      return;
    }
    await response.body?.cancel();
    pagesVisited += 1;
    const { page, errors, externalRequests, failedResponses, requests } = tab;
    for (const list of [errors, externalRequests, failedResponses, requests]) list.length = 0;
    await page.goto(url);
    await settle(page);
    const { refs, ids } = await page.evaluate(extractFromPage);
    idsOf.set(url, new Set(ids));
    for (const ref of refs) enqueue(url, ...ref);
    // What the page itself loaded (scripts' fetches included: the explorer's wasm and index).
    for (const requested of requests) {
      if (requested !== url && !requested.startsWith('data:') && !requested.startsWith('blob:')) enqueue(url, 'request', requested, requested);
    }
    for (const r of failedResponses) problems.push(`${name(url)}: failed request ${r}`);
    for (const r of externalRequests) problems.push(`${name(url)}: request leaves 127.0.0.1: ${r}`);
    for (const e of errors) problems.push(`${name(url)}: ${e}`);
  }

  enqueue(null, 'start', server.base, server.base);
  seen.get(server.base).from = null;
  await Promise.all(tabs.map(async (tab) => {
    // Each worker takes the next URL until the queue stays empty while no one is visiting.
    for (;;) {
      const url = queue.shift();
      if (url === undefined) {
        if (tabs.every((t) => !t.busy)) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      tab.busy = true;
      try {
        await visit(tab, url);
      } catch (e) {
        problems.push(`${name(url)}: ${e.message.split('\n')[0]}`);
      } finally {
        tab.busy = false;
      }
    }
  }));
  await Promise.all(tabs.map((t) => t.context.close()));

  for (const [from, target, id, kind, raw] of fragments) {
    const ids = idsOf.get(target);
    if (ids && !ids.has(id)) problems.push(`${name(from)}: ${kind} "${raw}": no element with id "${id}" on ${name(target)}`);
  }

  // Pages in the site that no link reaches (404.html is expected here): reported, not failed.
  const reached = new Set(seen.keys());
  const orphans = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .map((f) => new URL(f.replace(/(^|\/)index\.html$/, '$1'), server.base).href)
    .filter((u) => !reached.has(u))
    .map(name)
    .sort();

  const schemes = {};
  for (const url of external.keys()) {
    const u = new URL(url);
    const key = /^https?:$/.test(u.protocol) ? u.host : u.protocol;
    schemes[key] = (schemes[key] ?? 0) + 1;
  }
  console.log(`links: ${pagesVisited} pages and ${resources} other files reached from the home page through `
    + `${server.base}; ${problems.length} problems; ${external.size} external links recorded, not fetched`);
  console.log(`  external links by scheme or host: ${Object.entries(schemes).sort((a, b) => b[1] - a[1])
    .slice(0, 12).map(([k, n]) => `${k} ${n}`).join(', ')}${Object.keys(schemes).length > 12 ? ', …' : ''}`);
  if (orphans.length) console.log(`  pages no link reaches: ${orphans.join(', ')}`);
  if (problems.length) assert.fail(`${problems.length} problem(s):\n${problems.join('\n')}`);
});

test('sitemap.xml lists only pages that exist', async () => {
  const file = path.join(dir, 'sitemap.xml');
  assert.ok(existsSync(file), 'the site has no sitemap.xml');
  const locs = [...readFileSync(file, 'utf8').matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  assert.ok(locs.length > 0, 'sitemap.xml lists no <loc>');
  // The site's base URL: the home page's location (the shortest), without its index.html.
  const base = locs.reduce((a, b) => (b.length < a.length ? b : a)).replace(/index\.html$/, '');
  const problems = [];
  for (const loc of locs) {
    if (!loc.startsWith(base)) {
      problems.push(`sitemap.xml: ${loc} is not under the site's base ${base}`);
      continue;
    }
    const local = new URL(loc.slice(base.length), server.base).href;
    const response = await fetch(local, { redirect: 'manual' });
    await response.body?.cancel();
    if (response.status !== 200) problems.push(`sitemap.xml: ${loc} → ${response.status} (${name(local)})`);
  }
  console.log(`sitemap: ${locs.length} locations checked, ${problems.length} problems`);
  function name(url) { return pageName(server, url); }
  if (problems.length) assert.fail(`${problems.length} problem(s):\n${problems.join('\n')}`);
});
