/* A tribunal's forecast panel: where its pending caseload is heading under the scenario the reader sets (extra trial
   dispositions a month, a change in filings, which cases go out first, the horizon), as the API forecasts it for this
   reader. A clerk or an auditor gets the exact forecast from the day the page's period ends (asOf); anyone else gets
   the forecast made from the latest release alone, which starts where the release ends: the page never sends them
   asOf, which the API refuses them. Answers may come back in any order: each request is numbered and only the answer
   to the latest is drawn, so an answer for an older scenario never overwrites a newer one. */
import { ApiError, api } from './api.js';
import { lang, t } from './i18n.js';
import { esc, num } from './format.js';
import { problemMessage } from './errors.js';
import { csvButton, offerCsv, wireCsv } from './csv.js';
import { whileSignedIn } from './view.js';
import { backlogForecast, forecastChart, forecastLegend, forecastTable, historyTable } from './forecast-chart.js';
import { clearedBy, dayInWords, monthInWords } from './forecast-words.js';

const CSV = 'download-forecast-csv';
const HORIZONS = ['12', '24', '36', '60', '120'];
/** Quiet time after a keystroke before the forecast is asked for: typing 10 asks once, not for 1 and then 10. */
const DEBOUNCE_MS = 350;
/** The number fields: the filing change within the API's bounds, the extra dispositions well within them. */
const FIELDS = {
  extraDispositions: { id: 'forecast-extra', min: 0, max: 1000, step: 1, label: () => t('forecastExtra') },
  filingChange: { id: 'forecast-filing', min: -100, max: 1000, step: 1, label: () => t('forecastFiling') }
};
const SELECTS = { order: 'forecast-order', months: 'forecast-months' };

/** The scenario as set: kept while the page is drawn again (a live update, the other language). */
const scenario = { extraDispositions: '0', filingChange: '0', order: 'fifo', months: '24' };
let latest = 0;      // the number of the latest request: only its answer is drawn
let typing = null;   // the timer of the request a keystroke asked for
let panel = null;    // the panel shown: {id, figures (the page's answer), failure}

function numberField(key) {
  const f = FIELDS[key];
  return '<span class="field"><label for="' + f.id + '">' + esc(f.label()) + '</label> ' +
    '<input type="number" id="' + f.id + '" name="' + key + '" min="' + f.min + '" max="' + f.max + '" step="' +
    f.step + '" inputmode="numeric" value="' + esc(scenario[key]) + '" data-testid="' + f.id + '"></span> ';
}

function selectField(key, label, options) {
  const id = SELECTS[key];
  return '<span class="field"><label for="' + id + '">' + esc(label) + '</label> <select id="' + id + '" name="' +
    key + '" data-testid="' + id + '">' + options.map((o) => '<option value="' + esc(o[0]) + '"' +
    (o[0] === scenario[key] ? ' selected' : '') + '>' + esc(o[1]) + '</option>').join('') + '</select></span> ';
}

/** The panel's frame, drawn with the tribunal's page; showForecast fills it. */
export function forecastSection() {
  return '<section aria-labelledby="forecast-title" data-testid="forecast"><h3 id="forecast-title">' +
    esc(t('forecastTitle')) + '</h3><p class="help">' + esc(t('forecastHelp')) + '</p>' +
    '<form id="forecast-form" class="scenario" data-testid="forecast-form" novalidate><fieldset><legend>' +
    esc(t('forecastScenario')) + '</legend>' + numberField('extraDispositions') + numberField('filingChange') +
    selectField('order', t('forecastOrder'), [['fifo', t('forecastFifo')], ['oldest-first', t('forecastOldest')]]) +
    selectField('months', t('forecastHorizon'), HORIZONS.map((m) => [m, t('forecastMonths', m)])) +
    '</fieldset></form>' +
    '<p id="forecast-error" class="error" role="alert" data-testid="forecast-error" hidden></p>' +
    '<p id="forecast-cleared-by" class="statement" role="status" data-testid="forecast-cleared-by"></p>' +
    '<div id="forecast-results" data-testid="forecast-results" aria-busy="true"><p>' + esc(t('loading')) +
    '</p></div><p class="actions">' + csvButton(CSV, t('forecastCsv')) + '</p></section>';
}

/** Wires the panel drawn by forecastSection and reads the forecast: figures is the page's answer for the tribunal. */
export function showForecast(id, figures, failure) {
  panel = { id: id, figures: figures, failure: failure };
  Object.keys(FIELDS).forEach((key) => {
    const input = document.getElementById(FIELDS[key].id);
    input.addEventListener('input', () => {
      scenario[key] = input.value;
      clearTimeout(typing);
      typing = setTimeout(read, DEBOUNCE_MS);
    });
  });
  Object.keys(SELECTS).forEach((key) => {
    const select = document.getElementById(SELECTS[key]);
    select.addEventListener('change', () => {
      scenario[key] = select.value;
      read();
    });
  });
  document.getElementById('forecast-form').addEventListener('submit', (event) => {
    event.preventDefault();
    read();
  });
  offerCsv(null, null, CSV);
  wireCsv(CSV);
  read();
}

/** The forecast's query for the scenario as set. */
function forecastQuery(figures) {
  const query = '?months=' + encodeURIComponent(scenario.months) +
    '&extraDispositions=' + encodeURIComponent(scenario.extraDispositions || '0') +
    '&filingChange=' + encodeURIComponent(scenario.filingChange || '0') +
    '&order=' + encodeURIComponent(scenario.order);
  // Exact figures stand on the period's last day; the published forecast starts where its release ends.
  return figures.release ? query : query + '&asOf=' + encodeURIComponent(figures.to);
}

/** The first number field that holds no number within its bounds, in one sentence; null when all do. */
function invalidField() {
  for (const key of Object.keys(FIELDS)) {
    const f = FIELDS[key];
    const input = document.getElementById(f.id);
    if (input && !input.validity.valid) { return t('forecastInvalidNumber', f.label(), num(f.min), num(f.max)); }
  }
  return null;
}

function read() {
  clearTimeout(typing);
  const mine = ++latest;
  const shown = panel;
  const results = document.getElementById('forecast-results');
  if (!shown || !results) { return; }
  const invalid = invalidField();
  if (invalid) { showProblem(invalid); return; }
  results.setAttribute('aria-busy', 'true');
  const query = forecastQuery(shown.figures);
  whileSignedIn(api('/api/caseload/' + encodeURIComponent(shown.id) + '/forecast' + query), (answer) => {
    if (mine === latest) { draw(shown, answer.body, query); }
  }, (error) => {
    if (mine !== latest) { return; }
    if (error instanceof ApiError && error.status === 401) { shown.failure(error); return; }
    showProblem(problemMessage(error, 'scenario'));
    if (error instanceof ApiError && error.status === 503) {
      setTimeout(() => { if (mine === latest) { read(); } }, 5000);
    }
  });
}

/** A refusal or failure, in one sentence, in place of a forecast that would not match the scenario set. */
function showProblem(message) {
  const box = document.getElementById('forecast-error');
  const results = document.getElementById('forecast-results');
  const sentence = document.getElementById('forecast-cleared-by');
  if (!box || !results || !sentence) { return; }
  box.textContent = message;
  box.hidden = false;
  sentence.textContent = '';
  sentence.removeAttribute('data-outcome');
  results.innerHTML = '';
  results.setAttribute('data-query', '');
  results.setAttribute('aria-busy', 'false');
  offerCsv(null, null, CSV);
}

function draw(shown, f, query) {
  const results = document.getElementById('forecast-results');
  const sentence = document.getElementById('forecast-cleared-by');
  if (!results || !sentence) { return; }
  document.getElementById('forecast-error').hidden = true;
  sentence.textContent = clearedBy(f, lang);
  sentence.setAttribute('data-outcome', f.clearance.outcome);
  sentence.setAttribute('data-p50', f.clearance.p50 || '');
  results.innerHTML = standsOn(f) + forecastLegend(f) + forecastChart('forecast-chart', f) + assumptions(f) +
    '<div class="forecast-tables">' + forecastTable('forecast-table', f) +
    historyTable('forecast-history-table', f) + '</div>';
  results.setAttribute('data-query', query);
  results.setAttribute('aria-busy', 'false');
  offerCsv('greffe-forecast-' + shown.id + '-' + f.asOf + '.csv', csvRows(shown.id, f), CSV);
}

/** Which figures the forecast was made from: exact ones at a log position, or a release's published ones. */
function standsOn(f) {
  const text = f.figures === 'published' ? t('forecastPublished', f.release, dayInWords(f.asOf, lang))
    : t('forecastExact', dayInWords(f.asOf, lang), f.position);
  return '<p class="note" data-testid="forecast-stands-on" data-figures="' + esc(f.figures) + '">' + esc(text) +
    '</p>';
}

function assumptions(f) {
  const a = f.assumptions;
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const items = [
    [t('forecastBasis'), a.basisFrom ? t('forecastBasisMonths', monthInWords(a.basisFrom, lang),
      monthInWords(a.basisTo, lang), num(a.basisMonths)) : t('forecastNoBasis')],
    [t('forecastIncoming'), t('forecastRate', num(a.incomingPerMonth), num(a.incomingSpread), num(a.scenarioIncoming))],
    [t('forecastOutgoing'), t('forecastRate', num(a.outgoingPerMonth), num(a.outgoingSpread), num(a.scenarioOutgoing))],
    [t('forecastTrialRate'), percent.format(a.trialRate)],
    [t('forecastPaths'), num(a.paths)],
    [t('forecastStandsOn'), f.figures === 'published' ? t('forecastRelease', f.release)
      : t('forecastPosition', f.position)]
  ];
  return '<h4>' + esc(t('forecastAssumptions')) + '</h4><dl class="assumptions" data-testid="forecast-assumptions">' +
    items.map((item) => '<div><dt>' + esc(item[0]) + '</dt><dd>' + esc(item[1]) + '</dd></div>').join('') +
    '</dl>';
}

/** The figures shown, one row a forecast month, with what they assumed. */
function csvRows(id, f) {
  const a = f.assumptions;
  const rows = [['tribunalId', 'figures', 'asOf', 'extraDispositions', 'filingChangePercent', 'order', 'month',
    'pendingP10', 'pendingP50', 'pendingP90', 'neverTriedP10', 'neverTriedP50', 'neverTriedP90',
    'backlogP10', 'backlogP50', 'backlogP90']];
  const withBacklog = backlogForecast(f);
  f.months.forEach((m) => {
    rows.push([id, f.figures, f.asOf, a.extraDispositions, a.filingChangePercent, a.order, m.month,
      m.pending.p10, m.pending.p50, m.pending.p90, m.neverTried.p10, m.neverTried.p50, m.neverTried.p90,
      withBacklog ? m.backlog.p10 : '', withBacklog ? m.backlog.p50 : '', withBacklog ? m.backlog.p90 : '']);
  });
  return rows;
}
