// Runs axe-core (WCAG 2.1 A and AA rules) on built pages in headless Chromium.
// Usage: node run.mjs BASE_URL PATH... ; prints one line per page and exits 1
// when any page has a serious or critical violation.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const [base, ...paths] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = 0;
let checked = 0;
try {
  for (const path of paths) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const response = await page.goto(base + path, { waitUntil: 'networkidle0' });
    if (!response || !response.ok()) {
      console.log(`FAIL ${path}: HTTP ${response && response.status()}`);
      failed++;
      continue;
    }
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = result.violations.length - bad.length;
    checked++;
    console.log(`${bad.length ? 'FAIL' : 'ok'} ${path}: ${bad.length} serious/critical, ${minor} minor/moderate, ${result.passes.length} rules passed`);
    for (const v of result.violations) {
      console.log(`  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }
    if (bad.length) failed++;
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`axe: ${checked} pages checked, ${failed} with serious or critical violations`);
process.exit(failed ? 1 : 0);
