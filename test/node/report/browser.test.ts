/**
 * The report in a real browser: the system Chromium, headless, driven by puppeteer-core. Skipped
 * when /usr/bin/chromium is missing, except on CI (where .ci/run installs it).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClericalDecisions, renderReport } from '../../../src/node/report/index.js';
import { linkInput, RAW_ID, TRICKY_LEFT_ID, XSS_ADDRESS, XSS_NAME } from './fixture.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env['CI']) throw new Error(`${CHROMIUM} is missing on CI`);

const REVIEW_ROWS = 40;

describe.skipIf(!available)('the report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const blocked: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vn-reconcile-report-test-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(linkInput(REVIEW_ROWS, 20_000)));
    const url = pathToFileURL(file).href;
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const u = req.url();
      if (u === url || u.startsWith('blob:')) void req.continue();
      else {
        blocked.push(u);
        void req.abort();
      }
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const reviewRows = () =>
    page.$$eval('#review-body tr[data-case]', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
    );
  const weightOf = (cells: string[]) => Number((cells[5] ?? '').replace('\u2212', '-'));

  it('loads with no console error, no script injection and no network request', async () => {
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.$eval('html', (h) => h.lang)).toBe('vi');
  });

  it('shows markup in unmasked cells as text (pii: true)', async () => {
    const file = join(dir, 'pii.html');
    writeFileSync(file, renderReport(linkInput(3, 100), { pii: true }));
    const p = await browser.newPage();
    const seen: string[] = [];
    const problems: string[] = [];
    await p.setRequestInterception(true);
    p.on('request', (req) => {
      if (req.url().startsWith('file:')) void req.continue();
      else {
        seen.push(req.url());
        void req.abort();
      }
    });
    p.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    p.on('pageerror', (e) => problems.push(String(e)));
    await p.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await p.click('#review-body button.toggle');
    const text = await p.$eval('#review-table', (t) => t.textContent ?? '');
    const xss = await p.evaluate(() => (window as { __xss?: number }).__xss);
    const injected = await p.$$eval('#review-body script, #review-body img', (n) => n.length);
    // The filter ignores case and diacritics: 'nguyen van an 2' finds 'Nguyễn Văn An 2'.
    await p.type('#review-filter', 'NGUYEN van an 2');
    await p.waitForFunction(
      () => document.querySelectorAll('#review-body tr[data-case]').length === 1,
      { timeout: 2000 },
    );
    const found = await p.$eval('#review-body tr[data-case] td.rec', (td) => td.textContent);
    await p.close();
    expect(text).toContain(XSS_NAME);
    expect(text).toContain(XSS_ADDRESS);
    expect(found).toContain('Nguyễn Văn An 2');
    expect(text).toContain(RAW_ID);
    expect(xss).toBeUndefined();
    expect(injected).toBe(0);
    expect(seen).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('handles a 1,000-row review queue: pages, sorts and filters quickly', async () => {
    const file = join(dir, 'big.html');
    writeFileSync(file, renderReport(linkInput(1000, 100_000)));
    const p = await browser.newPage();
    const problems: string[] = [];
    p.on('pageerror', (e) => problems.push(String(e)));
    const t0 = Date.now();
    await p.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const count = () => p.$$eval('#review-body tr[data-case]', (r) => r.length);
    // A page of 200 rows, then 200 more on request.
    expect(await count()).toBe(200);
    const loaded = Date.now() - t0;
    await p.click('#review-more');
    expect(await count()).toBe(400);
    const t1 = Date.now();
    await p.click('#review-table button.sort[data-sort="p"]');
    const sorted = Date.now() - t1;
    expect(await count()).toBe(200);
    const ps = await p.$$eval('#review-body tr[data-case] td:nth-child(5)', (tds) =>
      tds.map((td) => Number.parseFloat(td.textContent ?? '')),
    );
    expect(ps).toEqual([...ps].sort((a, b) => a - b));
    await p.type('#review-filter', 'R99');
    await p.waitForFunction(
      () => document.querySelectorAll('#review-body tr[data-case]').length === 11,
      { timeout: 3000 },
    );
    await p.close();
    expect(problems).toEqual([]);
    // Generous bounds (2 shared cores, other test files running): they catch a quadratic
    // regression, not a slow machine.
    expect(loaded).toBeLessThan(10_000);
    expect(sorted).toBeLessThan(5000);
  });

  it('would see a request if a page made one (control)', async () => {
    const control = join(dir, 'control.html');
    writeFileSync(control, '<!doctype html><img src="http://127.0.0.1:9/x.png">');
    const p = await browser.newPage();
    const seen: string[] = [];
    await p.setRequestInterception(true);
    p.on('request', (req) => {
      if (!req.url().startsWith('file:')) seen.push(req.url());
      void (req.url().startsWith('file:') ? req.continue() : req.abort());
    });
    await p.goto(pathToFileURL(control).href, { waitUntil: 'load' });
    await p.close();
    expect(seen).toEqual(['http://127.0.0.1:9/x.png']);
  });

  it('draws every chart with a size and bars', async () => {
    for (const id of ['chart-weights', 'chart-model', 'chart-blocking', 'chart-issues']) {
      const box = await page.$eval(`#${id}`, (svg) => {
        const r = svg.getBoundingClientRect();
        const bars = Array.from(svg.querySelectorAll('rect.bar')).filter((b) => {
          const br = b.getBoundingClientRect();
          return br.width > 0 && br.height > 0;
        });
        return { w: r.width, h: r.height, bars: bars.length };
      });
      expect(box.w, id).toBeGreaterThan(100);
      expect(box.h, id).toBeGreaterThan(50);
      expect(box.bars, id).toBeGreaterThan(0);
    }
    expect(await page.$$eval('#chart-weights line.threshold', (l) => l.length)).toBe(2);
  });

  it('lists every review row, masked, with the markup as text', async () => {
    const rows = await reviewRows();
    expect(rows).toHaveLength(REVIEW_ROWS);
    const text = await page.$eval('#review-table', (t) => t.textContent ?? '');
    expect(text).not.toContain(RAW_ID);
    expect(text).toContain('038******345');
    expect(rows.some((r) => r[1] === TRICKY_LEFT_ID)).toBe(true);
    expect(await page.$$eval('#review-body script, #review-body img', (n) => n.length)).toBe(0);
  });

  it('sorts by weight both ways and by row id', async () => {
    await page.click('#review-table button.sort[data-sort="w"]');
    let w = (await reviewRows()).map(weightOf);
    expect(w).toEqual([...w].sort((a, b) => a - b));
    expect(
      await page.$eval('button.sort[data-sort="w"]', (b) =>
        b.parentElement?.getAttribute('aria-sort'),
      ),
    ).toBe('ascending');
    await page.click('#review-table button.sort[data-sort="w"]');
    w = (await reviewRows()).map(weightOf);
    expect(w).toEqual([...w].sort((a, b) => b - a));
    await page.click('#review-table button.sort[data-sort="id"]');
    const ids = (await reviewRows()).map((r) => r[1] ?? '').filter((id) => /^R\d+$/.test(id));
    expect(ids.slice(0, 3)).toEqual(['R2', 'R3', 'R4']);
  });

  it('filters by text and by decision state', async () => {
    const shown = (n: number) =>
      page.waitForFunction(
        (k) => document.querySelectorAll('#review-body tr[data-case]').length === k,
        { timeout: 2000 },
        n,
      );
    await page.type('#review-filter', 'r17');
    await shown(1);
    expect((await reviewRows()).map((r) => r[1])).toEqual(['R17']);
    await page.$eval('#review-filter', (i) => {
      (i as HTMLInputElement).value = '';
      i.dispatchEvent(new Event('input'));
    });
    await shown(REVIEW_ROWS);
    await page.select('#review-state', 'done');
    await shown(0);
    await page.select('#review-state', 'all');
    await shown(REVIEW_ROWS);
    expect(await page.$eval('#review-status', (s) => s.textContent)).toContain(
      `${REVIEW_ROWS} / ${REVIEW_ROWS}`,
    );
  });

  it('opens a row: waterfall and candidates', async () => {
    await page.click('#review-body tr[data-case] button.toggle');
    const detail = await page.$eval('#review-body tr.detail', (tr) => {
      const svg = tr.querySelector('svg.waterfall');
      const r = svg?.getBoundingClientRect();
      return {
        w: r?.width ?? 0,
        h: r?.height ?? 0,
        bars: svg?.querySelectorAll('rect.bar').length ?? 0,
        candidates: tr.querySelectorAll('table.cmp thead th').length - 2,
      };
    });
    expect(detail.w).toBeGreaterThan(100);
    expect(detail.h).toBeGreaterThan(50);
    // prior + 3 fields (+ any residual) + final
    expect(detail.bars).toBeGreaterThanOrEqual(5);
    expect(detail.candidates).toBeGreaterThanOrEqual(1);
    expect(
      await page.$eval('#review-body button.toggle', (b) => b.getAttribute('aria-expanded')),
    ).toBe('true');
  });

  it('exports the decisions as a CSV that parseClericalDecisions reads back', async () => {
    // Decide: the tricky row → match its best candidate; R2 → no match; R3 → skip.
    const decide = async (caseIndex: number, value: (opts: string[]) => string) => {
      const sel = await page.$(`#review-body select.decide[data-case="${caseIndex}"]`);
      if (!sel) throw new Error(`no select for case ${caseIndex}`);
      const opts = await sel.evaluate((s) =>
        Array.from((s as HTMLSelectElement).options, (o) => o.value),
      );
      await sel.select(value(opts));
    };
    await decide(0, () => 'm:0');
    await decide(1, () => 'n');
    await decide(2, () => 's');
    await page.evaluate(() => {
      const w = window as unknown as { __blobs: Blob[] };
      w.__blobs = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => {
        if (b instanceof Blob) w.__blobs.push(b);
        return create(b);
      };
    });
    expect(await page.$eval('#export-decisions', (b) => (b as HTMLButtonElement).disabled)).toBe(
      false,
    );
    await page.click('#export-decisions');
    const bytes = await page.evaluate(async () => {
      const w = window as unknown as { __blobs: Blob[] };
      const b = w.__blobs[0];
      return b ? Array.from(new Uint8Array(await b.arrayBuffer())) : [];
    });
    const buf = Buffer.from(bytes);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = parseClericalDecisions(buf.toString('utf8'));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.map(({ leftId, rightId, decision }) => ({ leftId, rightId, decision }))).toEqual([
      { leftId: TRICKY_LEFT_ID.trim(), rightId: 'P,"7"', decision: 'match' },
      { leftId: 'R2', rightId: 'P10', decision: 'no_match' },
    ]);
    expect(await page.$eval('#review-status', (s) => s.textContent)).toContain(
      '(khớp 1, không khớp 1)',
    );
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
