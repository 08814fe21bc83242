/* The overview: one row a tribunal, sortable and filterable, the figures as of the tribunal whose answer stands
   lowest in the log (or the release they all come from). */
import { api } from './api.js';
import { lang, t } from './i18n.js';
import { esc, num } from './format.js';
import { period, periodAddress, periodForm, periodQuery, wirePeriod } from './period.js';
import { csvButton, offerCsv, wireCsv } from './csv.js';
import {
  REPORT_TRIBUNAL, app, focusedTestId, loading, positionLine, restoreFocus, tribunals, whileSignedIn
} from './view.js';

const COLUMNS = [
  { key: 'name', label: 'tribunal', text: true },
  { key: 'pending', label: 'pending' },
  { key: 'neverTried', label: 'neverTried' },
  { key: 'oldestAgeDays', label: 'oldestAge' },
  { key: 'inactive', label: 'inactiveYear' },
  { key: 'clearanceRate', label: 'clearanceRate' }
];

let rows = [];
let sort = { key: 'pending', dir: 'desc' };
let filter = '';
let shownDay = null;  // the day the figures stand on (a release's last day, for published figures)
let release = null;   // the release the figures come from, if any

/** Reads every tribunal's figures for the period and draws them; focus: a new view, not a redraw. */
export function showOverview(focus, failure) {
  loading(focus);
  const reading = tribunals().then((list) => Promise.all(list.map((tr) => Promise.all([
    api('/api/caseload/' + encodeURIComponent(tr.id) + periodQuery()),
    // The inactive cases are left blank, not the overview refused, while stall figures are (records to rebuild).
    api('/api/caseload/' + encodeURIComponent(tr.id) + '/stalls' + periodQuery()).catch((error) => {
      if (error.status === 401) { throw error; }
      return { body: { pending: null } };
    })
  ]).then((answers) => ({ tribunal: tr, figures: answers[0].body, position: answers[0].position,
    head: answers[0].head, stalls: answers[1].body })))));
  return whileSignedIn(reading, (answers) => {
    rows = answers.map((a) => ({
      id: a.tribunal.id, name: a.tribunal.name, pending: a.figures.pending, neverTried: a.figures.neverTried,
      oldestAgeDays: a.figures.oldestAgeDays,
      inactive: a.stalls.pending ? a.stalls.pending.inactive['>365'] : null,
      clearanceRate: a.figures.measures.clearanceRate, from: a.figures.from, to: a.figures.to
    }));
    const lowest = answers.reduce((low, a) => low === null || Number(a.position) < Number(low.position) ? a : low,
      null);
    shownDay = lowest ? lowest.figures.to : period.to;
    release = lowest ? lowest.figures.release : null;
    renderOverview(focus, lowest ? lowest.position : null, lowest ? lowest.head : null, failure);
  }, failure);
}

function sortedRows() {
  const key = sort.key;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const wanted = filter.toLowerCase();
  return rows.filter((row) => !wanted || row.name.toLowerCase().indexOf(wanted) >= 0 || row.id.indexOf(wanted) >= 0)
    .sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (x === null || x === undefined) { return y === null || y === undefined ? 0 : 1; }
      if (y === null || y === undefined) { return -1; }
      if (typeof x === 'string') { return sign * x.localeCompare(y, lang); }
      return sign * (x - y);
    });
}

function renderOverview(focus, position, head, failure) {
  const shown = sortedRows();
  let html = '<h2 id="view-title" tabindex="-1" data-testid="view-title">' + esc(t('overview')) + '</h2>' +
    periodForm() +
    '<p class="actions"><a href="' + esc(periodAddress('#/tribunal/' + REPORT_TRIBUNAL)) +
    '" data-testid="report-tribunal-link">' +
    esc(t('goReport')) + '</a> ' + csvButton() + '</p>' +
    '<p><label for="filter">' + esc(t('filter')) + '</label> ' +
    '<input id="filter" type="search" value="' + esc(filter) + '" data-testid="tribunal-filter"></p>' +
    positionLine(shownDay || period.to, position, head, release) +
    '<table class="data" data-testid="overview-table"><caption>' + esc(t('overviewCaption')) + '</caption><thead><tr>';
  COLUMNS.forEach((column) => {
    const sorted = sort.key === column.key;
    const aria = sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
    html += '<th scope="col" aria-sort="' + aria + '"' + (column.text ? '' : ' class="num"') + '>' +
      '<button type="button" class="sort" data-sort="' + column.key + '" data-testid="sort-' + column.key + '">' +
      esc(t(column.label)) + '<span class="arrow" aria-hidden="true">' +
      (sorted ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕') + '</span></button></th>';
  });
  html += '</tr></thead><tbody>';
  shown.forEach((row) => {
    const report = row.id === REPORT_TRIBUNAL;
    html += '<tr data-testid="tribunal-row-' + esc(row.id) + '"' + (report ? ' class="report"' : '') + '>' +
      '<th scope="row"><a href="' + esc(periodAddress('#/tribunal/' + row.id)) + '" data-testid="tribunal-link-' +
      esc(row.id) + '">' +
      esc(row.name) + '</a>' + (report ? ' <span class="badge">' + esc(t('reportTribunal')) + '</span>' : '') +
      '</th>' +
      '<td class="num" data-testid="pending">' + num(row.pending) + '</td>' +
      '<td class="num" data-testid="never-tried">' + num(row.neverTried) + '</td>' +
      '<td class="num" data-testid="oldest-age">' + num(row.oldestAgeDays) + '</td>' +
      '<td class="num" data-testid="inactive">' + num(row.inactive) + '</td>' +
      '<td class="num" data-testid="clearance-rate">' + num(row.clearanceRate) + '</td></tr>';
  });
  html += '</tbody></table>';
  const active = focusedTestId();
  app.innerHTML = html;
  offerCsv('greffe-overview-' + (shownDay || period.to) + '.csv',
    [['tribunalId', 'tribunal', 'from', 'to', 'pending', 'neverTried', 'oldestAgeDays', 'inactiveOverYear',
      'clearanceRate']]
      .concat(shown.map((row) => [row.id, row.name, row.from, row.to, row.pending, row.neverTried,
        row.oldestAgeDays, row.inactive, row.clearanceRate])));
  wirePeriod(() => { showOverview(false, failure); });
  wireCsv();
  app.querySelectorAll('button.sort').forEach((button) => {
    button.addEventListener('click', () => {
      const key = button.getAttribute('data-sort');
      sort = { key: key, dir: sort.key === key && sort.dir === 'desc' ? 'asc'
        : (sort.key === key ? 'desc' : (key === 'name' ? 'asc' : 'desc')) };
      renderOverview(false, position, head, failure);
      app.querySelector('[data-sort="' + key + '"]').focus();
    });
  });
  const input = document.getElementById('filter');
  input.addEventListener('input', () => {
    filter = input.value;
    renderOverview(false, position, head, failure);
    const again = document.getElementById('filter');
    again.focus();
    again.setSelectionRange(again.value.length, again.value.length);
  });
  restoreFocus(focus, active);
}
