// Every HTML page and every stylesheet (and SVG file) of the built site through the Nu HTML
// Checker (vnu-jar, run once over the whole site with Java): zero errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteDir } from '../lib/harness.mjs';

const require = createRequire(import.meta.url);
const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

// vnu's CSS checker predates these properties, which current CSS and SVG specifications define and
// every browser supports (SVG 2 `vector-effect`; CSS Fill and Stroke 3 `paint-order`). Only these
// exact messages are set aside, and they are counted in the summary.
const OUTDATED_CSS_PROPERTIES = ['vector-effect', 'paint-order'];
const isOutdatedCheckerMessage = (m) => OUTDATED_CSS_PROPERTIES.some(
  (property) => m.message === `CSS: “${property}”: Property “${property}” doesn't exist.`,
);

function countFiles(dir, extensions) {
  const counts = Object.fromEntries(extensions.map((e) => [e, 0]));
  for (const entry of readdirSync(dir, { recursive: true })) {
    const ext = path.extname(String(entry)).slice(1);
    if (ext in counts) counts[ext] += 1;
  }
  return counts;
}

function vnu(dir) {
  const args = ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always',
    '--skip-non-html', '--also-check-css', '--also-check-svg', dir];
  return new Promise((resolve, reject) => {
    execFile('java', args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`java -jar vnu.jar failed: ${error.message}\n${stderr}`));
      try {
        resolve(JSON.parse(stdout).messages);
      } catch (e) {
        reject(new Error(`vnu printed no JSON report (${e.message}):\n${stdout.slice(0, 2000)}\n${stderr}`));
      }
    });
  });
}

test('Nu HTML Checker: zero errors in every HTML page, stylesheet and SVG file', async () => {
  const dir = siteDir();
  const counts = countFiles(dir, ['html', 'css', 'svg']);
  assert.ok(counts.html > 0, `no HTML file under ${dir}`);
  const messages = await vnu(dir);
  const where = (m) => {
    const file = m.url ? path.relative(dir, fileURLToPath(m.url)) : '(vnu)';
    return `${file}${m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 1}` : ''}`;
  };
  const setAside = messages.filter(isOutdatedCheckerMessage);
  const errors = messages.filter((m) => m.type !== 'info' && !isOutdatedCheckerMessage(m));
  const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
  console.log(`vnu: ${counts.html} HTML, ${counts.css} CSS, ${counts.svg} SVG files checked: `
    + `${errors.length} errors, ${warnings.length} warnings`
    + (setAside.length ? ` (${setAside.length} messages on ${OUTDATED_CSS_PROPERTIES.join(', ')} set aside: unknown to vnu's CSS checker)` : ''));
  for (const w of warnings.slice(0, 20)) console.log(`  ${where(w)}: vnu warning: ${w.message}`);
  if (errors.length) {
    assert.fail(`${errors.length} error(s):\n${errors.map((m) => `${where(m)}: vnu ${m.type}: ${m.message}`
      + (m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}` : '')).join('\n')}`);
  }
});
