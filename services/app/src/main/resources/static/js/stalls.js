/* A tribunal page's "why cases stall" section: where the pending cases stand (latest hearing, suspension reason,
   inactivity, reporting delay) and, for clerks and auditors, the period's adjournments and filings. A hidden cell
   is shown, and written to the CSV, as such, never as a count. */
import { t } from './i18n.js';
import { day, esc, num } from './format.js';
import { barChart } from './charts.js';

const PENDING_TABLES = [['byLatestHearing', 'stallsLatestHearing'], ['suspendedByReason', 'stallsSuspended'],
  ['inactive', 'stallsInactive'], ['byReportingDelay', 'stallsReporting']];

/** A cell's name in words: a code (reason, kind), a band of days, or an inactivity threshold. */
function cellName(cell) {
  if (/^>\d+$/.test(cell)) { return t('stallsMoreThan', cell.substring(1)); }
  if (/^\d+-\d+$/.test(cell)) { return t('stallsDays', cell.replace('-', '–')); }
  if (cell === 'UNDATED') { return t('stallsUndated'); }
  return t(cell);
}

/** One table of counts, each row marked hidden or not; its shown rows as bars when asked. */
function cells(name, caption, counts, section, add, chart) {
  const names = Object.keys(counts);
  let html = chart ? barChart('stalls-' + name + '-chart', caption,
    names.filter((c) => counts[c] !== null).map((c) => [cellName(c), counts[c]]), '') : '';
  html += '<table class="data" data-testid="stalls-' + name + '"><caption>' + esc(caption) + '</caption>' +
    '<thead><tr><th scope="col">' + esc(t('category')) + '</th><th scope="col" class="num">' + esc(t('cases')) +
    '</th></tr></thead><tbody>';
  names.forEach((cell) => {
    const hidden = counts[cell] === null;
    html += '<tr data-testid="stall-' + name + '-' + esc(cell) + '" data-suppressed="' + hidden + '">' +
      '<th scope="row">' + esc(cellName(cell)) + '</th><td class="num">' +
      (hidden ? '<em>' + esc(t('masked')) + '</em>' : num(counts[cell])) + '</td></tr>';
    add(section + '-' + name, cell, hidden ? 'suppressed' : counts[cell]);
  });
  return html + '</tbody></table>';
}

/**
 * The section's HTML from the stalls answer (or the refusal it met), the rows of its CSV given to add.
 *
 * @param answer {body} of GET /api/caseload/{id}/stalls, or {error} when it was refused
 * @param notBrokenDown the statement shown when too few cases are pending to be broken down
 * @param brokenDown whether the tribunal's figures of the same day are broken down (its age bands are given): if so,
 *   published stall tables that are missing were not in the release, rather than withheld for too few cases
 */
export function stallsSection(answer, notBrokenDown, brokenDown, add) {
  let html = '<section aria-labelledby="stalls-title" data-testid="stalls"><h3 id="stalls-title">' +
    esc(t('stalls')) + '</h3>';
  if (answer.error) {
    add('stalls', 'unavailable', answer.error.detail || answer.error.status);
    return html + '<p class="statement" data-testid="stalls-unavailable">' +
      esc(t('stallsUnavailable', answer.error.detail || answer.error.status)) + '</p></section>';
  }
  const s = answer.body;
  html += '<h4>' + esc(t('stallsPending', day(s.to))) + '</h4>';
  if (!s.pending && brokenDown) {
    add('stalls-pending', 'notInRelease', '');
    html += '<p class="statement" data-testid="stalls-not-in-release">' + esc(t('stallsNotInRelease')) + '</p>';
  } else if (!s.pending) {
    add('stalls-pending', 'notBrokenDown', '');
    html += notBrokenDown;
  } else {
    html += '<p class="help">' + esc(t('stallsPendingHelp')) + '</p>';
    PENDING_TABLES.forEach((table) => {
      html += cells(table[0], t(table[1]), s.pending[table[0]], 'stalls-pending', add,
        table[0] === 'byLatestHearing' || table[0] === 'inactive');
    });
    add('stalls-pending', 'active', s.pending.active);
  }
  html += '<h4>' + esc(t('stallsPeriod', day(s.from), day(s.to))) + '</h4>';
  if (!s.adjournments) {
    add('stalls-period', 'notPublished', '');
    return html + '<p class="statement" data-testid="stalls-not-published">' + esc(t('stallsNotPublished')) +
      '</p></section>';
  }
  const a = s.adjournments;
  html += '<p data-testid="stalls-trials">' + esc(a.trialsDue
    ? t('stallsTrials', num(a.trialsAdjourned), num(a.trialsDue), num(a.trialAdjournedShare))
    : t('stallsNoTrial')) + '</p>';
  add('stalls-adjournments', 'trialsDue', a.trialsDue);
  add('stalls-adjournments', 'trialsAdjourned', a.trialsAdjourned);
  html += cells('adjournments-byReason', t('stallsAdjournedFor'), a.byReason, 'stalls', add, true) +
    cells('adjournments-byKind', t('stallsAdjournedKind'), a.byKind, 'stalls', add, false);
  const f = s.filings;
  html += '<p data-testid="stalls-filings">' + esc(t('stallsFilings', num(f.filed), num(f.withoutIncidentDate),
    num(f.medianReportingDays))) + '</p>' +
    cells('filings-reportingDelay', t('stallsFiledDelay'), f.reportingDelay, 'stalls', add, false);
  add('stalls-filings', 'filed', f.filed);
  add('stalls-filings', 'withoutIncidentDate', f.withoutIncidentDate);
  add('stalls-filings', 'medianReportingDays', f.medianReportingDays);
  return html + '</section>';
}
