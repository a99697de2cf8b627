// The browser harness shared by every test under ../tests/: a real static server for the built
// site under a sub-path, a headless Chromium, and pages that record what went wrong.
//
//   import { siteDir, startServer, launch, newPage, settle } from '../lib/harness.mjs';
//   const server = await startServer({ siteDir: siteDir() });      // server.base ends in /charte/
//   const browser = await launch();
//   const { page, errors, externalRequests, failedResponses } = await newPage(browser, { width: 390 });
//   await page.goto(server.base + 'explore/');  await settle(page);
//   ...  await browser.close();  await server.close();
//
// `cargo xtask test` builds the site and sets SITE_DIR to it. Nothing here downloads anything:
// the browser is Debian's /usr/bin/chromium (or CHROMIUM), driven by playwright-core.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

/** The built site to check: `SITE_DIR`, set by `cargo xtask test`. Throws when unusable. */
export function siteDir() {
  const dir = process.env.SITE_DIR;
  if (!dir) {
    throw new Error('SITE_DIR is not set: run the checks with `cargo xtask test`, or set SITE_DIR to a built site');
  }
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`SITE_DIR=${dir} has no index.html: is it a built site?`);
  }
  return path.resolve(dir);
}

// Python's standard static server (http.server), as strict as a plain static host: no URL
// rewriting, no directory listings (a folder without index.html is a 404, as on nginx, S3 or
// Pages), `dir` redirected to `dir/`, loopback only. It exits by itself when its parent goes
// away (its stdin closes) or after `lifetime` seconds, so a killed test run leaves nothing behind.
// A client closing early (a crawler that only wanted the status) is not an error.
const SERVER_PY = String.raw`
import functools, http.server, os, sys, threading
root, lifetime = sys.argv[1], float(sys.argv[2])
class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript'}
    def list_directory(self, path):
        self.send_error(404, 'No index.html here')
        return None
    def log_message(self, *args):
        pass
class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)
httpd = Server(('127.0.0.1', 0), functools.partial(Handler, directory=root))
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
threading.Timer(lifetime, lambda: os._exit(3)).start()
print(httpd.server_address[1], flush=True)
httpd.serve_forever()
`;

/**
 * Serves `siteDir` at `http://127.0.0.1:PORT{prefix}` with a real static server (Python's
 * http.server over a temporary folder where `prefix` is a symlink to the site).
 * Returns `{ base, origin, prefix, close }`; `base` ends with the prefix (`…/charte/`).
 */
export async function startServer({ siteDir: dir = siteDir(), prefix = '/charte/', lifetime = 1800 } = {}) {
  if (!/^\/([a-z0-9-]+\/)+$/.test(prefix)) {
    throw new Error(`prefix ${prefix} must look like /charte/ or /a/b/`);
  }
  const top = mkdtempSync(path.join(tmpdir(), 'passerelle-serve-'));
  const link = path.join(top, ...prefix.split('/').filter(Boolean));
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(path.resolve(dir), link, 'dir');

  const child = spawn('python3', ['-u', '-c', SERVER_PY, top, String(lifetime)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stop = () => child.kill();
  process.on('exit', stop);
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the static server did not start within 10 s')), 10_000);
    child.once('error', (e) => reject(new Error(`cannot start python3 for the static server: ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`the static server exited early (code ${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(Number(line.trim()));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    prefix,
    base: origin + prefix,
    async close() {
      process.off('exit', stop);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.stdin.end();
        child.kill();
        await exited;
      }
      rmSync(top, { recursive: true, force: true });
    },
  };
}

/** The Chromium binary: `CHROMIUM` or Debian's /usr/bin/chromium. */
export function chromiumPath() {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

/** Launches headless Chromium (Debian's, never a downloaded one) with a fresh profile. */
export async function launch() {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath) || !statSync(executablePath).isFile()) {
    throw new Error(`no Chromium at ${executablePath}: run \`apt-get install chromium\` (cargo xtask test does it as root)`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 60_000,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** True for a URL served by this machine (the test server). */
export function isLoopback(url) {
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * A fresh context and page. Records, for the test to assert on:
 * - `errors`: console errors and uncaught exceptions (`console error: …`, `page error: …`);
 * - `externalRequests`: every request to a host other than 127.0.0.1 (aborted, never sent);
 * - `failedResponses`: every response with a status ≥ 400 (`404 http://…`);
 * - `requests`: every URL the page requested (for crawlers).
 */
export async function newPage(browser, { width = 1280, height = 800, javaScriptEnabled = true, hasTouch = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    javaScriptEnabled,
    hasTouch,
    serviceWorkers: 'block',
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
  });
  const page = await context.newPage();
  const errors = [];
  const externalRequests = [];
  const failedResponses = [];
  const requests = [];
  let inflight = 0;
  let lastActivity = Date.now();
  const touch = (delta) => { inflight += delta; lastActivity = Date.now(); };

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(https?|wss?):/.test(url) && !isLoopback(url)) {
      externalRequests.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  page.on('request', (request) => { requests.push(request.url()); touch(+1); });
  page.on('requestfinished', () => touch(-1));
  page.on('requestfailed', () => touch(-1));
  page.on('response', (response) => {
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location()?.url;
      errors.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page._passerelle = { idle: () => inflight <= 0 && Date.now() - lastActivity >= 150 };
  return { page, context, errors, externalRequests, failedResponses, requests };
}

/**
 * Waits until the page has loaded and made no request for 150 ms (the explorer fetches its wasm
 * and index after `load`), at most `timeout` ms. Faster than Playwright's 500 ms `networkidle`.
 */
export async function settle(page, { timeout = 15_000 } = {}) {
  await page.waitForLoadState('load', { timeout });
  const idle = page._passerelle?.idle;
  if (!idle) return page.waitForLoadState('networkidle', { timeout });
  const deadline = Date.now() + timeout;
  while (!idle()) {
    if (Date.now() > deadline) throw new Error(`${page.url()} kept loading for ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A page's path under the server's prefix, for messages: `offers/atelier-slam.html`. */
export function pageName(server, url) {
  const u = new URL(url);
  const p = u.pathname.startsWith(server.prefix) ? u.pathname.slice(server.prefix.length) : u.pathname;
  return (p || '/') + u.search;
}
