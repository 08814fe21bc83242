/* What the page says when the API refuses or fails. */
import { ApiError } from './api.js';
import { t } from './i18n.js';
import { app } from './view.js';

/** One sentence for a refusal or failure; a refused request (400) is what the page asked: a period, unless told. */
export function problemMessage(error, asked) {
  const status = error instanceof ApiError ? error.status : null;
  if (status === 403) { return t('forbidden'); }
  if (status === 503) { return t('rebuilding'); }
  if (status === 404) { return t('notFound'); }
  if (status === 400) {
    return (asked === 'scenario' ? t('invalidScenario') : t('invalidPeriod')) + ' ' + (error.detail || '');
  }
  return t('failed') + (error && (error.detail || error.message) || '');
}

/** Shows message in the view's error box, or in place of the view when it has none. */
export function showError(message) {
  let box = document.getElementById('errors');
  if (!box) {
    app.innerHTML = '<p id="errors"></p>';
    box = document.getElementById('errors');
  }
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', 'error');
  box.className = 'error';
  box.textContent = message;
}
