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
