/**
 * The report's static charts as inline SVG strings (no library: a histogram, two bar lists and
 * the model's m/u/weight chart are a few hundred lines, a chart library tens of kilobytes).
 * @module
 */
import type { FellegiSunterModel } from '../../match/index.js';
import { levelWeights } from '../../match/index.js';
import type { WeightBins } from './bins.js';
import { escapeHtml } from './escape.js';

const FONT_PX = 12;

/** Colours of the decisions and of m/u (colour-blind-safe pairs). */
export const COLORS = {
  match: '#1b7f3b',
  review: '#c27c0e',
  noMatch: '#8a94a0',
  m: '#2f6fdb',
  u: '#e0762d',
  positive: '#2f6fdb',
  negative: '#c8463b',
  bar: '#4a6fa5',
  axis: '#5b6470',
  grid: '#e3e7ec',
} as const;

const fmt = (v: number, digits = 1) =>
  (Number.isInteger(v) ? String(v) : v.toFixed(digits).replace(/\.?0+$/, '')).replace(/^-/, '−');

/**
 * Round tick values covering `[min, max]` (about `count` of them).
 *
 * @example
 * ```ts
 * niceTicks(0, 97, 5); // [0, 20, 40, 60, 80, 100]
 * ```
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((s) => s * mag >= raw) ?? 10) * mag;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max)
    ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

/**
 * A count with thin spaces between thousands (`1 234 567`), as Vietnamese writes it.
 *
 * @example
 * ```ts
 * formatCount(1234567); // '1 234 567' (narrow no-break spaces)
 * ```
 */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

function svgOpen(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg class="chart" id="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" font-size="${FONT_PX}">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>`
  );
}

function text(
  x: number,
  y: number,
  s: string,
  attrs: Readonly<Record<string, string | number>> = {},
): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
  return `<text x="${r(x)}" y="${r(y)}"${a}>${escapeHtml(s)}</text>`;
}

const r = (v: number) => Math.round(v * 10) / 10;

/** Rough width in px of `s` at 12 px in a sans-serif face (upper case and digits are wider). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (/[A-ZĐ0-9_@mw]/u.test(ch)) w += 8.6;
    else if (/[ .,:;·'|!()ịlíìỉĩi]/u.test(ch)) w += 4;
    else w += 7.2;
  }
  return w;
}

function legend(x: number, y: number, items: readonly { label: string; color: string }[]): string {
  let out = '';
  let cx = x;
  for (const it of items) {
    out += `<rect x="${r(cx)}" y="${r(y - 9)}" width="10" height="10" rx="2" fill="${it.color}"/>`;
    out += text(cx + 14, y, it.label, { fill: COLORS.axis });
    cx += 14 + textWidth(it.label) + 24;
  }
  return out;
}

/** Threshold markers of the histogram. */
export interface HistogramThresholds {
  readonly match: number;
  readonly review: number;
}

/**
 * The match-weight histogram: bars coloured by the decision their weight gets, the thresholds as
 * dashed lines.
 *
 * @example
 * ```ts
 * histogramSvg(binWeights(weights), { match: 6.6, review: 0 });
 * ```
 */
export function histogramSvg(bins: WeightBins, thresholds?: HistogramThresholds): string {
  const W = 760;
  const H = 300;
  const m = { l: 64, r: 20, t: 50, b: 48 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const n = bins.counts.length;
  let lo = bins.start;
  let hi = bins.start + n * bins.width;
  if (thresholds) {
    lo = Math.min(lo, thresholds.review - bins.width, thresholds.match - bins.width);
    hi = Math.max(hi, thresholds.review + bins.width, thresholds.match + bins.width);
  }
  const xt = niceTicks(lo, hi, 8);
  lo = Math.min(lo, xt[0]!);
  hi = Math.max(hi, xt[xt.length - 1]!);
  const maxCount = Math.max(1, ...bins.counts);
  const yt = niceTicks(0, maxCount, 4);
  const yMax = yt[yt.length - 1]!;
  const x = (v: number) => m.l + ((v - lo) / (hi - lo)) * pw;
  const y = (v: number) => m.t + ph - (v / yMax) * ph;
  const regionOf = (center: number) =>
    !thresholds
      ? 'all'
      : center >= thresholds.match
        ? 'match'
        : center >= thresholds.review
          ? 'review'
          : 'noMatch';
  const drawn = new Set<string>();
  let out = svgOpen(
    'chart-weights',
    W,
    H,
    'Histogram of match weights',
    `${bins.total} rows in ${n} bins of ${fmt(bins.width, 2)} bits from ${fmt(bins.start, 2)}`,
  );
  for (const t of yt) {
    out += `<line x1="${m.l}" x2="${W - m.r}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="${COLORS.grid}"/>`;
    out += text(m.l - 8, y(t) + 4, formatCount(t), { 'text-anchor': 'end', fill: COLORS.axis });
  }
  for (let i = 0; i < n; i++) {
    const c = bins.counts[i]!;
    if (c === 0) continue;
    const a = bins.start + i * bins.width;
    const region = regionOf(a + bins.width / 2);
    drawn.add(region);
    const color =
      region === 'match'
        ? COLORS.match
        : region === 'review'
          ? COLORS.review
          : region === 'noMatch'
            ? COLORS.noMatch
            : COLORS.bar;
    const x0 = x(a) + 0.5;
    const bw = Math.max(1, x(a + bins.width) - x(a) - 1);
    const h = Math.max(1, y(0) - y(c));
    out += `<rect class="bar" x="${r(x0)}" y="${r(y(0) - h)}" width="${r(bw)}" height="${r(h)}" fill="${color}"><title>${escapeHtml(`${fmt(a, 2)} … ${fmt(a + bins.width, 2)} bit: ${formatCount(c)}`)}</title></rect>`;
  }
  out += `<line x1="${m.l}" x2="${W - m.r}" y1="${r(y(0))}" y2="${r(y(0))}" stroke="${COLORS.axis}"/>`;
  for (const t of xt) {
    out += `<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${r(y(0))}" y2="${r(y(0) + 5)}" stroke="${COLORS.axis}"/>`;
    out += text(x(t), y(0) + 18, fmt(t), { 'text-anchor': 'middle', fill: COLORS.axis });
  }
  out += text(m.l + pw / 2, H - 8, 'Trọng số khớp (bit) · match weight', {
    'text-anchor': 'middle',
    fill: COLORS.axis,
  });
  out += text(14, m.t + ph / 2, 'Số dòng · rows', {
    'text-anchor': 'middle',
    fill: COLORS.axis,
    transform: `rotate(-90 14 ${r(m.t + ph / 2)})`,
  });
  if (thresholds) {
    // The review label to the left of its line, the match label to the right (flipped at the
    // plot's edges), on one row above the plot.
    const marks = [
      {
        v: thresholds.review,
        label: `ngưỡng xem xét · review ${fmt(thresholds.review)}`,
        side: -1,
        color: COLORS.review,
      },
      {
        v: thresholds.match,
        label: `ngưỡng khớp · match ${fmt(thresholds.match)}`,
        side: 1,
        color: COLORS.match,
      },
    ];
    for (const mk of marks) {
      const px = x(mk.v);
      const w = textWidth(mk.label);
      let side = mk.side;
      if (side < 0 && px - w - 4 < m.l) side = 1;
      if (side > 0 && px + w + 4 > W - m.r) side = -1;
      out += `<line class="threshold" x1="${r(px)}" x2="${r(px)}" y1="${m.t - 14}" y2="${r(y(0))}" stroke="${mk.color}" stroke-width="1.5" stroke-dasharray="5 3"/>`;
      out += text(px + side * 5, m.t - 6, mk.label, {
        'text-anchor': side > 0 ? 'start' : 'end',
        fill: mk.color,
        'font-weight': 600,
      });
    }
  }
  const items = [
    { key: 'noMatch', label: 'không khớp · no match', color: COLORS.noMatch },
    { key: 'review', label: 'xem xét · review', color: COLORS.review },
    { key: 'match', label: 'khớp · match', color: COLORS.match },
  ].filter((it) => drawn.has(it.key));
  out += legend(m.l, 16, items);
  return `${out}</svg>`;
}

/** One bar of a {@link barListSvg}. */
export interface BarItem {
  readonly label: string;
  readonly value: number;
  /** Extra text after the value. */
  readonly note?: string;
  readonly color?: string;
}

/**
 * Horizontal bars with their values, one per row (blocking rules, issue codes).
 *
 * @example
 * ```ts
 * barListSvg('chart-issues', 'Issue codes', [{ label: 'DOB_MISSING', value: 120 }]);
 * ```
 */
export function barListSvg(id: string, title: string, items: readonly BarItem[]): string {
  const W = 760;
  const rowH = 22;
  const shown = items.map((it) => (it.label.length > 40 ? `${it.label.slice(0, 39)}…` : it.label));
  const lw = Math.round(Math.max(60, ...shown.map(textWidth))) + 18;
  const vw = 150;
  const top = 8;
  const H = top + items.length * rowH + 8;
  const pw = W - lw - vw;
  const max = Math.max(1, ...items.map((it) => it.value));
  let out = svgOpen(id, W, H, title, items.map((it) => `${it.label}: ${it.value}`).join('; '));
  items.forEach((it, i) => {
    const y0 = top + i * rowH;
    out += text(lw - 10, y0 + 15, shown[i] ?? '', { 'text-anchor': 'end', fill: '#1f2933' });
    const w = Math.max(it.value > 0 ? 2 : 0, (it.value / max) * pw);
    out += `<rect class="bar" x="${lw}" y="${y0 + 4}" width="${r(w)}" height="${rowH - 8}" rx="2" fill="${it.color ?? COLORS.bar}"><title>${escapeHtml(`${it.label}: ${formatCount(it.value)}`)}</title></rect>`;
    out += text(lw + w + 6, y0 + 15, formatCount(it.value) + (it.note ? ` ${it.note}` : ''), {
      fill: COLORS.axis,
    });
  });
  out += `<line x1="${lw}" x2="${lw}" y1="${top}" y2="${H - 8}" stroke="${COLORS.axis}"/>`;
  return `${out}</svg>`;
}

/**
 * The trained model, Splink-style: per comparison level, m and u as bars on [0, 1] and the match
 * weight log2(m/u) as a bar either side of zero.
 *
 * @example
 * ```ts
 * parametersSvg(model); // '<svg class="chart" id="chart-model" …'
 * ```
 */
export function parametersSvg(model: FellegiSunterModel): string {
  const rowH = 20;
  const groupH = 22;
  const W = 760;
  const lw = 190;
  const muW = 230;
  const gap = 40;
  const ww = W - lw - muW - gap - 16;
  const top = 52;
  const rows: { kind: 'group' | 'level'; name: string; m?: number; u?: number; w?: number }[] = [];
  let wMin = 0;
  let wMax = 0;
  for (const c of model.comparisons) {
    rows.push({ kind: 'group', name: c.name });
    const ws = levelWeights(c);
    c.levels.forEach((lv, k) => {
      const w = ws[k + 1]!;
      wMin = Math.min(wMin, w);
      wMax = Math.max(wMax, w);
      rows.push({ kind: 'level', name: lv.label, m: lv.m, u: lv.u, w });
    });
  }
  const wt = niceTicks(wMin, wMax, 6);
  wMin = Math.min(wMin, wt[0]!);
  wMax = Math.max(wMax, wt[wt.length - 1]!);
  let H = top;
  for (const row of rows) H += row.kind === 'group' ? groupH : rowH;
  H += 28;
  const mx = (v: number) => lw + v * muW;
  const wx0 = lw + muW + gap;
  const wx = (v: number) => wx0 + ((v - wMin) / (wMax - wMin || 1)) * ww;
  let out = svgOpen(
    'chart-model',
    W,
    H,
    'Model parameters: m, u and match weight per comparison level',
    `${model.comparisons.length} comparisons; prior ${model.prior}`,
  );
  out += legend(lw, 14, [
    { label: 'm = P(mức | cùng người)', color: COLORS.m },
    { label: 'u = P(mức | khác người)', color: COLORS.u },
  ]);
  out += text(lw, 34, 'xác suất · probability', { fill: COLORS.axis });
  out += text(wx0, 34, 'trọng số log2(m/u) · weight (bit)', { fill: COLORS.axis });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    out += `<line x1="${r(mx(t))}" x2="${r(mx(t))}" y1="${top - 8}" y2="${H - 26}" stroke="${COLORS.grid}"/>`;
    out += text(mx(t), H - 12, fmt(t, 2), { 'text-anchor': 'middle', fill: COLORS.axis });
  }
  for (const t of wt) {
    out += `<line x1="${r(wx(t))}" x2="${r(wx(t))}" y1="${top - 8}" y2="${H - 26}" stroke="${t === 0 ? COLORS.axis : COLORS.grid}"/>`;
    out += text(wx(t), H - 12, fmt(t), { 'text-anchor': 'middle', fill: COLORS.axis });
  }
  let y0 = top;
  for (const row of rows) {
    if (row.kind === 'group') {
      out += text(8, y0 + 15, row.name, { 'font-weight': 600, fill: '#1f2933' });
      y0 += groupH;
      continue;
    }
    const label = row.name.length > 26 ? `${row.name.slice(0, 25)}…` : row.name;
    out += text(lw - 10, y0 + 14, label, { 'text-anchor': 'end', fill: '#1f2933' });
    const mv = row.m ?? 0;
    const uv = row.u ?? 0;
    const w = row.w ?? 0;
    out += `<rect class="bar" x="${lw}" y="${y0 + 3}" width="${r(Math.max(mv > 0 ? 1 : 0, mv * muW))}" height="7" fill="${COLORS.m}"><title>${escapeHtml(`m = ${mv.toPrecision(3)}`)}</title></rect>`;
    out += `<rect class="bar" x="${lw}" y="${y0 + 10}" width="${r(Math.max(uv > 0 ? 1 : 0, uv * muW))}" height="7" fill="${COLORS.u}"><title>${escapeHtml(`u = ${uv.toPrecision(3)}`)}</title></rect>`;
    const a = wx(Math.min(0, w));
    const b = wx(Math.max(0, w));
    out += `<rect class="bar" x="${r(a)}" y="${y0 + 3}" width="${r(Math.max(1, b - a))}" height="14" fill="${w >= 0 ? COLORS.positive : COLORS.negative}"><title>${escapeHtml(`${row.name}: ${w.toFixed(2)} bit`)}</title></rect>`;
    const lab = Math.abs(w) < 0.05 ? '0.0' : `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(1)}`;
    const inside = w >= 0 ? b + 4 + 30 > W : a - 4 - 30 < wx0;
    out += text(w >= 0 ? (inside ? b - 4 : b + 4) : inside ? a + 4 : a - 4, y0 + 14, lab, {
      'text-anchor': w >= 0 !== inside ? 'start' : 'end',
      fill: inside ? '#ffffff' : COLORS.axis,
    });
    y0 += rowH;
  }
  return `${out}</svg>`;
}
