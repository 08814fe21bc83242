/* The figures a view shows, offered as a CSV file (UTF-8 with a byte order mark, so spreadsheets read accents). */
import { t } from './i18n.js';
import { esc } from './format.js';

let shown = null; // what the current view shows: {csvName, rows}

/** What the download button gives from now on: rows (arrays of cells, the first the header) as name. */
export function offerCsv(name, rows) {
  shown = { csvName: name, rows: rows };
}

export function csvButton() {
  return '<button type="button" id="download-csv" data-testid="download-csv">' + esc(t('downloadCsv')) + '</button>';
}

export function wireCsv() {
  document.getElementById('download-csv').addEventListener('click', downloadCsv);
}

/** A cell as CSV writes it; text a spreadsheet would take for a formula is prefixed with a quote. */
function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && isNaN(Number(text))) { text = "'" + text; }
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function downloadCsv() {
  if (!shown) { return; }
  const text = shown.rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const blob = new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = shown.csvName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => { URL.revokeObjectURL(url); }, 1000);
}
