/**
 * The report's stylesheet and its one script (plain ES2017, no library): the review queue's
 * table, sorting, filtering, per-pair waterfall, decisions and their CSV export.
 * @module
 */

/** The report's stylesheet. */
export const REPORT_CSS = `
:root{--ink:#1f2933;--muted:#5b6470;--line:#dde2e8;--bg:#f5f6f8;--card:#fff;--accent:#2f6fdb;
--match:#1b7f3b;--review:#c27c0e;--nomatch:#8a94a0;--bad:#c8463b}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
header.top{background:#17324d;color:#fff;padding:20px 0 16px}
.wrap{max-width:1180px;margin:0 auto;padding:0 24px}
header.top h1{margin:0 0 4px;font-size:22px;font-weight:650;letter-spacing:.1px}
header.top .meta{color:#c9d6e3;font-size:13px}
header.top .meta span+span:before{content:"·";margin:0 8px;color:#7f98b2}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
.badge.masked{background:#dff3e4;color:#14532d}.badge.pii{background:#fde2e0;color:#8a1c12}
nav.toc{background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
nav.toc a{display:inline-block;padding:10px 12px;color:var(--muted);text-decoration:none;font-size:13px}
nav.toc a:hover,nav.toc a:focus{color:var(--accent)}
main{padding:20px 0 40px}
section.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:18px 20px;margin:0 0 18px}
h2{font-size:17px;margin:0 0 12px;font-weight:650}
h2 .en,h3 .en{color:var(--muted);font-weight:400;font-size:.85em}
h3{font-size:14px;margin:16px 0 8px;font-weight:650}
p.note{color:var(--muted);margin:6px 0 10px;font-size:13px}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:0 0 14px}
.kpi{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;padding:8px 12px}
.kpi .v{font-size:22px;font-weight:650;font-variant-numeric:tabular-nums}
.kpi .l{color:var(--muted);font-size:12px}
.kpi.match{border-left-color:var(--match)}.kpi.review{border-left-color:var(--review)}
.kpi.no_match{border-left-color:var(--nomatch)}.kpi.invalid{border-left-color:var(--bad)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 24px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:0 0 18px}
tbody th[scope=row]{font-weight:500}
caption{text-align:left;font-weight:650;padding:0 0 6px}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:#f0f2f5;font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
ul.warnings{margin:0;padding-left:20px;color:#8a4b08}
svg.chart{display:block;max-width:100%;height:auto;margin:6px 0 4px;font-family:inherit}
details{margin:6px 0}
summary{cursor:pointer;color:var(--accent);font-size:13px}
.controls{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:end;margin:0 0 10px}
.controls label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:3px}
input[type=search],select{font:inherit;font-size:13px;padding:5px 8px;border:1px solid #c3cad3;border-radius:5px;background:#fff;color:var(--ink)}
input[type=search]{width:260px}
button{font:inherit;font-size:13px;cursor:pointer}
.btn{padding:6px 14px;border-radius:5px;border:1px solid var(--accent);background:var(--accent);color:#fff;font-weight:600}
.btn:disabled{opacity:.5;cursor:default}
#review-more{margin:10px 0 0;padding:6px 14px;border-radius:5px;border:1px solid #c3cad3;background:#fff;color:var(--accent);font-weight:600}
#review-status{color:var(--muted);font-size:13px;flex:1 1 auto;text-align:right}
.tablewrap{overflow-x:auto}
#review-table thead th{white-space:normal;vertical-align:bottom}
select.decide{max-width:180px}
#review-table th button.sort{border:0;background:none;padding:0;font-weight:600;color:var(--ink)}
#review-table th button.sort:after{content:" ↕";color:#a3acb7}
#review-table th[aria-sort=ascending] button.sort:after{content:" ↑";color:var(--accent)}
#review-table th[aria-sort=descending] button.sort:after{content:" ↓";color:var(--accent)}
#review-table td.rec{max-width:230px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#review-table tr.decided-match td{background:#f1faf3}#review-table tr.decided-no_match td{background:#f7f7f8}
button.toggle{border:1px solid #c3cad3;background:#fff;border-radius:4px;width:26px;height:24px;line-height:1}
tr.detail>td{background:#fafbfc;padding:10px 14px}
.cmp td.same{color:var(--match)}
.cmp td.diff{color:var(--bad)}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}

.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{color:var(--muted);font-size:12px;padding:0 0 30px}
@media print{nav.toc,.controls,button{display:none}section.card{break-inside:avoid}}
`;

/** The report's script: the review queue (reads the JSON block `#review-data`). */
export const REPORT_JS = String.raw`(function () {
  'use strict';
  var node = document.getElementById('review-data');
  if (!node) return;
  var data = JSON.parse(node.textContent || '{}');
  var cases = data.cases || [];
  var cols = data.cols || [];
  var comps = data.comps || [];
  var tbody = document.getElementById('review-body');
  var filterInput = document.getElementById('review-filter');
  var stateSelect = document.getElementById('review-state');
  var statusEl = document.getElementById('review-status');
  var exportBtn = document.getElementById('export-decisions');
  var storeKey = 'vn-reconcile:decisions:' + data.key;
  var decisions = {};
  try {
    var saved = window.localStorage && localStorage.getItem(storeKey);
    if (saved) decisions = JSON.parse(saved) || {};
  } catch (e) { decisions = {}; }
  var sortKey = null;
  var sortDir = 1;
  var openRows = {};
  var SVGNS = 'http://www.w3.org/2000/svg';

  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/\u0111/g, 'd').replace(/\u0110/g, 'D').toLowerCase();
  }
  function h(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
    (kids || []).forEach(function (c) {
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function s(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function summary(values) {
    return values.filter(function (v) { return v !== ''; }).join(' · ');
  }
  function pct(p) { return (p * 100).toFixed(p >= 0.995 || p < 0.005 ? 2 : 1) + '%'; }
  function bits(w) { return (w >= 0 ? '+' : '\u2212') + Math.abs(w).toFixed(1); }

  var rows = cases.map(function (c, i) {
    var ids = c.c.map(function (x) { return x.id; });
    var best = c.c[0];
    var text = [c.id, summary(c.v)].concat(ids, best ? [summary(best.v)] : []).join(' ');
    return { i: i, c: c, best: best, text: fold(text) };
  });

  function decisionOf(i) { return decisions[i] || ''; }
  function stateOf(i) {
    var d = decisionOf(i);
    return d.charAt(0) === 'm' ? 'match' : d === 'n' ? 'no_match' : d === 's' ? 'skip' : '';
  }
  function save() {
    try { if (window.localStorage) localStorage.setItem(storeKey, JSON.stringify(decisions)); } catch (e) { /* private mode */ }
  }
  function natural(a, b) { return String(a).localeCompare(String(b), 'vi', { numeric: true }); }
  function keyOf(r, key) {
    if (key === 'id') return r.c.id;
    if (key === 'best') return r.best ? r.best.id : '';
    if (key === 'p') return r.best ? r.best.p : -1;
    if (key === 'w') return r.best ? r.best.w : -Infinity;
    if (key === 'n') return r.c.c.length;
    if (key === 'd') return stateOf(r.i);
    return r.i;
  }

  function waterfall(cand) {
    var bars = [{ label: 'ti\u00ean nghi\u1ec7m \u00b7 prior', w: cand.pr }];
    var sum = cand.pr;
    cand.f.forEach(function (f) {
      bars.push({ label: (comps[f[0]] || '?') + ' = ' + f[1], w: f[2] });
      sum += f[2];
    });
    if (Math.abs(cand.w - sum) > 0.05) bars.push({ label: 'kh\u00e1c \u00b7 other', w: cand.w - sum });
    var W = 720, lw = 240, vw = 56, rowH = 20, top = data.t ? 40 : 8;
    var H = top + (bars.length + 1) * rowH + 30;
    var acc = 0, lo = 0, hi = 0;
    bars.forEach(function (b) { acc += b.w; lo = Math.min(lo, acc, acc - b.w); hi = Math.max(hi, acc, acc - b.w); });
    var t = data.t;
    if (t) { lo = Math.min(lo, t.review, t.match); hi = Math.max(hi, t.review, t.match); }
    var pad = (hi - lo) * 0.04 || 1;
    lo -= pad; hi += pad;
    var pw = W - lw - vw;
    function x(v) { return lw + (v - lo) / (hi - lo) * pw; }
    var svg = s('svg', { 'class': 'chart waterfall', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H,
      role: 'img', 'font-size': 12, 'aria-label': 'Waterfall: ' + bits(cand.w) + ' bit' });
    svg.appendChild(s('title', {}, 'Waterfall of the match weight of ' + cand.id));
    var step = Math.pow(10, Math.floor(Math.log10((hi - lo) / 6)));
    [1, 2, 5, 10].some(function (m) { if ((hi - lo) / (step * m) <= 8) { step *= m; return true; } return false; });
    for (var v = Math.ceil(lo / step) * step; v <= hi; v += step) {
      var gx = x(v);
      svg.appendChild(s('line', { x1: gx, x2: gx, y1: top, y2: H - 24, stroke: Math.abs(v) < 1e-9 ? '#5b6470' : '#e3e7ec' }));
      svg.appendChild(s('text', { x: gx, y: H - 10, 'text-anchor': 'middle', fill: '#5b6470' }, String(Math.round(v * 100) / 100)));
    }
    if (t) {
      var roomRight = x(t.match) + 100 < W;
      [['xem x\u00e9t \u00b7 review', t.review, '#c27c0e', 'end', top - 6],
        ['kh\u1edbp \u00b7 match', t.match, '#1b7f3b', roomRight ? 'start' : 'end', roomRight ? top - 6 : top - 22]].forEach(function (m) {
        svg.appendChild(s('line', { 'class': 'threshold', x1: x(m[1]), x2: x(m[1]), y1: m[4] - 4, y2: H - 24, stroke: m[2], 'stroke-dasharray': '4 3' }));
        svg.appendChild(s('text', { x: x(m[1]) + (m[3] === 'end' ? -4 : 4), y: m[4], 'text-anchor': m[3], fill: m[2] }, m[0]));
      });
    }
    acc = 0;
    bars.concat([{ label: 'c\u1ed9ng \u00b7 final', w: cand.w, total: true }]).forEach(function (b, k) {
      var y = top + k * rowH;
      var a = b.total ? 0 : acc;
      var e = b.total ? cand.w : acc + b.w;
      var x0 = x(Math.min(a, e)), x1 = x(Math.max(a, e));
      svg.appendChild(s('text', { x: lw - 8, y: y + 14, 'text-anchor': 'end', fill: '#1f2933', 'font-weight': b.total ? 600 : 400 }, b.label));
      svg.appendChild(s('rect', { 'class': 'bar', x: x0, y: y + 3, width: Math.max(1, x1 - x0), height: rowH - 6, rx: 2,
        fill: b.total ? '#17324d' : b.w >= 0 ? '#2f6fdb' : '#c8463b' }));
      svg.appendChild(s('text', { x: W - 4, y: y + 14, 'text-anchor': 'end', fill: '#5b6470', 'font-weight': b.total ? 600 : 400 }, bits(b.w)));
      if (!b.total) acc = e;
    });
    return svg;
  }

  function detail(r) {
    var c = r.c;
    var head = [h('th', { scope: 'col' }, ['Tr\u01b0\u1eddng \u00b7 field']), h('th', { scope: 'col' }, ['D\u00f2ng ' + c.id])];
    c.c.forEach(function (x, k) {
      head.push(h('th', { scope: 'col' }, [(k === 0 ? '\u2605 ' : '') + x.id + ' \u00b7 ' + pct(x.p) + ' \u00b7 ' + bits(x.w)]));
    });
    var body = cols.map(function (col, j) {
      var lv = c.v[j] || '';
      var tds = [h('th', { scope: 'row' }, [col]), h('td', { 'class': 'mono' }, [lv])];
      c.c.forEach(function (x) {
        var rv = x.v[j] || '';
        var cls = lv === '' || rv === '' ? 'mono' : fold(lv).trim() === fold(rv).trim() ? 'mono same' : 'mono diff';
        tds.push(h('td', { 'class': cls }, [rv]));
      });
      return h('tr', null, tds);
    });
    var table = h('table', { 'class': 'cmp' }, [
      h('caption', null, ['\u1ee8ng vi\u00ean \u00b7 candidates (' + c.c.length + ')']),
      h('thead', null, [h('tr', null, head)]), h('tbody', null, body)]);
    var kids = [];
    if (r.best) {
      kids.push(h('h3', null, ['Th\u00e1c n\u01b0\u1edbc tr\u1ecdng s\u1ed1 \u00b7 ', h('span', { 'class': 'en' }, ['waterfall of the best candidate ' + r.best.id])]));
      kids.push(waterfall(r.best));
    }
    kids.push(h('div', { 'class': 'tablewrap' }, [table]));
    var td = h('td', { colspan: 8 }, kids);
    return h('tr', { 'class': 'detail', id: 'detail-' + r.i }, [td]);
  }

  function decideSelect(r) {
    var sel = h('select', { 'aria-label': 'Quy\u1ebft \u0111\u1ecbnh cho ' + r.c.id, 'data-case': r.i, 'class': 'decide' });
    var opts = [['', '\u2014']];
    r.c.c.forEach(function (x, k) { opts.push(['m:' + k, 'Kh\u1edbp \u00b7 match ' + x.id]); });
    opts.push(['n', 'Kh\u00f4ng kh\u1edbp \u00b7 no match']);
    opts.push(['s', 'B\u1ecf qua \u00b7 skip']);
    opts.forEach(function (o) {
      var op = h('option', { value: o[0] }, [o[1]]);
      if (o[0] === decisionOf(r.i)) op.selected = true;
      sel.appendChild(op);
    });
    sel.addEventListener('change', function () {
      if (sel.value) decisions[r.i] = sel.value; else delete decisions[r.i];
      save();
      var tr = sel.closest('tr');
      if (tr) tr.className = stateOf(r.i) ? 'decided-' + stateOf(r.i) : '';
      update();
    });
    return sel;
  }

  function rowEl(r) {
    var best = r.best;
    var toggle = h('button', { type: 'button', 'class': 'toggle', 'aria-expanded': openRows[r.i] ? 'true' : 'false',
      'aria-controls': 'detail-' + r.i, title: 'Chi ti\u1ebft \u00b7 details', 'aria-label': 'Chi ti\u1ebft ' + r.c.id }, [openRows[r.i] ? '\u2212' : '+']);
    toggle.addEventListener('click', function () {
      openRows[r.i] = !openRows[r.i];
      toggle.setAttribute('aria-expanded', openRows[r.i] ? 'true' : 'false');
      toggle.textContent = openRows[r.i] ? '\u2212' : '+';
      var tr = toggle.closest('tr');
      var next = tr && tr.nextElementSibling;
      if (next && next.classList.contains('detail')) next.remove();
      if (openRows[r.i] && tr) tr.parentNode.insertBefore(detail(r), tr.nextSibling);
    });
    var left = summary(r.c.v);
    var right = best ? summary(best.v) : '';
    return h('tr', { 'class': stateOf(r.i) ? 'decided-' + stateOf(r.i) : '', 'data-case': r.i }, [
      h('td', null, [toggle]),
      h('td', { 'class': 'mono' }, [r.c.id]),
      h('td', { 'class': 'rec', title: left }, [left]),
      h('td', { 'class': 'rec', title: right }, [best ? best.id + ' \u00b7 ' + right : '\u2014']),
      h('td', { 'class': 'num' }, [best ? pct(best.p) : '\u2014']),
      h('td', { 'class': 'num' }, [best ? bits(best.w) : '\u2014']),
      h('td', { 'class': 'num' }, [String(r.c.c.length)]),
      h('td', null, [decideSelect(r)])
    ]);
  }

  function visible() {
    var q = fold(filterInput.value.trim());
    var st = stateSelect.value;
    var out = rows.filter(function (r) {
      if (q && r.text.indexOf(q) < 0) return false;
      if (st === 'open' && stateOf(r.i) !== '') return false;
      if (st === 'done' && stateOf(r.i) === '') return false;
      return true;
    });
    if (sortKey) {
      out.sort(function (a, b) {
        var ka = keyOf(a, sortKey), kb = keyOf(b, sortKey);
        var c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : natural(ka, kb);
        return (c || a.i - b.i) * sortDir;
      });
    }
    return out;
  }

  var matching = 0;
  function update() {
    var n = 0, m = 0, nm = 0;
    rows.forEach(function (r) { var st = stateOf(r.i); if (st) n++; if (st === 'match') m++; if (st === 'no_match') nm++; });
    var shown = tbody.querySelectorAll('tr[data-case]').length;
    statusEl.textContent = 'Hi\u1ec3n th\u1ecb ' + shown + ' / ' + matching +
      (matching < rows.length ? ' (l\u1ecdc t\u1eeb ' + rows.length + ')' : '') +
      ' \u00b7 \u0111\u00e3 quy\u1ebft \u0111\u1ecbnh ' + n + ' (kh\u1edbp ' + m + ', kh\u00f4ng kh\u1edbp ' + nm + ')';
    exportBtn.disabled = m + nm === 0;
    moreBtn.hidden = shown >= matching;
    moreBtn.textContent = 'Hi\u1ec7n th\u00eam \u00b7 show ' + Math.min(PAGE, matching - shown) + ' more (' + (matching - shown) + ' c\u00f2n l\u1ea1i \u00b7 left)';
  }

  // Long queues are shown a page at a time: a thousand rows of selects take a second to lay out.
  var PAGE = 200;
  var limit = PAGE;
  var moreBtn = document.getElementById('review-more');
  moreBtn.addEventListener('click', function () {
    limit += PAGE;
    render(true);
  });

  function render(keepLimit) {
    if (keepLimit !== true) limit = PAGE;
    var frag = document.createDocumentFragment();
    var list = visible();
    matching = list.length;
    list.slice(0, limit).forEach(function (r) {
      frag.appendChild(rowEl(r));
      if (openRows[r.i]) frag.appendChild(detail(r));
    });
    tbody.textContent = '';
    tbody.appendChild(frag);
    update();
  }

  Array.prototype.forEach.call(document.querySelectorAll('#review-table button.sort'), function (b) {
    b.addEventListener('click', function () {
      var key = b.getAttribute('data-sort');
      if (sortKey === key) sortDir = -sortDir; else { sortKey = key; sortDir = 1; }
      Array.prototype.forEach.call(document.querySelectorAll('#review-table th[aria-sort]'), function (th) {
        th.setAttribute('aria-sort', 'none');
      });
      b.parentNode.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      render();
    });
  });
  var pending = 0;
  filterInput.addEventListener('input', function () {
    // Re-render once typing pauses: a long queue rebuilds its rows.
    clearTimeout(pending);
    pending = setTimeout(render, rows.length > 2000 ? 150 : 0);
  });
  stateSelect.addEventListener('change', render);

  function csvField(v) {
    v = String(v);
    return /[",\r\n]|^\s|\s$/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }
  function decisionsCsv() {
    var lines = ['left_id,right_id,decision'];
    rows.forEach(function (r) {
      var d = decisionOf(r.i);
      if (d.charAt(0) === 'm') {
        var cand = r.c.c[Number(d.slice(2))];
        if (cand) lines.push([r.c.id, cand.id, 'match'].map(csvField).join(','));
      } else if (d === 'n') {
        lines.push([r.c.id, r.best ? r.best.id : '', 'no_match'].map(csvField).join(','));
      }
    });
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }
  exportBtn.addEventListener('click', function () {
    var blob = new Blob([decisionsCsv()], { type: 'text/csv;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var a = h('a', { href: url, download: data.file || 'decisions.csv' });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  });
  render();
})();
`;
