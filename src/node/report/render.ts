/**
 * `renderReport`: one self-contained HTML document (inline CSS, inline SVG, one inline script,
 * a Content-Security-Policy that forbids every network request).
 * @module
 */
import { createHash } from 'node:crypto';
import { levelWeights, priorWeight } from '../../match/index.js';
import { binWeights } from './bins.js';
import { barListSvg, COLORS, formatCount, histogramSvg, parametersSvg } from './charts.js';
import { REPORT_CSS, REPORT_JS } from './client.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { maskValue } from './mask.js';
import type { ReportInput, ReportOptions, ReviewCase } from './types.js';

const e = escapeHtml;

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const CSP = [
  "default-src 'none'",
  `style-src ${sha256(REPORT_CSS)}`,
  `script-src ${sha256(REPORT_JS)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const COMMAND_LABEL: Readonly<Record<ReportInput['command'], string>> = {
  clean: 'làm sạch · clean',
  link: 'liên kết · link',
  dedupe: 'tìm trùng · dedupe',
};

const COUNT_LABEL: Readonly<Record<string, string>> = {
  match: 'Khớp · match',
  review: 'Cần xem xét · review',
  no_match: 'Không khớp · no match',
  invalid: 'Không hợp lệ · invalid',
  rows: 'Số dòng · rows',
  rowsWithIssues: 'Dòng có lỗi · rows with issues',
  rows_with_issues: 'Dòng có lỗi · rows with issues',
  clusters: 'Cụm · clusters',
  records: 'Bản ghi · records',
  duplicates: 'Trùng · duplicates',
};

const ROLE_LABEL: Readonly<Record<string, string>> = {
  input: 'đầu vào · input',
  left: 'danh sách · left',
  right: 'tham chiếu · right',
  output: 'đầu ra · output',
};

const num = (v: number, digits = 2) =>
  (Number.isFinite(v)
    ? Number.isInteger(v)
      ? formatCount(v)
      : v.toFixed(digits)
    : String(v)
  ).replace(/^-/, '−');
const pct = (p: number) => `${(p * 100).toFixed(p < 0.001 && p > 0 ? 3 : 2)}%`;
const logit2 = (p: number) => {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log2(q / (1 - q));
};

function heading(id: string, vi: string, en: string): string {
  return `<h2 id="${id}">${e(vi)} <span class="en" lang="en">· ${e(en)}</span></h2>`;
}

function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: ReadonlySet<number> = new Set(),
): string {
  const th = head
    .map((h, k) => `<th scope="col"${numeric.has(k) ? ' class="num"' : ''}>${e(h)}</th>`)
    .join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, k) => (k === 0 ? `<th scope="row">${e(c)}</th>` : `<td${numeric.has(k) ? ' class="num"' : ''}>${e(c)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table>${caption ? `<caption>${e(caption)}</caption>` : ''}<thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** The review queue as the script reads it: masked unless `pii`, columns as one list. */
function reviewData(
  input: ReportInput,
  options: ReportOptions,
  t?: { match: number; review: number },
) {
  const review: readonly ReviewCase[] = input.review ?? [];
  const cols: string[] = [];
  const colIndex = new Map<string, number>();
  const comps: string[] = [];
  const compIndex = new Map<string, number>();
  const addCols = (rec: Readonly<Record<string, string>>) => {
    for (const k of Object.keys(rec)) {
      if (!colIndex.has(k)) {
        colIndex.set(k, cols.length);
        cols.push(k);
      }
    }
  };
  for (const c of review) {
    addCols(c.left);
    for (const cand of c.candidates) addCols(cand.right);
  }
  const show = (col: string, v: string | undefined) =>
    v === undefined ? '' : options.pii ? v : maskValue(col, v);
  const values = (rec: Readonly<Record<string, string>>) => cols.map((col) => show(col, rec[col]));
  const modelPrior = input.model ? priorWeight(input.model.prior) : undefined;
  const cases = review.map((c) => ({
    id: c.leftId,
    v: values(c.left),
    c: c.candidates.map((cand) => {
      const fieldSum = cand.fields.reduce((s, f) => s + f.weight, 0);
      const prior = cand.priorWeight ?? modelPrior ?? cand.matchWeight - fieldSum;
      return {
        id: cand.rightId,
        v: values(cand.right),
        p: round(cand.probability, 6),
        w: round(cand.matchWeight, 3),
        pr: round(prior, 3),
        f: cand.fields.map((f) => {
          let k = compIndex.get(f.comparison);
          if (k === undefined) {
            k = comps.length;
            compIndex.set(f.comparison, k);
            comps.push(f.comparison);
          }
          return [k, f.level, round(f.weight, 3)] as const;
        }),
      };
    }),
  }));
  const day = input.generatedAt.slice(0, 10).replace(/[^0-9-]/g, '');
  return {
    key: `${input.command}:${input.generatedAt}`,
    file: `decisions-${input.command}${day ? `-${day}` : ''}.csv`,
    pii: options.pii === true,
    t: t ?? null,
    cols,
    comps,
    cases,
  };
}

function summarySection(input: ReportInput, t?: { match: number; review: number }): string {
  const order = ['match', 'review', 'no_match', 'invalid'];
  const keys = Object.keys(input.counts).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const kpis = keys
    .map((k) => {
      const cls = /^[a-z_]+$/.test(k) ? ` ${k}` : '';
      return `<div class="kpi${cls}"><div class="v">${e(num(input.counts[k] ?? 0))}</div><div class="l">${e(COUNT_LABEL[k] ?? k)}</div></div>`;
    })
    .join('');
  let out = `<section class="card" aria-labelledby="summary">${heading('summary', 'Tóm tắt', 'Summary')}<div class="kpis">${kpis}</div><div class="grid2">`;
  out += `<div>${table(
    'Tệp · files',
    ['Vai trò · role', 'Tệp · file', 'Số dòng · rows'],
    input.files.map((f) => [ROLE_LABEL[f.role] ?? f.role, f.name, num(f.rows)]),
    new Set([2]),
  )}`;
  if (input.thresholds) {
    const th = input.thresholds;
    const rows = [
      ['Ngưỡng khớp · match', `${pct(th.match)}`, t ? num(t.match, 2) : '—'],
      ['Ngưỡng xem xét · review', `${pct(th.review)}`, t ? num(t.review, 2) : '—'],
    ];
    out += `${table(
      'Ngưỡng · thresholds',
      ['', 'Xác suất · probability', 'Trọng số · weight (bit)'],
      rows,
      new Set([1, 2]),
    )}`;
    out += table(
      'Sai số ước tính · estimated errors',
      ['Sai số · error', 'Tỷ lệ · rate'],
      [
        ['FDR (khớp sai · false matches among matches)', pct(th.estimatedFdr)],
        ['FNR (bỏ sót · true matches missed)', pct(th.estimatedFnr)],
      ],
      new Set([1]),
    );
  }
  out += '</div><div>';
  if (input.issueCounts && Object.keys(input.issueCounts).length > 0) {
    const issues = Object.entries(input.issueCounts).sort((a, b) => b[1] - a[1]);
    const shown = issues.slice(0, 8).map(([k, v]) => [k, num(v)]);
    if (issues.length > 8) {
      const rest = issues.slice(8);
      shown.push([
        `${rest.length} mã khác · other codes`,
        num(rest.reduce((s, [, v]) => s + v, 0)),
      ]);
    }
    out += table(
      'Lỗi theo mã · rows per issue code (all codes: chart below)',
      ['Mã · code', 'Số dòng · rows'],
      shown,
      new Set([1]),
    );
  }
  const timings = Object.entries(input.timings);
  if (timings.length > 0) {
    const total = timings.reduce((s, [, v]) => s + v, 0);
    out += table(
      'Thời gian · timings (s)',
      ['Giai đoạn · phase', 'Giây · seconds'],
      [...timings.map(([k, v]) => [k, v.toFixed(2)]), ['tổng · total', total.toFixed(2)]],
      new Set([1]),
    );
  }
  out += '</div></div>';
  if (input.warnings.length > 0) {
    out += `<h3>Cảnh báo <span class="en" lang="en">· warnings (${input.warnings.length})</span></h3><ul class="warnings">${input.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul>`;
  }
  return `${out}</section>`;
}

function chartsSection(input: ReportInput, t?: { match: number; review: number }, maxBins = 60) {
  let out = '';
  if (input.weights && input.weights.length > 0) {
    const bins = binWeights(input.weights, maxBins);
    out += `<section class="card" aria-labelledby="weights">${heading('weights', 'Phân bố trọng số khớp', 'match-weight histogram')}`;
    out += `<p class="note">Trọng số khớp của cặp tốt nhất mỗi dòng (log2 tỷ số khả năng, đã gồm tiên nghiệm), ${e(formatCount(bins.total))} dòng${bins.noCandidate > 0 ? `; ${e(formatCount(bins.noCandidate))} dòng không có ứng viên (không vẽ)` : ''}. Đường đứt: các ngưỡng.</p>`;
    out += histogramSvg(bins, t);
    const rows = bins.counts.map((c, i) => {
      const a = bins.start + i * bins.width;
      return [`${num(round(a, 3), 3)} … ${num(round(a + bins.width, 3), 3)}`, num(c)];
    });
    out += `<details><summary>Bảng số liệu · data table</summary>${table('Số dòng theo khoảng trọng số · rows per weight bin', ['Trọng số · weight (bit)', 'Số dòng · rows'], rows, new Set([1]))}</details></section>`;
  }
  if (input.model) {
    const model = input.model;
    out += `<section class="card" aria-labelledby="model">${heading('model', 'Tham số mô hình', 'model parameters m, u and weights')}`;
    out += `<p class="note">Mỗi mức so sánh: m (xác suất gặp mức này khi hai bản ghi là cùng một người), u (khi là hai người khác nhau) và trọng số log2(m/u). Tiên nghiệm λ = ${e(model.prior.toPrecision(3))} (${e(priorWeight(model.prior).toFixed(2))} bit).</p>`;
    out += parametersSvg(model);
    const rows: string[][] = [];
    for (const c of model.comparisons) {
      const ws = levelWeights(c);
      c.levels.forEach((lv, k) => {
        rows.push([
          `${c.name} · ${lv.label}`,
          lv.m.toPrecision(3),
          lv.u.toPrecision(3),
          (ws[k + 1] ?? 0).toFixed(2),
        ]);
      });
    }
    out += `<details><summary>Bảng số liệu · data table</summary>${table('m, u, trọng số · per comparison level', ['So sánh · mức', 'm', 'u', 'log2(m/u)'], rows, new Set([1, 2, 3]))}</details></section>`;
  }
  if (input.blocking && input.blocking.length > 0) {
    out += `<section class="card" aria-labelledby="blocking">${heading('blocking', 'Quy tắc chặn', 'blocking rules: candidate pairs')}`;
    out += barListSvg(
      'chart-blocking',
      'Candidate pairs per blocking rule',
      input.blocking.map((b) => ({
        label: b.rule,
        value: b.pairs,
        ...(b.capped && b.capped.length > 0
          ? { note: `(${b.capped.length} khối bị giới hạn · capped)`, color: COLORS.review }
          : {}),
      })),
    );
    const capped = input.blocking.flatMap((b) =>
      (b.capped ?? []).map((c) => [b.rule, c.key, num(c.rows), c.action]),
    );
    if (capped.length > 0) {
      out += table(
        'Khối vượt giới hạn · blocks over the cap',
        ['Quy tắc · rule', 'Khoá · key', 'Số dòng · rows', 'Xử lý · action'],
        capped,
        new Set([2]),
      );
    }
    out += '</section>';
  }
  if (input.issueCounts && Object.keys(input.issueCounts).length > 0) {
    const entries = Object.entries(input.issueCounts).sort((a, b) => b[1] - a[1]);
    const top = entries.slice(0, 25).map(([label, value]) => ({ label, value }));
    if (entries.length > 25) {
      const rest = entries.slice(25);
      top.push({
        label: `khác · ${rest.length} other codes`,
        value: rest.reduce((s, [, v]) => s + v, 0),
      });
    }
    out += `<section class="card" aria-labelledby="issues">${heading('issues', 'Mã lỗi theo tần suất', 'issue codes by frequency')}${barListSvg('chart-issues', 'Rows per issue code', top)}</section>`;
  }
  return out;
}

function reviewSection(
  input: ReportInput,
  options: ReportOptions,
  t?: { match: number; review: number },
) {
  if (!input.review) return '';
  const data = reviewData(input, options, t);
  const sortable = (key: string, label: string, numeric = false) =>
    `<th scope="col" aria-sort="none"${numeric ? ' class="num"' : ''}><button type="button" class="sort" data-sort="${key}">${e(label)}</button></th>`;
  return `<section class="card" aria-labelledby="review">${heading('review', 'Hàng chờ xem xét', `review queue (${formatCount(data.cases.length)})`)}
<p class="note">${
    options.pii
      ? '<strong>Dữ liệu cá nhân hiển thị đầy đủ.</strong> Không chia sẻ tệp này.'
      : 'Dữ liệu cá nhân đã được che: họ tên → chữ cái đầu, số CCCD → 038******345, điện thoại → 3 số cuối, ngày sinh → năm.'
  } Chọn quyết định cho từng dòng rồi bấm “Xuất quyết định” để tải tệp CSV <code>left_id,right_id,decision</code>; lần chạy sau đọc lại tệp này.</p>
<div class="controls"><label for="review-filter">Lọc · filter<input type="search" id="review-filter" placeholder="mã, tên, năm sinh…" autocomplete="off"></label>
<label for="review-state">Trạng thái · state<select id="review-state"><option value="all">tất cả · all</option><option value="open">chưa quyết định · undecided</option><option value="done">đã quyết định · decided</option></select></label>
<button type="button" class="btn" id="export-decisions" disabled>Xuất quyết định · Export decisions</button>
<span id="review-status" role="status" aria-live="polite"></span></div>
<noscript><p class="note">Bật JavaScript để xem và quyết định hàng chờ · enable JavaScript to see and decide the queue.</p></noscript>
<div class="tablewrap"><table id="review-table"><caption class="visually-hidden">Hàng chờ xem xét</caption><thead><tr><th scope="col"><span class="visually-hidden">Chi tiết</span></th>${sortable('id', 'Dòng · row')}<th scope="col">Bản ghi · record</th>${sortable('best', 'Ứng viên tốt nhất · best candidate')}${sortable('p', 'Xác suất · p', true)}${sortable('w', 'Trọng số · bit', true)}${sortable('n', 'Số ứng viên · n', true)}${sortable('d', 'Quyết định · decide')}</tr></thead><tbody id="review-body"></tbody></table></div>
<button type="button" id="review-more" hidden></button>
<script type="application/json" id="review-data">${jsonForScript(data)}</script></section>`;
}

/**
 * Renders the run's report as one self-contained HTML document: summary, match-weight histogram,
 * model parameters, blocking counts, issue codes and the review queue with its decisions export.
 * Every string from the input is escaped; personal data in the review queue is masked unless
 * `options.pii` is true; weights are binned, not embedded; the page makes no network request.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * const html = renderReport({
 *   command: 'link',
 *   generatedAt: new Date().toISOString(),
 *   tool: { name: 'vn-reconcile', version: '0.1.0' },
 *   files: [{ role: 'left', name: 'list.csv', rows: 600 }],
 *   counts: { match: 540, review: 30, no_match: 30 },
 *   timings: { link: 1.2 },
 *   warnings: [],
 * });
 * writeFileSync('report.html', html);
 * ```
 */
export function renderReport(input: ReportInput, options: ReportOptions = {}): string {
  const t =
    input.thresholdWeights ??
    (input.thresholds
      ? { match: logit2(input.thresholds.match), review: logit2(input.thresholds.review) }
      : undefined);
  const title = options.title ?? `${input.tool.name} ${input.command}`;
  const toc: [string, string][] = [['summary', 'Tóm tắt']];
  if (input.weights && input.weights.length > 0) toc.push(['weights', 'Trọng số']);
  if (input.model) toc.push(['model', 'Mô hình']);
  if (input.blocking && input.blocking.length > 0) toc.push(['blocking', 'Chặn']);
  if (input.issueCounts && Object.keys(input.issueCounts).length > 0)
    toc.push(['issues', 'Mã lỗi']);
  if (input.review) toc.push(['review', `Xem xét (${formatCount(input.review.length)})`]);
  const badge = options.pii
    ? '<span class="badge pii">hiển thị dữ liệu cá nhân · PII shown</span>'
    : '<span class="badge masked">dữ liệu cá nhân đã che · PII masked</span>';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(`${input.tool.name} ${input.tool.version}`)}">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top"><div class="wrap"><h1>${e(title)}</h1><div class="meta"><span>${e(COMMAND_LABEL[input.command])}</span><span><time datetime="${e(input.generatedAt)}">${e(input.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}</time></span><span>${e(`${input.tool.name} ${input.tool.version}`)}</span><span>${badge}</span></div></div></header>
<nav class="toc" aria-label="Mục lục"><div class="wrap">${toc.map(([id, label]) => `<a href="#${id}">${e(label)}</a>`).join('')}</div></nav>
<main class="wrap">
${summarySection(input, t)}
${chartsSection(input, t, options.maxBins)}
${reviewSection(input, options, t)}
</main>
<footer class="wrap">${e(`${input.tool.name} ${input.tool.version}`)} · báo cáo tự chứa, không tải gì từ mạng · self-contained, no network</footer>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
