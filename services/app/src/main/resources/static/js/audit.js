/* The audit desk, for auditors: verify the log and keep its signed head, read a case's whole history (who recorded
   what, when, through which request, and why), set the caseload as it was known at a past moment beside the same
   figures as known now, rebuild the projection and follow it, and read who accessed what. Every part is one request
   of the audit API, so an auditor can repeat any of it with curl (docs/auditing.md); nothing here computes a figure. */
import { ApiError, api, authorization, fetchText, send } from './api.js';
import { lang, t } from './i18n.js';
import { day, esc, isoDay, num } from './format.js';
import { downloadFile } from './csv.js';
import { app, loading, tribunalName, tribunals, whileSignedIn } from './view.js';

/** Payload fields that say why or how something happened, shown with the event: codes, translated. */
const WHY = ['offence', 'kind', 'reason', 'verdict', 'toTribunalId', 'date'];

/** The key figures set side by side: [label key, read from a caseload answer]. */
const FIGURES = [
  ['pending', (f) => f.pending], ['activePending', (f) => f.activePending], ['suspended', (f) => f.suspended],
  ['neverTried', (f) => f.neverTried], ['oldestAge', (f) => f.oldestAgeDays], ['medianAge', (f) => f.medianAgeDays],
  ['beyondStandard', (f) => f.beyondStandard], ['incoming', (f) => f.measures.incoming],
  ['outgoing', (f) => f.measures.outgoing], ['clearanceRate', (f) => f.measures.clearanceRate]
];

function when(instant) {
  return instant ? new Date(instant).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC' }) + ' UTC'
    : t('none');
}

function heading(key, arg) {
  return '<h2 id="view-title" tabindex="-1">' + esc(t(key, arg)) + '</h2>';
}

function auditLinks() {
  return '<nav class="desk-links" aria-label="' + esc(t('auditTitle')) + '"><a href="#/audit">' +
    esc(t('auditTitle')) + '</a></nav>';
}

/** A place a section says what it found or why it failed, read out when it changes. */
function outcome(id) {
  return '<div id="' + id + '" data-testid="' + id + '" aria-live="polite"></div>';
}

/**
 * Draws into a section what was asked with the credentials auth, unless the user signed out (or in as someone else)
 * meanwhile or the section is gone: one auditor's answers never appear on the next user's page.
 */
function say(id, html, auth) {
  const box = document.getElementById(id);
  if (!box || authorization() !== auth) { return null; }
  box.innerHTML = html;
  return box;
}

/** A refusal in a section's own words; expired credentials end the session. */
function refusedIn(id, failure, auth) {
  return (error) => {
    if (authorization() !== auth) { return; }
    if (error instanceof ApiError && error.status === 401) { failure(error); return; }
    const problem = error instanceof ApiError ? error.problem : {};
    const text = error instanceof ApiError && error.status === 403 ? t('auditForbidden')
      : [problem.title, problem.detail || (error && error.detail) || t('failed')].filter((p) => p).join(' — ');
    say(id, '<p class="error" role="alert" data-testid="' + id + '-error">' + esc(text) + '</p>', auth);
  };
}

/** The desk's page: one section a task. */
export function showAudit(focus, failure) {
  loading(focus);
  return whileSignedIn(tribunals(), (list) => {
    const options = list.map((tr) => '<option value="' + esc(tr.id) + '">' + esc(tr.name) + '</option>').join('');
    const now = new Date();
    app.innerHTML = heading('auditTitle') +
      '<p class="help">' + esc(t('auditHelp')) + '</p>' +
      '<section aria-labelledby="verify-title"><h3 id="verify-title">' + esc(t('auditVerify')) + '</h3>' +
      '<p class="help">' + esc(t('auditVerifyHelp')) + '</p>' +
      '<p class="actions"><button type="button" id="verify" data-testid="verify">' + esc(t('auditVerifyRun')) +
      '</button> <button type="button" id="save-head" data-testid="save-head">' + esc(t('auditSaveHead')) +
      '</button></p>' +
      '<form id="against" class="desk-form" data-testid="against-form" novalidate><p class="field">' +
      '<label for="against-file">' + esc(t('auditAgainst')) + '</label> <input type="file" id="against-file" ' +
      'name="head" accept=".json,application/json"> <button type="submit" data-testid="against-submit">' +
      esc(t('auditVerifyRun')) + '</button></p></form>' + outcome('verified') + '</section>' +
      '<section aria-labelledby="history-title"><h3 id="history-title">' + esc(t('auditHistory')) + '</h3>' +
      '<form id="lookup" class="desk-form" data-testid="lookup-form" novalidate><p class="field">' +
      '<label for="lookup-docket">' + esc(t('auditDocketOrCase')) + '</label> <input id="lookup-docket" ' +
      'name="docket" required autocomplete="off" spellcheck="false"> <button type="submit" ' +
      'data-testid="lookup-submit">' + esc(t('deskSearch')) + '</button></p></form>' + outcome('looked-up') +
      '</section>' +
      '<section aria-labelledby="known-title"><h3 id="known-title">' + esc(t('auditKnown')) + '</h3>' +
      '<p class="help">' + esc(t('auditKnownHelp')) + '</p>' +
      '<form id="known" class="desk-form" data-testid="known-form" novalidate>' +
      '<p class="field"><label for="known-tribunal">' + esc(t('tribunal')) + '</label> <select id="known-tribunal" ' +
      'name="tribunal">' + options + '</select></p>' +
      '<p class="field"><label for="known-asof">' + esc(t('auditAsOf')) + '</label> <input type="date" ' +
      'id="known-asof" name="asOf" required value="' + esc(isoDay(now)) + '"></p>' +
      '<p class="field"><label for="known-at">' + esc(t('auditKnownAt')) + '</label> <input type="datetime-local" ' +
      'id="known-at" name="knownAt" required step="1" value="' + esc(isoDay(now) + 'T00:00') + '"></p>' +
      '<p><button type="submit" data-testid="known-submit">' + esc(t('auditCompare')) + '</button></p></form>' +
      outcome('compared') + '</section>' +
      '<section aria-labelledby="rebuild-title"><h3 id="rebuild-title">' + esc(t('auditRebuild')) + '</h3>' +
      '<p class="help">' + esc(t('auditRebuildHelp')) + '</p>' +
      '<details class="command"><summary data-testid="rebuild-open">' + esc(t('auditRebuildOpen')) + '</summary>' +
      '<p><button type="button" id="rebuild" data-testid="rebuild">' + esc(t('auditRebuildRun')) + '</button></p>' +
      '</details>' + outcome('rebuilt') + '</section>' +
      '<section aria-labelledby="access-title"><h3 id="access-title">' + esc(t('auditAccess')) + '</h3>' +
      '<form id="access" class="desk-form" data-testid="access-form" novalidate>' +
      '<p class="field"><label for="access-user">' + esc(t('user')) + '</label> <input id="access-user" name="user" ' +
      'autocomplete="off" spellcheck="false"></p>' +
      '<p class="field"><label for="access-case">' + esc(t('auditCaseId')) + '</label> <input id="access-case" ' +
      'name="caseId" autocomplete="off" spellcheck="false"></p>' +
      '<p class="field"><label for="access-from">' + esc(t('from')) + '</label> <input type="date" id="access-from" ' +
      'name="from"> <label for="access-to">' + esc(t('to')) + '</label> <input type="date" id="access-to" ' +
      'name="to"></p>' +
      '<p><button type="submit" data-testid="access-submit">' + esc(t('auditShow')) + '</button></p></form>' +
      outcome('accesses') + '</section>';
    wireVerify(failure);
    wireLookup(failure);
    wireKnown(failure);
    wireRebuild(failure);
    wireAccess(failure);
    if (focus) { document.getElementById('view-title').focus(); }
  }, failure);
}

function wireVerify(failure) {
  document.getElementById('verify').addEventListener('click', () => verify(undefined, failure, authorization()));
  document.getElementById('save-head').addEventListener('click', () => {
    const auth = authorization();
    say('verified', '<p aria-busy="true">' + esc(t('loading')) + '</p>', auth);
    api('/api/audit/tree/heads/latest').then((answer) => {
      const head = answer.body;
      if (authorization() !== auth) { return; }
      downloadFile('greffe-tree-head-' + head.treeSize + '.json', JSON.stringify(head, null, 2) + '\n',
        'application/json');
      say('verified', '<p data-testid="head-saved">' + esc(t('auditHeadSaved', num(head.treeSize, 0),
        when(head.timestamp))) + '</p>', auth);
    }).catch((error) => {
      if (error instanceof ApiError && error.status === 404) {
        say('verified', '<p data-testid="head-none">' + esc(t('auditNoHead')) + '</p>', auth);
      } else { refusedIn('verified', failure, auth)(error); }
    });
  });
  document.getElementById('against').addEventListener('submit', (event) => {
    event.preventDefault();
    const auth = authorization();
    const file = event.target.head.files[0];
    if (!file) {
      say('verified', '<p class="error" role="alert">' + esc(t('deskChooseFile')) + '</p>', auth);
      return;
    }
    file.text().then((text) => {
      let head;
      try { head = JSON.parse(text); } catch (e) { head = null; }
      if (!head || typeof head !== 'object') {
        say('verified', '<p class="error" role="alert" data-testid="verified-error">' + esc(t('auditNotAHead')) +
          '</p>', auth);
        return;
      }
      verify(head, failure, auth);
    });
  });
}

/** Runs the verification (against a saved head when given) and says what it found, the first break above all. */
function verify(head, failure, auth) {
  say('verified', '<p aria-busy="true">' + esc(t('auditVerifying')) + '</p>', auth);
  send('POST', '/api/audit/verify', head).then((answer) => {
    const v = answer.body;
    const rows = [
      ['auditEventsChecked', num(v.eventsChecked, 0)],
      ['auditChainHead', v.chainHead || t('none')],
      ['auditSealed', v.sealing ? t('auditSealing', num(v.sealing.sealedThrough, 0), num(v.sealing.unsealedEvents, 0))
        : t('none')],
      ['auditAccessLog', v.accessLog ? (v.accessLog.ok ? t('auditWhole', num(v.accessLog.entriesChecked, 0))
        : t('auditBrokenAt', v.accessLog.firstBroken ? v.accessLog.firstBroken.id + ': ' +
          v.accessLog.firstBroken.reason : '')) : t('none')],
      ['auditTree', v.tree ? (v.tree.ok ? t('auditTreeOk', num(v.tree.treeSize, 0), v.tree.rootHash)
        : v.tree.problem) : t('none')]
    ];
    if (head) {
      // The saved head is checked only once the tree itself verifies: otherwise it was not shown to be extended.
      rows.push(['auditTrusted', v.tree && v.tree.ok ? t('auditExtends', num(head.treeSize, 0))
        : t('auditNotExtends', v.tree && v.tree.problem ? v.tree.problem : t('none'))]);
    }
    say('verified', '<p class="verdict ' + (v.ok ? 'ok' : 'broken') + '" data-testid="verdict" data-ok="' + (v.ok === true) +
      '" role="status">' + esc(v.ok ? t('auditOk') : t('auditBroken')) + '</p>' +
      (v.firstBroken ? '<p class="error" data-testid="first-broken">' + esc(t('auditFirstBroken',
        v.firstBroken.globalPosition, v.firstBroken.reason)) + '</p>' : '') +
      '<dl class="facts">' + rows.map((r) => '<dt>' + esc(t(r[0])) + '</dt><dd class="wrap">' + esc(r[1]) +
        '</dd>').join('') + '</dl>', auth);
  }).catch(refusedIn('verified', failure, auth));
}

function wireLookup(failure) {
  document.getElementById('lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    const auth = authorization();
    const asked = event.target.docket.value.trim();
    if (!asked) { return; }
    // A case id goes straight to its history; anything else is a docket number, at every tribunal.
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(asked)) {
      location.hash = '#/audit/case/' + encodeURIComponent(asked);
      return;
    }
    api('/api/cases?docketNumber=' + encodeURIComponent(asked)).then((answer) => {
      say('looked-up', answer.body.length === 0 ? '<p data-testid="looked-up-none">' + esc(t('deskNoneFound')) +
        '</p>' : '<ul>' + answer.body.map((match) => '<li><a href="#/audit/case/' + esc(match.caseId) +
        '" data-testid="history-link">' + esc(match.docketNumber) + '</a> — ' + esc(tribunalName(match.tribunalId)) +
        '</li>').join('') + '</ul>', auth);
    }).catch(refusedIn('looked-up', failure, auth));
  });
}

function wireKnown(failure) {
  document.getElementById('known').addEventListener('submit', (event) => {
    event.preventDefault();
    const auth = authorization();
    const form = event.target;
    const tribunal = form.tribunal.value;
    const asOf = form.asOf.value;
    const local = form.knownAt.value;
    const knownAt = local ? new Date(local) : null;
    if (!asOf || !knownAt || isNaN(knownAt.getTime())) {
      say('compared', '<p class="error" role="alert" data-testid="compared-error">' + esc(t('auditKnownInvalid')) +
        '</p>', auth);
      return;
    }
    say('compared', '<p aria-busy="true">' + esc(t('loading')) + '</p>', auth);
    const path = '/api/audit/caseload/' + encodeURIComponent(tribunal) + '?asOf=' + encodeURIComponent(asOf);
    Promise.all([api(path + '&knownAt=' + encodeURIComponent(knownAt.toISOString())), api(path)]).then((answers) => {
      const then = answers[0].body;
      const nowKnown = answers[1].body;
      say('compared', '<table class="data" data-testid="known-table"><caption>' + esc(t('auditKnownCaption',
        tribunalName(tribunal), day(asOf))) + '</caption><thead><tr><th scope="col">' + esc(t('figure')) +
        '</th><th scope="col">' + esc(t('auditKnownThen', when(then.knownAt))) + '</th><th scope="col">' +
        esc(t('auditKnownNow', when(nowKnown.knownAt))) + '</th><th scope="col">' + esc(t('auditChange')) +
        '</th></tr></thead><tbody>' + FIGURES.map((figure) => {
        const a = figure[1](then);
        const b = figure[1](nowKnown);
        const change = a === null || b === null || a === undefined || b === undefined ? null
          : Math.round((b - a) * 10) / 10;
        return '<tr data-testid="known-row" data-figure="' + esc(figure[0]) + '"><th scope="row">' +
          esc(t(figure[0])) + '</th><td>' + num(a) + '</td><td>' + num(b) + '</td><td>' +
          (change ? (change > 0 ? '+' : '') + num(change) : '') + '</td></tr>';
      }).join('') + '</tbody></table><p class="note">' + esc(t('auditReplayed', num(then.eventsRead, 0),
        num(nowKnown.eventsRead, 0), nowKnown.position)) + '</p>', auth);
    }).catch(refusedIn('compared', failure, auth));
  });
}

function wireRebuild(failure) {
  document.getElementById('rebuild').addEventListener('click', () => {
    const auth = authorization();
    send('POST', '/api/audit/rebuild').then((answer) => followRebuild(answer.body, auth, failure))
      .catch((error) => {
        if (error instanceof ApiError && error.status === 409) {
          // One is running already (another auditor's, or the start-up build): follow that one.
          api('/api/audit/rebuild').then((answer) => followRebuild(answer.body, auth, failure))
            .catch(refusedIn('rebuilt', failure, auth));
        } else { refusedIn('rebuilt', failure, auth)(error); }
      });
  });
}

/** Shows the rebuild's progress, read again every second while it runs and its page is shown to the same user. */
function followRebuild(status, auth, failure) {
  const box = say('rebuilt', '<p data-testid="rebuild-state" data-state="' + esc(status.state) + '">' +
    esc(t('auditRebuild' + status.state, num(status.eventsRead, 0), num(status.head, 0),
      num(status.eventsPerSecond, 0))) + '</p><progress max="100" value="' + esc(status.percent || 0) +
    '" aria-label="' + esc(t('auditRebuildProgress')) + '"></progress>' +
    (status.failure ? '<p class="error">' + esc(status.failure) + '</p>' : ''), auth);
  if (!box || status.state !== 'RUNNING') { return; }
  setTimeout(() => {
    if (authorization() !== auth || !document.getElementById('rebuilt')) { return; }
    api('/api/audit/rebuild').then((answer) => followRebuild(answer.body, auth, failure))
      .catch(refusedIn('rebuilt', failure, auth));
  }, 1000);
}

function wireAccess(failure) {
  document.getElementById('access').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    const query = [];
    const add = (name, value) => { if (value) { query.push(name + '=' + encodeURIComponent(value)); } };
    add('user', form.user.value.trim());
    add('caseId', form.caseId.value.trim());
    // Days as the auditor's clock has them: from the first one's midnight to the midnight after the last one.
    const midnight = (day, after) => {
      const date = new Date(day + 'T00:00');
      if (after) { date.setDate(date.getDate() + 1); }
      return date.toISOString();
    };
    add('from', form.from.value ? midnight(form.from.value, false) : '');
    add('to', form.to.value ? midnight(form.to.value, true) : '');
    add('limit', '50');
    accessPage('/api/audit/access?' + query.join('&'), failure, authorization());
  });
}

/** One page of the access log, newest first, with a button for the next. */
function accessPage(path, failure, auth) {
  api(path).then((answer) => {
    const page = answer.body;
    say('accesses', page.entries.length === 0 ? '<p data-testid="accesses-none">' + esc(t('auditNoAccess')) + '</p>'
      : '<table class="data" data-testid="access-table"><caption>' + esc(t('auditAccess')) + '</caption><thead><tr>' +
      ['auditAt', 'user', 'auditOperation', 'auditRead', 'auditClient', 'auditStatus'].map((key) =>
        '<th scope="col">' + esc(t(key)) + '</th>').join('') + '</tr></thead><tbody>' +
      page.entries.map((entry) => '<tr data-testid="access-row"><td>' + esc(when(entry.at)) + '</td><td>' +
        esc(entry.user) + '</td><td>' + esc(entry.operation) + '</td><td class="wrap">' +
        esc(entry.caseId || (entry.tribunalId ? tribunalName(entry.tribunalId) : '') || entry.path) + '</td><td>' +
        esc(entry.client) + '</td><td>' + esc(entry.status === null ? t('auditUnanswered') : entry.status) +
        '</td></tr>').join('') + '</tbody></table>' +
      (page.next ? '<p><button type="button" id="access-next" data-testid="access-next">' + esc(t('auditNext')) +
        '</button></p>' : ''), auth);
    const next = document.getElementById('access-next');
    if (next) {
      next.addEventListener('click', () => accessPage(page.next, failure, auth));
      next.focus();
    }
  }).catch(refusedIn('accesses', failure, auth));
}

/** A case's whole history as the event table holds it, with its export (hashes and proofs) to keep. */
export function showAuditCase(caseId, focus, failure) {
  loading(focus);
  const reading = Promise.all([tribunals(), api('/api/audit/cases/' + encodeURIComponent(caseId) + '/history')]);
  return whileSignedIn(reading, (answers) => {
    const history = answers[1].body;
    const filed = history.length ? history[0].payload : {};
    app.innerHTML = heading('auditCase', filed.docketNumber || caseId) + auditLinks() +
      '<p class="help">' + esc(t('auditCaseHelp', caseId)) + '</p>' +
      '<p class="actions"><button type="button" id="export" data-testid="export">' + esc(t('auditExport')) +
      '</button> <a href="#/desk/case/' + esc(caseId) + '">' + esc(t('auditAtDesk')) + '</a></p>' +
      outcome('exported') +
      '<table class="data" data-testid="audit-history"><caption>' + esc(t('deskHistory')) + '</caption><thead><tr>' +
      ['deskSeq', 'auditPosition', 'deskEvent', 'auditWhy', 'deskEffective', 'deskRecordedAt', 'deskRecordedBy',
        'deskSource', 'auditRequest', 'auditLink'].map((key) => '<th scope="col">' + esc(t(key)) + '</th>').join('') +
      '</tr></thead><tbody>' + history.map((event) => '<tr data-testid="audit-history-row"><td>' +
        esc(event.sequence) + '</td><td>' + esc(event.globalPosition) + '</td><td>' +
        esc(t('event_' + event.type.replace(/^.*\./, ''))) + '</td><td data-testid="why">' + esc(why(event.payload)) +
        '</td><td>' + esc(day(event.effectiveDate)) + '</td><td>' + esc(when(event.recordedAt)) + '</td><td>' +
        esc(event.recordedBy || t('none')) + '</td><td>' + esc(event.source || t('none')) + '</td><td class="wrap">' +
        esc(event.correlationId || t('none')) + '</td><td class="wrap" title="' + esc(event.hash || '') + '">' +
        esc(event.hash ? event.hash.substring(0, 12) + '…' : t('auditUnsealed')) + '</td></tr>').join('') +
      '</tbody></table>';
    document.getElementById('export').addEventListener('click', () => {
      const auth = authorization();
      fetchText('/api/audit/export?caseId=' + encodeURIComponent(caseId)).then((text) => {
        if (authorization() !== auth) { return; }
        downloadFile('greffe-case-' + caseId + '.ndjson', text, 'application/x-ndjson');
        say('exported', '<p data-testid="exported">' + esc(t('auditExported', text.split('\n')
          .filter((line) => line).length)) + '</p>', auth);
      }).catch(refusedIn('exported', failure, auth));
    });
    if (focus) { document.getElementById('view-title').focus(); }
  }, failure);
}

/** What the event says of why or how: its codes in the page's language, a tribunal by its name. */
function why(payload) {
  return WHY.filter((name) => payload[name] !== undefined && payload[name] !== null)
    .map((name) => name === 'toTribunalId' ? t('deskToTribunal') + ' ' + tribunalName(payload[name])
      : name === 'date' ? day(payload[name]) : t(payload[name])).join(', ');
}
