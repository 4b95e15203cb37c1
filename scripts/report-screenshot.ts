/**
 * Renders the report of a realistic link run (scripts/report-sample.ts: the synthetic population
 * cleaned and linked) and screenshots it with the system Chromium (headless) to docs/report.png
 * (summary and charts, 1× pixels: the page is long) and docs/report-review.png (the review queue
 * sorted by weight, one row opened and decided, 1.5× pixels).
 *
 *   node --import tsx scripts/report-screenshot.ts [--chromium /usr/bin/chromium] [--out docs]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { renderReport } from '../src/node/report/index.js';
import { sampleReportInput } from './report-sample.js';

const { values } = parseArgs({
  options: {
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    out: { type: 'string', default: 'docs' },
  },
});
const outDir = resolve(values.out);
const html = renderReport(sampleReportInput());
const dir = mkdtempSync(join(tmpdir(), 'vn-reconcile-report-'));
const file = join(dir, 'report.html');
writeFileSync(file, html);
console.log(`report: ${(html.length / 1024).toFixed(0)} KB`);

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
  // The review queue: sorted by weight, the first row opened and decided.
  await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1.5 });
  await page.click('#review-table button.sort[data-sort="w"]');
  await page.click('#review-body tr[data-case] button.toggle');
  const first = await page.$('#review-body tr[data-case] select.decide');
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
