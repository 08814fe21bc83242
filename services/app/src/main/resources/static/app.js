/* Greffe dashboard: plain JavaScript modules, no build step, no outside address. It reads only the JSON API, with
   the signed-in user's credentials, so roles and small-cell suppression apply exactly as for the API.

   This module starts the page: it routes (#/ the overview, #/tribunal/<id> one tribunal, #/desk… the registry desk,
   #/audit… the audit desk), handles what a refusal means for the whole page, and wires the header's buttons. The
   views and their parts are in js/, the words in i18n/. */
import { ApiError, authorization, forgetUser, setAuthorization } from './js/api.js';
import { lang, switchLang, t } from './js/i18n.js';
import { problemMessage, showError } from './js/errors.js';
import { renderSignIn, showUser } from './js/sign-in.js';
import { relabelLive, startStream, stopStream } from './js/live.js';
import { showOverview } from './js/overview.js';
import { showTribunal } from './js/tribunal.js';
import { showCase, showDesk, showImport } from './js/desk.js';
import { showAudit, showAuditCase } from './js/audit.js';
import { periodFromAddress } from './js/period.js';

function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const tribunal = /^tribunal\/([a-z0-9-]+)/.exec(hash);
  if (tribunal) { return { view: 'tribunal', id: tribunal[1] }; }
  const deskCase = /^desk\/case\/([A-Za-z0-9._:-]+)/.exec(hash);
  if (deskCase) { return { view: 'case', id: deskCase[1] }; }
  if (/^desk\/import/.test(hash)) { return { view: 'import' }; }
  if (/^desk/.test(hash)) { return { view: 'desk' }; }
  const auditCase = /^audit\/case\/([A-Za-z0-9._:-]+)/.exec(hash);
  if (auditCase) { return { view: 'audit-case', id: auditCase[1] }; }
  if (/^audit/.test(hash)) { return { view: 'audit' }; }
  return { view: 'overview' };
}

function show(focus) {
  const r = currentRoute();
  markCurrentDesk(r.view);
  const withPeriod = (view) => periodFromAddress().then((wanted) => { if (wanted) { view(); } }, failure);
  if (r.view === 'tribunal') { withPeriod(() => showTribunal(r.id, focus, failure)); }
  else if (r.view === 'case') { showCase(r.id, focus, failure); }
  else if (r.view === 'import') { showImport(focus, failure); }
  else if (r.view === 'desk') { showDesk(focus, failure); }
  else if (r.view === 'audit') { showAudit(focus, failure); }
  else if (r.view === 'audit-case') { showAuditCase(r.id, focus, failure); }
  else { withPeriod(() => showOverview(focus, failure)); }
}

/** The header's links to the desks: the one shown is marked as the current page. */
function markCurrentDesk(view) {
  const desk = view === 'case' || view === 'import' || view === 'desk' ? 'desk'
    : (view === 'audit' || view === 'audit-case' ? 'audit' : 'dashboard');
  document.querySelectorAll('#desks a').forEach((link) => {
    if (link.getAttribute('data-desk') === desk) { link.setAttribute('aria-current', 'page'); }
    else { link.removeAttribute('aria-current'); }
  });
}

function route() {
  if (!authorization()) { signIn(); return; }
  showUser();
  startStream(failure, refresh);
  show(true);
}

/**
 * Draws the view again with fresh figures, if one is shown to a signed-in user; a desk's forms are left alone as the
 * log moves on (a clerk may be typing), unless always (a change of language).
 */
function refresh(always) {
  if (!authorization() || !document.getElementById('view-title')) { return; }
  if (!always && currentRoute().view !== 'overview' && currentRoute().view !== 'tribunal') { return; }
  show(false);
}

function signIn(message) {
  renderSignIn(message, route);
}

/** Refused credentials end the session; figures being rebuilt are read again a little later. */
function failure(error) {
  if (error instanceof ApiError && error.status === 401) {
    setAuthorization(null);
    stopStream();
    signIn(t('unauthorized'));
    return;
  }
  if (error instanceof ApiError && error.status === 503) { setTimeout(route, 5000); }
  showError(problemMessage(error));
}

/** Puts the page's fixed texts (those marked data-i18n in index.html) and the header in the page's language. */
function applyLang() {
  document.documentElement.lang = lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.getAttribute('data-i18n'));
  });
  const sw = document.getElementById('lang-switch');
  sw.textContent = t('switchTo');
  sw.setAttribute('aria-label', t('switchLabel'));
  sw.setAttribute('lang', lang === 'fr' ? 'en' : 'fr');
  if (authorization()) { showUser(); }
}

document.getElementById('lang-switch').addEventListener('click', () => {
  switchLang();
  applyLang();
  relabelLive();
  if (authorization()) { refresh(true); if (!document.getElementById('view-title')) { route(); } }
  else { signIn(); }
  document.getElementById('lang-switch').focus();
});

document.getElementById('sign-out').addEventListener('click', () => {
  setAuthorization(null);
  forgetUser();
  stopStream();
  signIn();
});

window.addEventListener('hashchange', route);

applyLang();
route();
