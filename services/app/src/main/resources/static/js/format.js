/* Text the views put into HTML: escaped, and numbers in the page's language. */
import { lang, t } from './i18n.js';

export function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A number as the page's language writes it, at most one decimal unless told; a dash for none. */
export function num(value, digits) {
  if (value === null || value === undefined) { return t('none'); }
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits === undefined ? 1 : digits })
    .format(value);
}

/** A local date as YYYY-MM-DD, what date inputs and the API take. */
export function isoDay(date) {
  return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-'
    + String(date.getDate()).padStart(2, '0');
}

/** A date of the API (YYYY-MM-DD) as people write it in the page's language: 14 mars 2019, 14 March 2019. */
export function day(iso) {
  if (!iso) { return t('none'); }
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB',
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
}
