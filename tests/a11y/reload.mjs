// Opens a page served by `bichig serve`, edits a source file, and waits until
// the open page reloads by itself showing the edit. Prints the time from the
// write to the reloaded page. Usage: node reload.mjs URL FILE OLD NEW
import { readFile, writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';

const [url, file, before, after] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let code = 1;
try {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // Wait until the live-reload stream is open.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/__bichig/events')), { timeout: 5000 }).catch(() => {});
  await new Promise((r) => setTimeout(r, 300));
  await page.evaluate(() => { window.__notReloaded = true; });
  const text = await readFile(file, 'utf8');
  const start = Date.now();
  await writeFile(file, text.replace(before, after));
  await page.waitForFunction((t) => !window.__notReloaded && document.body.innerText.includes(t), { timeout: 10000, polling: 10 }, after);
  console.log(`reloaded in ${Date.now() - start} ms`);
  code = 0;
} catch (e) {
  console.log(`FAIL: ${e.message}`);
} finally {
  await browser.close();
}
process.exit(code);
