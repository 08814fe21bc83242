/* Charts as inline SVG, parsed by the HTML parser (no namespace string needed), each with its figures as a text
   alternative and a data table beside it; and the parts they are drawn with (plot area, title, grid, axis labels,
   lines), which js/forecast-chart.js draws with too. */
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
  let svg = svgOpen(testid, { width: width, height: height }, desc);
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

/**
 * The plot area of a chart over n points along x (0..n-1) and values 0..max along y, in a viewBox of width × height
 * with room for labels around it.
 */
export function plotArea(n, max, width, height) {
  const area = { width: width, height: height, left: 48, right: 40, top: 16, bottom: 40, n: n, max: max || 1 };
  area.x = (i) => area.left + (n <= 1 ? (width - area.left - area.right) / 2
    : i * (width - area.left - area.right) / (n - 1));
  area.y = (v) => area.top + (height - area.top - area.bottom) * (1 - v / area.max);
  return area;
}

/** Opens an inline SVG chart named by title and, when given, described by desc (its values in words). */
export function svgOpen(testid, area, title, desc) {
  return '<svg class="chart" role="img" aria-labelledby="' + testid + '-t"' +
    (desc ? ' aria-describedby="' + testid + '-d"' : '') + ' data-testid="' + testid +
    '" viewBox="0 0 ' + area.width + ' ' + area.height + '" width="100%" preserveAspectRatio="xMinYMin meet">' +
    '<title id="' + testid + '-t">' + esc(title) + '</title>' +
    (desc ? '<desc id="' + testid + '-d">' + esc(desc) + '</desc>' : '');
}

/** Grid lines at zero, half and the top of the scale, labelled on the left. */
export function yGrid(area) {
  let svg = '';
  [0, 0.5, 1].forEach((share) => {
    const v = Math.round(area.max * share);
    svg += '<line x1="' + area.left + '" x2="' + (area.width - area.right) + '" y1="' + area.y(v) + '" y2="' +
      area.y(v) + '" class="grid"></line>' +
      '<text x="' + (area.left - 6) + '" y="' + (area.y(v) + 4) + '" text-anchor="end" class="label">' +
      esc(num(v)) + '</text>';
  });
  return svg;
}

/** The labels of the x axis: about eight of them, always the last. */
export function xLabels(area, labels) {
  const every = Math.max(1, Math.ceil(labels.length / 8));
  let svg = '';
  labels.forEach((label, i) => {
    if (i % every === 0 || i === labels.length - 1) {
      svg += '<text x="' + area.x(i).toFixed(1) + '" y="' + (area.height - area.bottom + 18) +
        '" text-anchor="middle" class="label">' + esc(label) + '</text>';
    }
  });
  return svg;
}

/** An SVG path through points [i, value] of the plot area. */
export function linePath(area, points) {
  return points.map((p, k) => (k ? 'L' : 'M') + area.x(p[0]).toFixed(1) + ' ' + area.y(p[1]).toFixed(1)).join(' ');
}

/** The pending caseload at each month's end (rows of {month, pendingEnd}), as a line over a shaded area. */
export function lineChart(testid, title, rows) {
  const values = rows.map((r) => r.pendingEnd);
  const n = rows.length;
  const area = plotArea(n, Math.max.apply(null, [1].concat(values)), 640, 260);
  const desc = t('chartOf') + t('pendingEnd') + '. ' +
    rows.map((r) => r.month + ': ' + num(r.pendingEnd)).join('; ');
  let svg = svgOpen(testid, area, desc) + yGrid(area);
  if (n) {
    const line = linePath(area, values.map((v, i) => [i, v]));
    const fill = line + ' L' + area.x(n - 1).toFixed(1) + ' ' + area.y(0) + ' L' + area.x(0).toFixed(1) + ' ' +
      area.y(0) + ' Z';
    svg += '<path d="' + fill + '" class="area"></path><path d="' + line + '" class="line"></path>';
    values.forEach((v, i) => {
      svg += '<circle cx="' + area.x(i).toFixed(1) + '" cy="' + area.y(v).toFixed(1) + '" r="3" class="dot"></circle>';
    });
    svg += xLabels(area, rows.map((r) => r.month)) +
      '<text x="' + area.x(n - 1).toFixed(1) + '" y="' + (area.y(values[n - 1]) - 8).toFixed(1) +
      '" text-anchor="end" class="value">' + esc(num(values[n - 1])) + '</text>';
  }
  return svg + '</svg>';
}
