/* Charts as inline SVG, parsed by the HTML parser (no namespace string needed), each with its figures as a text
   alternative and a data table beside it. */
import { t } from './i18n.js';
import { esc, num } from './format.js';

/** A table of rows (a label, then numbers) under headers, captioned as the data behind a chart. */
export function dataTable(testid, caption, headers, rows) {
  let html = '<table class="data" data-testid="' + testid + '"><caption>' + esc(t('table')) + ' — ' + esc(caption) +
    '</caption><thead><tr>';
  headers.forEach((h, i) => {
    html += '<th scope="col"' + (i ? ' class="num"' : '') + '>' + esc(h) + '</th>';
  });
  html += '</tr></thead><tbody>';
  rows.forEach((row) => {
    html += '<tr><th scope="row">' + esc(row[0]) + '</th>';
    row.slice(1).forEach((cell) => { html += '<td class="num">' + num(cell) + '</td>'; });
    html += '</tr>';
  });
  return html + '</tbody></table>';
}

function summaryText(rows, unit) {
  return rows.map((r) => r[0] + ': ' + num(r[1]) + unit).join('; ');
}

/** Horizontal bars for rows of [label, value], scaled to max or to the largest value. */
export function barChart(testid, title, rows, unit, max) {
  const width = 560, barHeight = 28, gap = 10, labelWidth = 190, valueWidth = 70;
  let top = Math.max.apply(null, [max || 0].concat(rows.map((r) => r[1] || 0)));
  if (!top) { top = 1; }
  const height = rows.length * (barHeight + gap) + gap;
  const desc = t('chartOf') + title + '. ' + summaryText(rows, unit);
  let svg = '<svg class="chart" role="img" aria-labelledby="' + testid + '-t" data-testid="' + testid +
    '" viewBox="0 0 ' + width + ' ' + height + '" width="100%" preserveAspectRatio="xMinYMin meet">' +
    '<title id="' + testid + '-t">' + esc(desc) + '</title>';
  rows.forEach((r, i) => {
    const y = gap + i * (barHeight + gap);
    const w = Math.round((width - labelWidth - valueWidth) * (r[1] || 0) / top);
    svg += '<text x="' + (labelWidth - 8) + '" y="' + (y + barHeight * 0.68) + '" text-anchor="end" class="label">' +
      esc(r[0]) + '</text>' +
      '<rect x="' + labelWidth + '" y="' + y + '" width="' + w + '" height="' + barHeight + '" class="bar"></rect>' +
      '<text x="' + (labelWidth + w + 6) + '" y="' + (y + barHeight * 0.68) + '" class="value">' +
      esc(num(r[1]) + (r[1] === null || r[1] === undefined ? '' : unit)) + '</text>';
  });
  return svg + '</svg>';
}

/** The pending caseload at each month's end (rows of {month, pendingEnd}), as a line over a shaded area. */
export function lineChart(testid, title, rows) {
  const width = 640, height = 260, left = 48, right = 40, top = 16, bottom = 40;
  const values = rows.map((r) => r.pendingEnd);
  const max = Math.max.apply(null, [1].concat(values));
  const n = rows.length;
  const x = (i) => left + (n <= 1 ? (width - left - right) / 2 : i * (width - left - right) / (n - 1));
  const y = (v) => top + (height - top - bottom) * (1 - v / max);
  const desc = t('chartOf') + t('pendingEnd') + '. ' +
    rows.map((r) => r.month + ': ' + num(r.pendingEnd)).join('; ');
  let svg = '<svg class="chart" role="img" aria-labelledby="' + testid + '-t" data-testid="' + testid +
    '" viewBox="0 0 ' + width + ' ' + height + '" width="100%" preserveAspectRatio="xMinYMin meet">' +
    '<title id="' + testid + '-t">' + esc(desc) + '</title>';
  [0, 0.5, 1].forEach((share) => {
    const v = Math.round(max * share);
    svg += '<line x1="' + left + '" x2="' + (width - right) + '" y1="' + y(v) + '" y2="' + y(v) +
      '" class="grid"></line>' +
      '<text x="' + (left - 6) + '" y="' + (y(v) + 4) + '" text-anchor="end" class="label">' + esc(num(v)) + '</text>';
  });
  if (n) {
    const line = rows.map((r, i) => (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(r.pendingEnd).toFixed(1)).join(' ');
    const area = line + ' L' + x(n - 1).toFixed(1) + ' ' + y(0) + ' L' + x(0).toFixed(1) + ' ' + y(0) + ' Z';
    svg += '<path d="' + area + '" class="area"></path><path d="' + line + '" class="line"></path>';
    const every = Math.max(1, Math.ceil(n / 8));
    rows.forEach((r, i) => {
      svg += '<circle cx="' + x(i).toFixed(1) + '" cy="' + y(r.pendingEnd).toFixed(1) + '" r="3" class="dot"></circle>';
      if (i % every === 0 || i === n - 1) {
        svg += '<text x="' + x(i).toFixed(1) + '" y="' + (height - bottom + 18) +
          '" text-anchor="middle" class="label">' + esc(r.month) + '</text>';
      }
    });
    svg += '<text x="' + x(n - 1).toFixed(1) + '" y="' + (y(values[n - 1]) - 8).toFixed(1) +
      '" text-anchor="end" class="value">' + esc(num(values[n - 1])) + '</text>';
  }
  return svg + '</svg>';
}
