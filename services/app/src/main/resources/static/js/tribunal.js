/* One tribunal's page: key figures, the pending caseload over time and its forecast, age bands, pending cases by
   category (cells suppressed as the API suppresses them), why cases stall, trial date certainty and time to
   disposition. */
import { api } from './api.js';
import { lang, t } from './i18n.js';
import { esc, num } from './format.js';
import { periodAddress, periodForm, periodQuery, wirePeriod } from './period.js';
import { csvButton, offerCsv, wireCsv } from './csv.js';
import { barChart, dataTable, lineChart } from './charts.js';
import { forecastSection, showForecast } from './forecast.js';
import { stallsSection } from './stalls.js';
import {
  REPORT_TRIBUNAL, app, focusedTestId, loading, positionLine, restoreFocus, tribunalName, tribunals, whileSignedIn
} from './view.js';

/** The key figures by text key: the test ids they are shown with, and the CSV names that differ from the key. */
const KEY_IDS = { pending: 'pending', activePending: 'active-pending', suspended: 'suspended',
  neverTried: 'never-tried', oldestAge: 'oldest-age', medianAge: 'median-age', beyondStandard: 'beyond-standard',
  incoming: 'incoming', outgoing: 'outgoing', clearanceRate: 'clearance-rate', dispositionTime: 'disposition-time' };
const KEY_CSV_NAMES = {
  oldestAge: 'oldestAgeDays', medianAge: 'medianAgeDays', dispositionTime: 'dispositionTimeDays'
};
const BREAKDOWNS = [['offence', 'byOffence'], ['accused', 'byAccused'], ['victimGroup', 'byVictimGroup']];

/** Reads the tribunal's figures and timeline for the period and draws them; focus: a new view, not a redraw. */
export function showTribunal(id, focus, failure) {
  loading(focus);
  const reading = Promise.all([
    tribunals(),
    api('/api/caseload/' + encodeURIComponent(id) + periodQuery()),
    api('/api/caseload/' + encodeURIComponent(id) + '/timeline' + periodQuery()),
    // Refused stall figures (records awaiting a rebuild) leave the rest of the page standing, and say why.
    api('/api/caseload/' + encodeURIComponent(id) + '/stalls' + periodQuery()).catch((error) => {
      if (error.status === 401) { throw error; }
      return { error: error };
    })
  ]);
  return whileSignedIn(reading, (answers) => {
    renderTribunal(id, answers[1], answers[2].body, answers[3], focus, failure);
  }, failure);
}

function renderTribunal(id, answer, timeline, stalls, focus, failure) {
  const f = answer.body;
  const m = f.measures;
  const csv = [['tribunalId', 'from', 'to', 'section', 'item', 'value']];
  const add = (section, item, value) => { csv.push([id, f.from, f.to, section, item, value]); };

  let html = '<p><a href="' + esc(periodAddress('#/')) + '" data-testid="back-link">' + esc(t('back')) +
    '</a></p>' +
    '<h2 id="view-title" tabindex="-1" data-testid="view-title">' + esc(tribunalName(id)) +
    (id === REPORT_TRIBUNAL ? ' <span class="badge">' + esc(t('reportTribunal')) + '</span>' : '') + '</h2>' +
    periodForm() + '<p class="actions">' + csvButton() + '</p>' +
    positionLine(f.to, answer.position, answer.head, f.release);
  if (f.smallCells && f.smallCells.applied) {
    html += '<p class="note" data-testid="suppression-note">' + esc(t('suppressed', f.smallCells.threshold)) + '</p>';
  }
  html += keyFigures(f, m, add) + timelineSection(timeline, add) + forecastSection();

  // age bands and categories, unless too few cases are pending to break them down
  const notBrokenDown = '<p class="statement" data-testid="not-broken-down">' +
    esc(t('notBrokenDown', f.smallCells && f.smallCells.threshold ? 2 * f.smallCells.threshold : '')) + '</p>';
  const bands = Object.keys(f.ageBands || {}).map((band) => [band, f.ageBands[band]]);
  html += '<section aria-labelledby="age-title" data-testid="age-bands"><h3 id="age-title">' + esc(t('ageBands')) +
    '</h3>' + (f.ageBands ? barChart('age-chart', t('ageBands'), bands, '') +
    dataTable('age-table', t('ageBands'), [t('band'), t('cases')], bands) : notBrokenDown) + '</section>';
  bands.forEach((b) => { add('ageBands', b[0], b[1]); });
  html += breakdowns(f, notBrokenDown, add) + stallsSection(stalls, notBrokenDown, !!f.ageBands, add) +
    certaintySection(f, m, add) + timeToDisposition(f, m, add);

  const active = focusedTestId();
  app.innerHTML = html;
  offerCsv('greffe-' + id + '-' + f.to + '.csv', csv);
  wirePeriod(() => { showTribunal(id, false, failure); });
  wireCsv();
  showForecast(id, f, failure);
  restoreFocus(focus, active);
}

function keyFigures(f, m, add) {
  const key = [
    ['pending', f.pending], ['activePending', f.activePending], ['suspended', f.suspended],
    ['neverTried', f.neverTried], ['oldestAge', f.oldestAgeDays], ['medianAge', f.medianAgeDays],
    ['beyondStandard', f.beyondStandard], ['incoming', m.incoming], ['outgoing', m.outgoing],
    ['clearanceRate', m.clearanceRate], ['dispositionTime', m.dispositionTimeDays]
  ];
  let html = '<section aria-labelledby="key-title"><h3 id="key-title">' + esc(t('keyFigures')) + '</h3>' +
    '<dl class="key" data-testid="key-figures">';
  key.forEach((k) => {
    html += '<div><dt>' + esc(t(k[0])) + '</dt><dd data-testid="' + KEY_IDS[k[0]] + '">' + num(k[1]) + '</dd></div>';
    add('key', KEY_CSV_NAMES[k[0]] || k[0], k[1]);
  });
  return html + '</dl></section>';
}

function timelineSection(timeline, add) {
  timeline.forEach((row) => {
    add('timeline-incoming', row.month, row.incoming);
    add('timeline-outgoing', row.month, row.outgoing);
    add('timeline-pendingEnd', row.month, row.pendingEnd);
  });
  return '<section aria-labelledby="timeline-title" data-testid="timeline"><h3 id="timeline-title">' +
    esc(t('timeline')) + '</h3>' + lineChart('timeline-chart', t('timeline'), timeline) +
    dataTable('timeline-table', t('timeline'), [t('month'), t('incoming'), t('outgoing'), t('pendingEnd')],
      timeline.map((row) => [row.month, row.incoming, row.outgoing, row.pendingEnd])) +
    '</section>';
}

/** Pending cases by category, a suppressed cell shown (and written to the CSV) as such, never as a count. */
function breakdowns(f, notBrokenDown, add) {
  let html = '<section aria-labelledby="by-title" data-testid="breakdowns"><h3 id="by-title">' +
    esc(t('breakdowns')) + '</h3>';
  if (!f.pendingBy) {
    add('pendingBy', 'notBrokenDown', '');
    return html + notBrokenDown + '</section>';
  }
  html += '<p class="help">' + esc(t('breakdownsHelp', f.to)) + '</p>';
  BREAKDOWNS.forEach((b) => {
    const table = f.pendingBy[b[0]];
    if (!table) { return; }
    html += '<table class="data" data-testid="breakdown-' + b[0] + '"><caption>' + esc(t(b[1])) + '</caption>' +
      '<thead><tr><th scope="col">' + esc(t('category')) + '</th><th scope="col" class="num">' +
      esc(t('count')) + '</th></tr></thead><tbody>';
    Object.keys(table.cells).forEach((category) => {
      const cell = table.cells[category];
      html += '<tr data-testid="cell-' + b[0] + '-' + esc(category) + '" data-suppressed="' + cell.suppressed +
        '"><th scope="row">' + esc(t(category)) + '</th><td class="num">' +
        (cell.suppressed ? '<em>' + esc(t('masked')) + '</em>' : num(cell.count)) + '</td></tr>';
      add('pendingBy-' + b[0], category, cell.suppressed ? 'suppressed' : cell.count);
    });
    html += '</tbody><tfoot><tr><th scope="row">' + esc(t('total')) + '</th><td class="num">' + num(table.total) +
      '</td></tr></tfoot></table>';
    add('pendingBy-' + b[0], 'total', table.total);
  });
  return html + '</section>';
}

function certaintySection(f, m, add) {
  let html = '<section aria-labelledby="certainty-title" data-testid="certainty"><h3 id="certainty-title">' +
    esc(t('certainty')) + '</h3>';
  if (f.release) {
    html += '<p class="statement" data-testid="certainty-not-published">' + esc(t('notPublished')) + '</p>';
    add('trialDateCertainty', 'notPublished', '');
  } else if (!m.trialDateCertainty) {
    html += '<p class="statement" data-testid="no-trial">' + esc(t('noTrial')) + '</p>';
    add('trialDateCertainty', 'none', '');
  } else {
    const certainty = Object.keys(m.trialDateCertainty).map((k) => [k, m.trialDateCertainty[k]]);
    html += '<p class="help">' + esc(t('certaintyHelp')) + '</p>' +
      barChart('certainty-chart', t('certainty'), certainty, '') +
      dataTable('certainty-table', t('certainty'), [t('hearingsSet'), t('cases')], certainty);
    certainty.forEach((c) => { add('trialDateCertainty', c[0], c[1]); });
  }
  return html + '</section>';
}

function timeToDisposition(f, m, add) {
  const ttd = m.timeToDisposition;
  let html = '<section aria-labelledby="ttd-title" data-testid="time-to-disposition"><h3 id="ttd-title">' +
    esc(t('ttd')) + '</h3>';
  if (f.release) {
    html += '<p class="statement" data-testid="ttd-not-published">' + esc(t('notPublished')) + '</p>';
    add('timeToDisposition', 'notPublished', '');
  } else if (!ttd || !ttd.disposed) {
    add('timeToDisposition', 'disposed', ttd ? ttd.disposed : 0);
    html += '<p class="statement" data-testid="no-disposal">' + esc(t('noDisposal')) + '</p>';
  } else {
    add('timeToDisposition', 'disposed', ttd.disposed);
    const shares = [[t('withinQuarter'), ttd.withinQuarterStandard], [t('withinHalf'), ttd.withinHalfStandard],
      [t('withinStandard'), ttd.withinStandard], [t('beyond'), ttd.beyondStandard]];
    html += '<p class="help">' + esc(t('ttdHelp')) + ' ' + esc(t('disposed')) + (lang === 'fr' ? ' : ' : ': ') +
      '<span data-testid="disposed">' + num(ttd.disposed) + '</span></p>' +
      barChart('ttd-chart', t('ttd'), shares, '%', 100) +
      dataTable('ttd-table', t('ttd'), [t('figure'), t('share')], shares);
    add('timeToDisposition', 'withinQuarterStandard', ttd.withinQuarterStandard);
    add('timeToDisposition', 'withinHalfStandard', ttd.withinHalfStandard);
    add('timeToDisposition', 'withinStandard', ttd.withinStandard);
    add('timeToDisposition', 'beyondStandard', ttd.beyondStandard);
  }
  return html + '</section>';
}
