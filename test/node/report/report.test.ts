import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../src/node/report/charts.js';
import { jsonForScript } from '../../../src/node/report/escape.js';
import {
  binWeights,
  escapeHtml,
  formatClericalDecisions,
  maskDate,
  maskKindOf,
  maskPhone,
  maskValue,
  maskWords,
  parseClericalDecisions,
  renderReport,
} from '../../../src/node/report/index.js';
import { linkInput, RAW_ID, RAW_PHONE, reviewCases, XSS_ADDRESS, XSS_NAME } from './fixture.js';

/** The JSON block of the review queue, parsed. */
function reviewJson(html: string): {
  cols: string[];
  cases: { id: string; v: string[]; c: { id: string; v: string[] }[] }[];
} {
  const m = /<script type="application\/json" id="review-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m?.[1]) throw new Error('no review data');
  return JSON.parse(m[1]);
}

describe('escaping', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('embeds JSON that cannot close its script element', () => {
    const s = jsonForScript({ a: '</script><script>x()</script>', b: '\u2028&' });
    expect(s).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(s)).toEqual({ a: '</script><script>x()</script>', b: '\u2028&' });
  });

  it('renders every untrusted string as text (PII shown, the worst case)', () => {
    const html = renderReport(linkInput(5, 100), { pii: true });
    // Exactly two script elements: the hashed script and the JSON data block.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain(XSS_NAME);
    expect(html).not.toContain(XSS_ADDRESS);
    expect(html).not.toContain('<surname>');
    expect(html).not.toContain('<tiêm>');
    expect(html).not.toContain('<i>CODE</i>');
    expect(html).not.toContain('dob <b>');
    expect(html).not.toContain('<a>|1990');
    expect(html).toContain('blocking rule &lt;surname&gt; capped 2 blocks');
    expect(html).toContain('a &quot;quoted&quot; &amp; warning');
    expect(html).toContain('&lt;i&gt;CODE&lt;/i&gt;');
    // The review data keeps the values, escaped for the script context.
    const data = reviewJson(html);
    expect(data.cases[0]?.v).toContain(XSS_NAME);
    expect(data.cases[0]?.v).toContain(XSS_ADDRESS);
  });

  it('has a CSP that allows only its own style and script, and no network', () => {
    const html = renderReport(linkInput(3, 100));
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = (s: string) => createHash('sha256').update(s).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${hash(style)}'`);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(style).not.toMatch(/@import|url\(/i);
    expect(html).toContain('<html lang="vi">');
  });
});

describe('masking', () => {
  it('classifies columns by name', () => {
    expect(maskKindOf('id_number')).toBe('id');
    expect(maskKindOf('old_id_number')).toBe('id');
    expect(maskKindOf('so_cccd')).toBe('id');
    expect(maskKindOf('record_id')).toBe('key');
    expect(maskKindOf('full_name')).toBe('name');
    expect(maskKindOf('ho_ten')).toBe('name');
    expect(maskKindOf('dob')).toBe('date');
    expect(maskKindOf('ngay_sinh')).toBe('date');
    expect(maskKindOf('phone')).toBe('phone');
    expect(maskKindOf('province')).toBe('public');
    expect(maskKindOf('gender')).toBe('public');
    expect(maskKindOf('address')).toBe('text');
    expect(maskKindOf('ghi_chu')).toBe('text');
  });

  it('masks each kind', () => {
    expect(maskValue('id_number', '038095012345')).toBe('038******345');
    expect(maskValue('id_number', '38095012345')).toBe('038******345');
    expect(maskPhone('0912 345 678')).toBe('*******678');
    expect(maskDate('15/03/1985')).toBe('1985');
    expect(maskDate('1985-03-15')).toBe('1985');
    expect(maskDate('31123')).toBe('****');
    expect(maskWords('Nguyễn Văn An')).toBe('N. V. A.');
    expect(maskWords('đặng thị ánh')).toBe('Đ. T. Á.');
    expect(maskValue('address', '12 Lê Lợi, P. Bến Nghé')).toBe('#. L. L. P. B. N.');
    expect(maskValue('province', 'Hà Nội')).toBe('Hà Nội');
    expect(maskValue('full_name', '')).toBe('');
  });

  it('keeps raw personal data out of a masked report', () => {
    const html = renderReport(linkInput(5, 100));
    expect(html).not.toContain(RAW_ID);
    expect(html).not.toContain(RAW_PHONE);
    expect(html).not.toContain('Nguyễn');
    expect(html).not.toContain('Lê Lợi');
    const data = reviewJson(html);
    const left1 = data.cases[1]!;
    const col = (name: string) => data.cols.indexOf(name);
    expect(left1.v[col('id_number')]).toBe('038******345');
    expect(left1.v[col('phone')]).toBe('*******678');
    expect(left1.v[col('dob')]).toBe('1951');
    expect(left1.v[col('full_name')]).toBe('N. V. A. #.');
    expect(left1.v[col('province')]).toBe('Hà Nội');
    expect(html).toContain('PII masked');
  });

  it('shows personal data with pii: true', () => {
    const html = renderReport(linkInput(5, 100), { pii: true });
    expect(html).toContain(RAW_ID);
    expect(html).toContain(RAW_PHONE);
    expect(html).toContain('Nguyễn Văn An 2');
    expect(html).toContain('PII shown');
  });
});

describe('histogram', () => {
  it('bins finite weights, counts the rows without a candidate apart', () => {
    const b = binWeights([-3.2, 0.1, 0.4, 12, Number.NEGATIVE_INFINITY, Number.NaN], 60);
    expect(b.total).toBe(4);
    expect(b.noCandidate).toBe(1);
    expect(b.invalid).toBe(1);
    expect(b.counts.reduce((s, c) => s + c, 0)).toBe(4);
    expect(b.start).toBeLessThanOrEqual(-3.2);
    expect(b.start + b.counts.length * b.width).toBeGreaterThan(12);
  });

  it('puts every value in the bin that covers it', () => {
    const values = [-10, -9.99, -0.5, 0, 0.25, 0.5, 7.75, 8];
    const b = binWeights(values, 40);
    for (const v of values) {
      const i = Math.floor((v - b.start) / b.width + 1e-9);
      expect(b.counts[i]).toBeGreaterThan(0);
    }
    expect(b.counts.length).toBeLessThanOrEqual(40);
  });

  it('handles one value, no value and a single bin', () => {
    expect(binWeights([5]).counts).toEqual([1]);
    expect(binWeights([]).counts).toEqual([]);
    expect(binWeights([1, 2, 3], 1).counts).toEqual([3]);
  });

  it('bins a million weights quickly and embeds only the bins', () => {
    const n = 1_000_000;
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) w[i] = -30 + ((i * 7919) % 6000) / 100;
    const t = performance.now();
    const b = binWeights(w, 60);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(b.total).toBe(n);
    expect(b.counts.length).toBeLessThanOrEqual(60);
    const small = renderReport({ ...linkInput(0, 10), weights: w.subarray(0, 1000) });
    const big = renderReport({ ...linkInput(0, 10), weights: w });
    expect(Math.abs(big.length - small.length)).toBeLessThan(4000);
    expect(big).toContain('id="chart-weights"');
  });

  it('marks the thresholds as weights (log2 odds of the probabilities)', () => {
    const html = renderReport(linkInput(0, 1000));
    expect(html.match(/class="threshold"/g)).toHaveLength(2);
    // 0.999 → 9.96 bits; 0.01 → −6.63 bits (typographic minus)
    expect(html).toContain('9.96');
    expect(html).toContain('−6.63');
  });

  it('draws round ticks', () => {
    expect(niceTicks(0, 97, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(-6.6, 9.9, 8)).toEqual([-7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10]);
  });
});

describe('sections', () => {
  it('renders the charts of the inputs given, and only those', () => {
    const html = renderReport(linkInput(3, 100));
    for (const id of ['chart-weights', 'chart-model', 'chart-blocking', 'chart-issues'])
      expect(html).toContain(`id="${id}"`);
    const clean = renderReport({
      command: 'clean',
      generatedAt: '2026-12-06T00:00:00Z',
      tool: { name: 'vn-reconcile', version: '0.1.0' },
      files: [{ role: 'input', name: 'a.csv', rows: 10 }],
      counts: { rows: 10, rows_with_issues: 2 },
      issueCounts: { DOB_MISSING: 2 },
      timings: { clean: 0.1 },
      warnings: [],
    });
    expect(clean).toContain('id="chart-issues"');
    expect(clean).not.toContain('id="chart-weights"');
    expect(clean).not.toContain('id="review-data"');
    expect(clean).not.toContain('Ngưỡng khớp');
  });

  it('keeps a 1,000-row review queue small', () => {
    const html = renderReport(linkInput(1000, 100_000));
    const data = /<script type="application\/json" id="review-data">[\s\S]*?<\/script>/.exec(
      html,
    )?.[0];
    const bytes = Buffer.byteLength(html);
    const dataBytes = Buffer.byteLength(data ?? '');
    expect(bytes - dataBytes).toBeLessThan(150_000);
    expect(bytes).toBeLessThan(1_500_000);
  });
});

describe('clerical decisions', () => {
  const decisions = [
    { leftId: 'R1', rightId: 'P7', decision: 'match' as const },
    { leftId: 'R"2",x', rightId: 'P, 8', decision: 'no_match' as const },
    { leftId: 'R3\r\nnext', rightId: 'Nguyễn', decision: 'match' as const },
    { leftId: 'R4', rightId: '', decision: 'no_match' as const },
  ];

  it('round-trips through formatClericalDecisions (BOM, CRLF, quotes, commas, newlines)', () => {
    const text = formatClericalDecisions(decisions);
    expect(text.startsWith('\uFEFFleft_id,right_id,decision\r\n')).toBe(true);
    const r = parseClericalDecisions(text);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.map(({ row: _, ...d }) => d)).toEqual(decisions);
  });

  it('reads LF, semicolons, extra columns, spacing and skipped rows', () => {
    const r = parseClericalDecisions(
      'note;Decision;LEFT_ID;right_id\nok;Match;R1;P1\n;skip;R2;P2\n;;R3;P3\n\n;No Match;R4;P4',
    );
    expect(r).toEqual({
      success: true,
      data: [
        { leftId: 'R1', rightId: 'P1', decision: 'match', row: 2 },
        { leftId: 'R4', rightId: 'P4', decision: 'no_match', row: 6 },
      ],
    });
  });

  it('reports bad rows by row number, never by value', () => {
    const secret = 'Nguyễn Văn Bí Mật';
    const text = [
      'left_id,right_id,decision',
      `R1,P1,${secret}`,
      `,P2,match`,
      `R3,,match`,
      `R4,P4,match`,
      `R4,P5,match`,
      `R6,P6,match`,
      `R6,P6,no_match`,
    ].join('\r\n');
    const r = parseClericalDecisions(text);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => [i.code, i.path?.[0]])).toEqual([
      ['DECISIONS_VALUE', 2],
      ['DECISIONS_ID_MISSING', 3],
      ['DECISIONS_ID_MISSING', 4],
      ['DECISIONS_CONFLICT', 6],
      ['DECISIONS_CONFLICT', 8],
    ]);
    for (const i of r.issues) {
      expect(i.message).toMatch(/^Row \d+: /);
      expect(i.message).not.toContain(secret);
      expect(i.message).not.toMatch(/R\d|P\d/);
    }
  });

  it('reports an empty file, a bad header and broken quotes', () => {
    const codes = (t: string) => {
      const r = parseClericalDecisions(t);
      return r.success ? [] : r.issues.map((i) => i.code);
    };
    expect(codes('')).toEqual(['DECISIONS_EMPTY']);
    expect(codes('\uFEFF\r\n')).toEqual(['DECISIONS_EMPTY']);
    expect(codes('left_id,decision\nR1,match')).toEqual(['DECISIONS_HEADER']);
    expect(codes('left_id,right_id,decision\n"R1,P1,match')).toEqual(['DECISIONS_QUOTE']);
    expect(codes('left_id,right_id,decision\n"R1"x,P1,match')).toEqual(['DECISIONS_QUOTE']);
    const r = parseClericalDecisions('left_id,right_id,decision\nR1,P1,match\n"R2,P2,match');
    expect(!r.success && r.issues[0]?.message).toBe('Row 3: a quoted field is not closed');
  });

  it('reads back the ids of a rendered review queue', () => {
    const cases = reviewCases(3);
    const text = formatClericalDecisions(
      cases.map((c) => ({
        leftId: c.leftId,
        rightId: c.candidates[0]!.rightId,
        decision: 'match',
      })),
    );
    const r = parseClericalDecisions(text);
    expect(r.success && r.data.map((d) => d.leftId)).toEqual(cases.map((c) => c.leftId.trim()));
  });
});
