/**
 * Runs the demo (`vn-reconcile demo`: the embedded synthetic sample cleaned, linked and
 * deduplicated by the built CLI) and screenshots the report it writes with the system Chromium
 * (headless) to docs/report.png (summary and charts, 1× pixels: the page is long) and
 * docs/report-review.png (the review queue, a row with competing candidates opened and decided,
 * 1.5× pixels). The pictures are of what a new user sees after `npm ci && npm run demo`.
 *
 *   npm run build && node --import tsx scripts/report-screenshot.ts [--chromium /usr/bin/chromium] [--out docs]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';

const { values } = parseArgs({
  options: {
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    out: { type: 'string', default: 'docs' },
  },
});
const outDir = resolve(values.out);
const dir = mkdtempSync(join(tmpdir(), 'vn-reconcile-report-'));
execFileSync(process.execPath, ['dist/cli/main.js', 'demo', '--dir', dir], { stdio: 'inherit' });
const file = join(dir, 'report.html');
console.log(`report: ${(readFileSync(file).length / 1024).toFixed(0)} KB`);

const browser = await puppeteer.launch({
  executablePath: values.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // Summary and charts: everything above the review queue.
  const reviewTop = await page.$eval('#review', (h) => h.getBoundingClientRect().top + scrollY);
  await page.screenshot({
    path: join(outDir, 'report.png'),
    clip: { x: 0, y: 0, width: 1200, height: Math.round(reviewTop - 24) },
  });
  // The review queue: sorted by weight, the first row with competing candidates opened and
  // decided (else the first row).
  await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1.5 });
  await page.click('#review-table button.sort[data-sort="w"]');
  const rows = await page.$$('#review-body tr[data-case]');
  let chosen = rows[0];
  for (const row of rows) {
    const n = await row.evaluate((tr) => {
      const data = JSON.parse(document.getElementById('review-data')?.textContent || '{}');
      const i = Number(tr.getAttribute('data-case'));
      return (data.cases?.[i]?.c?.length as number | undefined) ?? 0;
    });
    if (n > 1) {
      chosen = row;
      break;
    }
  }
  await chosen?.$eval('button.toggle', (b) => (b as HTMLButtonElement).click());
  const first = await chosen?.$('select.decide');
  const value = await first?.evaluate((s) => (s as HTMLSelectElement).options[1]?.value ?? '');
  if (first && value) await first.select(value);
  const box = await page.$eval('#review', (h) => {
    const card = h.closest('section')!;
    const r = card.getBoundingClientRect();
    return { top: r.top + scrollY, bottom: r.bottom + scrollY };
  });
  await page.screenshot({
    path: join(outDir, 'report-review.png'),
    clip: { x: 0, y: box.top - 8, width: 1200, height: Math.min(1150, box.bottom - box.top + 16) },
  });
  console.log(`wrote ${join(outDir, 'report.png')} and ${join(outDir, 'report-review.png')}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
