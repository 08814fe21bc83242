/* What the two views (the overview and one tribunal) share: the element they draw into, the tribunals' names, the
   line that says which figures are shown, and focus kept across a redraw. */
import { api, authorization } from './api.js';
import { t } from './i18n.js';
import { esc } from './format.js';

/** The tribunal of the report the dashboard was made for: linked from the overview and marked wherever shown. */
export const REPORT_TRIBUNAL = 'bamako-commune-iii';

/** Where the views draw. */
export const app = document.getElementById('app');

let tribunalList = null;

/** The tribunals, read once. */
export function tribunals() {
  if (tribunalList) { return Promise.resolve(tribunalList); }
  return api('/api/tribunals').then((answer) => {
    tribunalList = answer.body;
    return answer.body;
  });
}

export function tribunalName(id) {
  const found = (tribunalList || []).filter((tr) => tr.id === id)[0];
  return found ? found.name : id;
}

/** Shows that a view is being read, when the view takes the focus (a new view rather than a redraw). */
export function loading(focus) {
  if (focus) { app.innerHTML = '<p aria-busy="true">' + esc(t('loading')) + '</p>'; }
}

/**
 * Draws with draw what was read with the credentials of the moment, and reports a failure to failure, unless the
 * user signed out (or in as someone else) meanwhile: then nothing is drawn, neither figures nor error, so that one
 * user's figures never appear on another's page nor over the sign-in form. Nor is anything drawn once the page has
 * moved to another address: a slow answer for the view just left must not replace the view now shown.
 */
export function whileSignedIn(reading, draw, failure) {
  const auth = authorization();
  const shown = location.hash;
  const still = () => authorization() === auth && location.hash === shown;
  return reading.then((answers) => {
    if (still()) { draw(answers); }
  }).catch((error) => {
    if (still()) { failure(error); }
  });
}

/** Which day (and, for exact figures, which log position) the figures stand on, or which release they come from. */
export function positionLine(day, position, head, release) {
  if (release) {
    // Published figures name their release only: no log position.
    return '<p class="as-of" data-testid="as-of">' + esc(t('asOfDay', day)) + '</p>' +
      '<p class="note" data-testid="release-note" data-release="' + esc(release.month) + '">' +
      esc(t('release', release.month, release.madeOn)) + '</p>';
  }
  const behind = head !== null && position !== null && Number(head) > Number(position) ? t('behind', head) : '';
  return '<p class="as-of" data-testid="as-of">' + esc(t('asOf', day, position, behind)) + '</p>';
}

/**
 * After a redraw: the view's title takes the focus for a new view; otherwise the element that had it (by test id)
 * gets it back.
 */
export function restoreFocus(focus, active) {
  if (focus) {
    document.getElementById('view-title').focus();
  } else if (active) {
    const again = app.querySelector('[data-testid="' + active + '"]');
    if (again) { again.focus(); }
  }
}

/** The test id of the focused element, to give the focus back after a redraw. */
export function focusedTestId() {
  return document.activeElement && document.activeElement.getAttribute('data-testid');
}
