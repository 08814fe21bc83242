/* The figures a view shows, offered as a CSV file (UTF-8 with a byte order mark, so spreadsheets read accents). A view
   has one button, the forecast panel its own; each gives what was last offered for it. */
import { t } from './i18n.js';
import { esc } from './format.js';

const VIEW = 'download-csv';
const offers = {}; // by button id: {csvName, rows} of what is shown, or null

/** What the button (the view's, unless named) gives from now on: rows (arrays of cells, the first the header). */
export function offerCsv(name, rows, button) {
  offers[button || VIEW] = name ? { csvName: name, rows: rows } : null;
}

export function csvButton(button, text) {
  const id = button || VIEW;
  return '<button type="button" id="' + id + '" data-testid="' + id + '">' + esc(text || t('downloadCsv')) +
    '</button>';
}

export function wireCsv(button) {
  const id = button || VIEW;
  document.getElementById(id).addEventListener('click', () => { downloadCsv(offers[id]); });
}

/** A cell as CSV writes it; text a spreadsheet would take for a formula is prefixed with a quote. */
function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && isNaN(Number(text))) { text = "'" + text; }
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function downloadCsv(shown) {
  if (!shown) { return; }
  const text = shown.rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  downloadFile(shown.csvName, '\ufeff' + text, 'text/csv;charset=utf-8');
}

/** Gives the browser text to save as a file of that name and type. */
export function downloadFile(name, text, type) {
  const blob = new Blob([text], { type: type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => { URL.revokeObjectURL(url); }, 1000);
}
