/* The period the figures cover, kept in the page's address (#/tribunal/<id>?from=…&to=…) so that a view can be
   bookmarked, shared and printed as it was seen. Without one, the page opens on Greffe's first view: the whole
   history it holds, to today (the report's day in demo mode). */
import { ApiError, api, authorization } from './api.js';
import { t } from './i18n.js';
import { day, esc } from './format.js';
import { problemMessage, showError } from './errors.js';

export const period = { from: null, to: null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
let firstView = null;

/** The part of the address before its query: #/ or #/tribunal/<id>. */
function place() {
  const hash = location.hash || '#/';
  return hash.split('?')[0];
}

/**
 * Sets the period from the address, or to the first view (read once) when the address names none or a wrong one,
 * and writes it into the address without a new history entry. Resolves to true once set, or to false when the page
 * moved to another address (or user) while the first view was read: the view asked for is then no longer wanted.
 */
export function periodFromAddress() {
  const query = new URLSearchParams((location.hash.split('?')[1]) || '');
  const from = query.get('from');
  const to = query.get('to');
  if (from && to && DAY.test(from) && DAY.test(to) && from <= to) {
    period.from = from;
    period.to = to;
    return Promise.resolve(true);
  }
  const asked = location.hash;
  const auth = authorization();
  const reading = firstView ? Promise.resolve(firstView)
    : api('/api/dashboard/first-view').then((answer) => { firstView = answer.body; return firstView; });
  return reading.then((view) => {
    if (location.hash !== asked || authorization() !== auth) { return false; }
    period.from = view.from;
    period.to = view.to;
    history.replaceState(null, '', periodAddress(place()));
    return true;
  });
}

/** The address of a view (#/ or #/tribunal/<id>) for the current period. */
export function periodAddress(base) {
  return base + '?from=' + encodeURIComponent(period.from) + '&to=' + encodeURIComponent(period.to);
}

/** The period as the API's query string. */
export function periodQuery() {
  return '?from=' + encodeURIComponent(period.from) + '&to=' + encodeURIComponent(period.to);
}

/** The form to pick a period, and a line that says it on paper (the form itself is not printed). */
export function periodForm() {
  return '<form id="period" class="period" data-testid="period-form">' +
    '<fieldset><legend>' + esc(t('period')) + '</legend>' +
    '<label for="from">' + esc(t('from')) + '</label> ' +
    '<input type="date" id="from" name="from" required value="' + esc(period.from) + '" data-testid="period-from"> ' +
    '<label for="to">' + esc(t('to')) + '</label> ' +
    '<input type="date" id="to" name="to" required value="' + esc(period.to) + '" data-testid="period-to"> ' +
    '<button type="submit" data-testid="period-apply">' + esc(t('apply')) + '</button>' +
    '</fieldset></form>' +
    '<p class="print-only" data-testid="period-printed">' + esc(t('periodPrinted', day(period.from), day(period.to))) + '</p>';
}

/**
 * On submit, takes the period picked into the address (a new history entry, so Back returns to the last one) and
 * calls reload; a period that ends before it starts is refused.
 */
export function wirePeriod(reload) {
  document.getElementById('period').addEventListener('submit', (event) => {
    event.preventDefault();
    const from = event.target.from.value;
    const to = event.target.to.value;
    if (!from || !to || from > to) { showError(problemMessage(new ApiError(400, ''))); return; }
    period.from = from;
    period.to = to;
    history.pushState(null, '', periodAddress(place()));
    reload();
  });
}
