/* The cleared-by sentence of a forecast, in French or English: a pure function of the API's answer and the language,
   so the same answer always reads the same. Months and days are named by the browser (Intl.DateTimeFormat). The
   outcomes are those of the API's clearance (Forecast.Outcome in shared-measures). */
import { translator } from './i18n.js';

/** A month of the API ('2021-04') in words: 'April 2021', 'avril 2021'. */
export function monthInWords(month, language) {
  const parts = String(month).split('-').map(Number);
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(parts[0], parts[1] - 1, 1)));
}

/** A day of the API ('2020-06-03') in words: '3 June 2020', '3 juin 2020'. */
export function dayInWords(day, language) {
  const parts = String(day).split('-').map(Number);
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])));
}

/** Whether the answer assumes anything beyond the tribunal's own pace, first in first out. */
export function isScenario(assumptions) {
  return Boolean(assumptions && (assumptions.extraDispositions || assumptions.filingChangePercent ||
    (assumptions.order && assumptions.order !== 'FIFO')));
}

/**
 * When the backlog (the active pending cases beyond their time standard) is cleared, in one or two sentences of the
 * language: from the answer's clearance outcome, its p10/p50/p90 months, its horizon (last month forecast), its start
 * day and its basis months.
 */
export function clearedBy(forecast, language) {
  const t = translator(language);
  const c = forecast.clearance || {};
  const months = forecast.months || [];
  const basis = forecast.assumptions || {};
  const month = (m) => monthInWords(m, language);
  const pace = isScenario(forecast.assumptions) ? t('forecastUnderScenario') : t('forecastAtPace');
  const horizon = months.length ? month(months[months.length - 1].month) : '';
  switch (c.outcome) {
    case 'NO_BACKLOG':
      return t('forecastNoBacklog', dayInWords(forecast.asOf, language));
    case 'CLEARED': {
      let range;
      if (!c.p90) {
        range = t('forecastRangeBeyond', month(c.p10), horizon);
      } else if (c.p10 === c.p90) {
        range = t('forecastRangeOne');
      } else {
        range = t('forecastRange', month(c.p10), month(c.p90));
      }
      const within = c.p50Months === 1 ? t('forecastOneMonth') : t('forecastMonths', c.p50Months);
      return t('forecastCleared', pace, month(c.p50), within, range);
    }
    case 'NOT_WITHIN_HORIZON':
      return t('forecastNotWithin', pace, horizon) + (c.p10 ? ' ' + t('forecastNotWithinSome', month(c.p10)) : '');
    case 'NEVER_AT_CURRENT_PACE':
      return basis.basisFrom ? t('forecastNever', month(basis.basisFrom), month(basis.basisTo))
        : t('forecastNeverNoHistory');
    case 'NOT_FORECAST':
      return t('forecastNotForecast');
    default:
      return c.summary || '';
  }
}
