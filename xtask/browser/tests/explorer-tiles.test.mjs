// The explorer's optional raster tile background, in headless Chromium. A copy of the shipped
// project is built with `[map] tiles` pointing at a tiny tile server on 127.0.0.1 (a 256×256
// magenta PNG for any /tiles/{z}/{x}/{y}.png): the map requests the tiles that cover Liège,
// draws them (magenta pixels in a screenshot of the map), asks for finer ones when zoomed in,
// and shows the attribution. The shipped site (SITE_DIR, no [map]) requests no tile at all.
//
// The generator is run as `cargo run --release -- build` from the repository (PASSERELLE_BIN
// names a binary to use instead).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import { launch, newPage, settle, siteDir, startServer } from '../lib/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TODAY = process.env.PASSERELLE_TODAY || '2026-11-21';
const ATTRIBUTION = '© Tuiles de test Passerelle';
const MAGENTA = [255, 0, 255];

// ---- PNG, just enough: a solid tile to serve, and reading a screenshot back. ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

/** A `size`×`size` PNG of one RGB colour. */
function solidPng(size, [r, g, b]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The pixels of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's screenshots are). */
function decodePng(png) {
  let at = 8;
  let width = 0, height = 0, channels = 0;
  const data = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      assert.equal(body[8], 8, 'an 8-bit screenshot');
      channels = { 2: 3, 6: 4 }[body[9]];
      assert.ok(channels && body[12] === 0, 'an RGB(A), non-interlaced screenshot');
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? pixels[y * stride + i - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const c = i >= channels && y > 0 ? pixels[(y - 1) * stride + i - channels] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** The share of `png`'s pixels within 40 of `rgb` on every channel. */
function shareOf(png, rgb) {
  const { width, height, channels, pixels } = decodePng(png);
  let hits = 0;
  for (let i = 0; i < width * height; i++) {
    if (rgb.every((v, k) => Math.abs(pixels[i * channels + k] - v) <= 40)) hits++;
  }
  return hits / (width * height);
}

// ---- The tile server and the site built with tiles. ----

let tileServer;
let tileRequests = [];
let tiledDir;
let tiledSite;
let shippedSite;
let browser;

before(async () => {
  const tile = solidPng(256, MAGENTA);
  tileServer = createServer((request, response) => {
    tileRequests.push(request.url);
    if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(request.url)) {
      response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      response.end(tile);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => tileServer.listen(0, '127.0.0.1', resolve));
  const { port } = tileServer.address();

  // A copy of the shipped project (data and content) with a [map] section.
  tiledDir = mkdtempSync(path.join(tmpdir(), 'passerelle-tiles-'));
  for (const folder of ['data', 'content']) cpSync(path.join(ROOT, folder), path.join(tiledDir, folder), { recursive: true });
  appendFileSync(path.join(tiledDir, 'content', 'site.toml'),
    `\n[map]\ntiles = "http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png"\nattribution = "${ATTRIBUTION}"\n`);
  const out = path.join(tiledDir, 'site');
  const [command, args] = process.env.PASSERELLE_BIN
    ? [process.env.PASSERELLE_BIN, []]
    : ['cargo', ['run', '--release', '--quiet', '--']];
  const built = spawnSync(command, [...args, 'build', '--root', tiledDir, '--out', out], {
    cwd: ROOT, env: { ...process.env, PASSERELLE_TODAY: TODAY }, encoding: 'utf8', timeout: 900_000,
  });
  assert.equal(built.status, 0, `building the project with [map] tiles failed:\n${built.stderr}`);

  tiledSite = await startServer({ siteDir: out, prefix: '/tiled/' });
  shippedSite = await startServer({ siteDir: siteDir() });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await tiledSite?.close();
  await shippedSite?.close();
  await new Promise((resolve) => (tileServer ? tileServer.close(resolve) : resolve()));
  if (tiledDir) rmSync(tiledDir, { recursive: true, force: true });
});

/** The explore page of `server`, mounted. */
async function explore(server) {
  const opened = await newPage(browser, { width: 1280, height: 900 });
  await opened.page.goto(server.base + 'explore/');
  await settle(opened.page);
  await opened.page.waitForSelector('.px-explorer .px-count', { timeout: 10_000 });
  return opened;
}

/** Web Mercator tile numbers of `[lon, lat]` at zoom `z`. */
function tileOf([lon, lat], z) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

test('with [map] tiles: the tiles covering the area are requested and drawn, with the attribution', async () => {
  tileRequests = [];
  const { page, context, errors, failedResponses } = await explore(tiledSite);
  const images = page.locator('svg.px-svg .px-tiles image');
  await images.first().waitFor({ state: 'attached', timeout: 5000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.px-tiles image')].length > 0);
  await settle(page);

  // Requested: valid tile numbers, one zoom level, Liège's centre among them.
  const tiles = tileRequests.map((url) => url.match(/^\/tiles\/(\d+)\/(\d+)\/(\d+)\.png$/)).filter(Boolean).map((m) => m.slice(1).map(Number));
  assert.ok(tiles.length >= 1, `tile requests: ${tileRequests.join(', ')}`);
  const zooms = new Set(tiles.map(([z]) => z));
  assert.equal(zooms.size, 1, `one zoom level at first: ${[...zooms]}`);
  const [z] = zooms;
  assert.ok(z >= 10 && z <= 18, `a city-scale zoom level (${z})`);
  for (const [, x, y] of tiles) assert.ok(x < 2 ** z && y < 2 ** z, `tile ${z}/${x}/${y} exists`);
  const [cx, cy] = tileOf([5.585, 50.635], z);
  assert.ok(tiles.some(([, x, y]) => x === cx && y === cy), `the tile of Liège's centre ${z}/${cx}/${cy} is among ${tiles.map((t) => t.join('/')).join(' ')}`);
  assert.equal(await images.count(), tiles.length, 'one image per tile requested');

  // Drawn: the magenta tiles show through the map (outside the districts, and under their tint).
  const frame = page.locator('.px-map-frame');
  const share = shareOf(await frame.screenshot(), MAGENTA);
  assert.ok(share > 0.2, `magenta covers ${(share * 100).toFixed(1)}% of the map`);
  const tinted = await page.evaluate(() => getComputedStyle(document.querySelector('.px-district')).fillOpacity);
  assert.ok(Number(tinted) < 1, `district shapes let the tiles show through (fill-opacity ${tinted})`);

  // The attribution is shown under the map.
  const attribution = page.locator('.px-attribution');
  assert.equal((await attribution.textContent()).trim(), ATTRIBUTION);
  assert.ok(await attribution.isVisible());

  // Zooming in asks for finer tiles.
  const before = tileRequests.length;
  await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
  await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.px-tiles image').length > 0 && n >= 0, before);
  await settle(page);
  const finer = tileRequests.slice(before).map((url) => Number(url.split('/')[2]));
  assert.ok(finer.some((zz) => zz > z), `zoomed in: tiles at zoom > ${z} (got ${finer.join(', ')})`);

  assert.deepEqual(failedResponses, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without [map]: no tile, no attribution, no request beyond the site', async () => {
  tileRequests = [];
  const { page, context, errors, requests, externalRequests } = await explore(shippedSite);
  await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
  await settle(page);
  assert.equal(await page.locator('svg.px-svg image, .px-tiles').count(), 0);
  assert.equal(await page.locator('.px-attribution').count(), 0);
  const elsewhere = requests.filter((url) => !url.startsWith(shippedSite.origin) && !url.startsWith('data:'));
  assert.deepEqual(elsewhere, [], 'every request goes to the site itself');
  assert.deepEqual(externalRequests, []);
  assert.deepEqual(tileRequests, []);
  assert.deepEqual(errors, []);
  await context.close();
});
