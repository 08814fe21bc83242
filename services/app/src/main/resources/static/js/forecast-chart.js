/* The forecast chart: the pending cases of the past months the forecast is drawn from, then its central line for the
   pending cases in its shaded 80% range (P10 to P90), and the backlog beyond the time standard as a line and range of
   its own; with its values in words and the data tables beside it. Drawn with the parts of js/charts.js. */
import { t } from './i18n.js';
import { esc, num } from './format.js';
import { dataTable, linePath, plotArea, svgOpen, xLabels, yGrid } from './charts.js';

/** The top of the scale: the largest value shown, rounded up so that the grid's labels read easily. */
function scaleTop(values) {
  const max = Math.max.apply(null, [1].concat(values.filter((v) => v !== null && v !== undefined)));
  const step = max > 100 ? 20 : (max > 20 ? 10 : 2);
  return Math.ceil(max / step) * step;
}

/** Whether the answer forecasts the backlog (not when the release is too small to publish ages). */
export function backlogForecast(forecast) {
  return (forecast.months || []).length > 0 && forecast.months[0].backlog !== null;
}

/** A range as an area: up the P90 line from the start, back down the P10 line. */
function band(area, start, ranges, h) {
  const upper = start.concat(ranges.map((r, k) => [h + k, r.p90]));
  const lower = ranges.map((r, k) => [h + k, r.p10]).reverse().concat(start);
  return linePath(area, upper) + ' ' + linePath(area, lower).replace(/^M/, 'L') + ' Z';
}

function describe(forecast) {
  const past = (forecast.history || []).map((m) => m.month + ': ' + num(m.pending) +
    (m.backlog === null || m.backlog === undefined ? '' : ' (' + num(m.backlog) + ')')).join('; ');
  const ahead = (forecast.months || []).map((m) => m.month + ': ' +
    t('forecastDescPending', num(m.pending.p50), num(m.pending.p10), num(m.pending.p90)) +
    (m.backlog ? ', ' + t('forecastDescBacklog', num(m.backlog.p50), num(m.backlog.p10), num(m.backlog.p90)) : ''))
    .join('; ');
  return (past ? t('forecastDescHistory', past) + ' ' : '') + t('forecastDescForecast', ahead);
}

/** The chart of a forecast answer of the API. */
export function forecastChart(testid, forecast) {
  const history = forecast.history || [];
  const months = forecast.months || [];
  const h = history.length;
  const withBacklog = backlogForecast(forecast);
  const values = history.map((m) => m.pending).concat(months.map((m) => m.pending.p90));
  if (withBacklog) {
    history.forEach((m) => { values.push(m.backlog); });
    months.forEach((m) => { values.push(m.backlog.p90); });
  }
  const area = plotArea(h + months.length, scaleTop(values), 720, 300);
  let svg = svgOpen(testid, area, t('chartOf') + t('forecastChartTitle'), describe(forecast)) + yGrid(area);
  if (h && months.length) {
    svg += '<line x1="' + area.x(h - 1).toFixed(1) + '" x2="' + area.x(h - 1).toFixed(1) + '" y1="' + area.top +
      '" y2="' + area.y(0) + '" class="divider"></line><text x="' + (area.x(h - 1) + 6).toFixed(1) + '" y="' +
      (area.top + 12) + '" class="label">' + esc(t('forecastStart')) + '</text>';
  }
  const last = h ? history[h - 1] : null;
  const pendingStart = last ? [[h - 1, last.pending]] : [];
  const backlogStart = last && last.backlog !== null && last.backlog !== undefined ? [[h - 1, last.backlog]] : [];
  if (months.length) {
    svg += '<path d="' + band(area, pendingStart, months.map((m) => m.pending), h) + '" class="band"></path>';
    if (withBacklog) {
      svg += '<path d="' + band(area, backlogStart, months.map((m) => m.backlog), h) + '" class="band-backlog"></path>';
    }
  }
  if (h) {
    svg += '<path d="' + linePath(area, history.map((m, i) => [i, m.pending])) + '" class="line"></path>';
    const pastBacklog = history.map((m, i) => [i, m.backlog]).filter((p) => p[1] !== null && p[1] !== undefined);
    if (pastBacklog.length) {
      svg += '<path d="' + linePath(area, pastBacklog) + '" class="line-backlog"></path>';
    }
  }
  if (months.length) {
    // The last central values are written right of the lines' ends; the backlog is never above the pending cases,
    // so when the two would touch, the pending one moves up.
    const end = (area.x(h + months.length - 1) + 6).toFixed(1);
    const endPending = months[months.length - 1].pending.p50;
    let pendingY = area.y(endPending) + 4;
    svg += '<path d="' + linePath(area, pendingStart.concat(months.map((m, k) => [h + k, m.pending.p50]))) +
      '" class="line forecast"></path>';
    if (withBacklog) {
      const endBacklog = months[months.length - 1].backlog.p50;
      const backlogY = area.y(endBacklog) + 4;
      pendingY = Math.min(pendingY, backlogY - 14);
      svg += '<path d="' + linePath(area, backlogStart.concat(months.map((m, k) => [h + k, m.backlog.p50]))) +
        '" class="line-backlog forecast"></path><text x="' + end + '" y="' + backlogY.toFixed(1) +
        '" class="value" data-testid="' + testid + '-last-backlog">' + esc(num(endBacklog)) + '</text>';
    }
    svg += '<text x="' + end + '" y="' + pendingY.toFixed(1) + '" class="value" data-testid="' + testid +
      '-last-pending">' + esc(num(endPending)) + '</text>';
  }
  svg += xLabels(area, history.map((m) => m.month).concat(months.map((m) => m.month)));
  return svg + '</svg>';
}

/** What the lines and areas stand for. */
export function forecastLegend(forecast) {
  const items = [['history', t('forecastLegendHistory')], ['central', t('forecastLegendCentral')],
    ['range', t('forecastLegendRange')]];
  if (backlogForecast(forecast)) { items.push(['backlog', t('forecastLegendBacklog')]); }
  return '<ul class="legend" data-testid="forecast-legend">' + items.map((item) =>
    '<li><span class="swatch swatch-' + item[0] + '"></span>' + esc(item[1]) + '</li>').join('') + '</ul>';
}

/** The forecast month by month: each series' P10, P50 and P90 (the backlog's blank when it is not forecast). */
export function forecastTable(testid, forecast) {
  const headers = [t('month')];
  const ps = ['P10', 'P50', 'P90'];
  ps.forEach((p) => { headers.push(t('forecastColPending', p)); });
  ps.forEach((p) => { headers.push(t('forecastColNeverTried', p)); });
  ps.forEach((p) => { headers.push(t('forecastColBacklog', p)); });
  const rows = (forecast.months || []).map((m) => [m.month].concat(
    rangeCells(m.pending), rangeCells(m.neverTried), rangeCells(m.backlog)));
  return dataTable(testid, t('forecastTableCaption'), headers, rows);
}

function rangeCells(range) {
  return range ? [range.p10, range.p50, range.p90] : [null, null, null];
}

/** The past months the forecast is drawn from, as the answer gives them. */
export function historyTable(testid, forecast) {
  return dataTable(testid, t('forecastHistoryCaption'),
    [t('month'), t('incoming'), t('outgoing'), t('pendingEnd'), t('neverTried'), t('forecastBacklog')],
    (forecast.history || []).map((m) => [m.month, m.incoming, m.outgoing, m.pending, m.neverTried, m.backlog]));
}
