/* The period the figures cover, a year to today unless the user picks another, and the form to pick it. */
import { ApiError } from './api.js';
import { t } from './i18n.js';
import { esc, isoDay } from './format.js';
import { problemMessage, showError } from './errors.js';

export const period = yearToToday();

function yearToToday() {
  const today = new Date();
  const yearBefore = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate());
  return { from: isoDay(yearBefore), to: isoDay(today) };
}

/** The period as the API's query string. */
export function periodQuery() {
  return '?from=' + encodeURIComponent(period.from) + '&to=' + encodeURIComponent(period.to);
}

export function periodForm() {
  return '<form id="period" class="period" data-testid="period-form">' +
    '<fieldset><legend>' + esc(t('period')) + '</legend>' +
    '<label for="from">' + esc(t('from')) + '</label> ' +
    '<input type="date" id="from" name="from" required value="' + esc(period.from) + '" data-testid="period-from"> ' +
    '<label for="to">' + esc(t('to')) + '</label> ' +
    '<input type="date" id="to" name="to" required value="' + esc(period.to) + '" data-testid="period-to"> ' +
    '<button type="submit" data-testid="period-apply">' + esc(t('apply')) + '</button>' +
    '</fieldset></form>';
}

/** On submit, takes the period picked and calls reload; a period that ends before it starts is refused. */
export function wirePeriod(reload) {
  document.getElementById('period').addEventListener('submit', (event) => {
    event.preventDefault();
    const from = event.target.from.value;
    const to = event.target.to.value;
    if (!from || !to || from > to) { showError(problemMessage(new ApiError(400, ''))); return; }
    period.from = from;
    period.to = to;
    reload();
  });
}
