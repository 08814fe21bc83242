/* The registry desk, for clerks: find a case by its docket number, file a case, read a case and record what happens
   to it, import a docket file. Each form sends the request a client of the API would, so the same rules apply; a
   refusal is shown next to the field it concerns, in the page's language (Greffe words it), and a command names the
   version of the case the clerk saw (If-Match), so that two clerks never overwrite each other unknowingly. */
import { ApiError, api, authorization, send } from './api.js';
import { lang, t } from './i18n.js';
import { day, esc } from './format.js';
import { app, loading, tribunalName, tribunals, whileSignedIn } from './view.js';

const CODES = {
  offence: ['RAPE', 'SEXUAL_SLAVERY', 'FORCED_MARRIAGE', 'FORCED_PREGNANCY', 'SEXUAL_MUTILATION',
    'FORCED_PROSTITUTION', 'OTHER_SEXUAL_VIOLENCE'],
  accused: ['STATE_FORCES', 'NON_STATE_ARMED_GROUP', 'UNIDENTIFIED'],
  kind: ['PRELIMINARY', 'TRIAL'],
  adjournment: ['ACCUSED_ABSENT', 'WITNESS_ABSENT', 'COUNSEL_ABSENT', 'JUDGE_UNAVAILABLE', 'SECURITY',
    'INVESTIGATION_INCOMPLETE', 'OTHER'],
  verdict: ['CONVICTION', 'ACQUITTAL', 'PARTIAL_CONVICTION'],
  dismissal: ['INSUFFICIENT_EVIDENCE', 'NO_OFFENCE', 'TIME_BARRED', 'OTHER'],
  suspension: ['ACCUSED_AT_LARGE', 'STAY_OF_PROCEEDINGS', 'OTHER'],
  reopening: ['REMAND', 'NEW_EVIDENCE', 'OTHER']
};

/** What each command of a case asks for, besides its date: [field, codes] pairs, or the tribunal to go to. */
const COMMANDS = {
  hearings: [['kind', 'kind'], ['date', null]],
  judgment: [['on', null], ['verdict', 'verdict']],
  dismissal: [['on', null], ['reason', 'dismissal']],
  withdrawal: [['on', null]],
  transfer: [['on', null], ['toTribunalId', 'tribunal']],
  suspension: [['on', null], ['reason', 'suspension']],
  resumption: [['on', null]],
  reopening: [['on', null], ['reason', 'reopening']],
  held: [['on', null]],
  adjournment: [['on', null], ['reason', 'adjournment']]
};

function fieldId(form, name) {
  return form + '-' + name.replace(/[.[\]]/g, '-');
}

/** A labelled input, with the place its refusal is shown and tied to it for screen readers. */
function field(form, name, label, input) {
  const id = fieldId(form, name);
  return '<p class="field"><label for="' + id + '">' + esc(label) + '</label> ' +
    input.replace('<input', '<input id="' + id + '" name="' + esc(name) + '" aria-describedby="' + id + '-error"')
      .replace('<select', '<select id="' + id + '" name="' + esc(name) + '" aria-describedby="' + id + '-error"') +
    ' <span class="field-error" id="' + id + '-error" data-testid="error-' + esc(form) + '-' + esc(name) +
    '"></span></p>';
}

/** A choice among codes, labelled; none is chosen until the clerk chooses, so nothing is recorded by default. */
function choices(codes, required) {
  return '<select' + (required ? ' required' : '') + '><option value="">' + esc(t('deskChoose')) + '</option>' +
    codes.map((code) => '<option value="' + esc(code) + '">' + esc(t(code)) + '</option>').join('') + '</select>';
}

function tribunalChoices(list, blank) {
  return '<select><option value="">' + esc(blank || t('deskChoose')) + '</option>' +
    list.map((tr) => '<option value="' + esc(tr.id) + '">' + esc(tr.name) + '</option>').join('') + '</select>';
}

function formBox(id) {
  return '<p class="error" id="' + id + '-problem" data-testid="' + id + '-problem" role="alert" tabindex="-1" ' +
    'hidden></p>';
}

/** Clears what a form said before. */
function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((span) => { span.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  const box = document.getElementById(form.id + '-problem');
  if (box) { box.hidden = true; box.textContent = ''; }
}

/**
 * Shows a refusal: each field error next to its field (the first such field takes the focus), and what concerns no
 * field, or the whole request, above the form.
 */
function showErrors(form, error) {
  clearErrors(form);
  const problem = error instanceof ApiError ? error.problem : {};
  const unplaced = [];
  let first = null;
  (problem.errors || []).forEach((fieldError) => {
    const span = document.getElementById(fieldId(form.id, fieldError.field) + '-error');
    if (span) {
      span.textContent = fieldError.message;
      const input = document.getElementById(fieldId(form.id, fieldError.field));
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    } else {
      unplaced.push(fieldError.field + ' : ' + fieldError.message);
    }
  });
  const box = document.getElementById(form.id + '-problem');
  const said = unplaced.length ? unplaced.join(' ; ')
    : (problem.errors ? '' : deskProblem(error));
  if (said) {
    box.textContent = said;
    box.hidden = false;
  }
  if (first) { first.focus(); } else if (said) { box.focus(); }
}

function deskProblem(error) {
  const status = error instanceof ApiError ? error.status : null;
  if (status === 403) { return t('deskForbidden'); }
  if (status === 401) { return t('unauthorized'); }
  const problem = error instanceof ApiError ? error.problem : {};
  if (problem.type === 'urn:greffe:problem:concurrent-modification') {
    return problem.detail + ' ' + t('deskReread');
  }
  return [problem.title, problem.detail || (error && error.detail) || t('failed')]
    .filter((part) => part).join(' — ');
}

function value(form, name) {
  const input = form.elements[name];
  return input ? input.value.trim() : '';
}

function heading(key, arg) {
  return '<h2 id="view-title" tabindex="-1">' + esc(t(key, arg)) + '</h2>';
}

function deskLinks() {
  return '<nav class="desk-links" aria-label="' + esc(t('deskTitle')) + '"><a href="#/desk">' + esc(t('deskFind')) +
    '</a> · <a href="#/desk/import" data-testid="desk-import-link">' + esc(t('deskImport')) + '</a></nav>';
}

/** The desk's first page: find a case by its docket number, or file a new one. */
export function showDesk(focus, failure) {
  loading(focus);
  return whileSignedIn(tribunals(), (list) => {
    app.innerHTML = heading('deskTitle') + deskLinks() +
      '<section aria-labelledby="find-title"><h3 id="find-title">' + esc(t('deskFind')) + '</h3>' +
      '<form id="find" class="desk-form" data-testid="find-form" novalidate>' + formBox('find') +
      field('find', 'docketNumber', t('docketNumber'), '<input required autocomplete="off" spellcheck="false">') +
      field('find', 'tribunalId', t('tribunal'), tribunalChoices(list, t('deskAnyTribunal'))) +
      '<p><button type="submit" data-testid="find-submit">' + esc(t('deskSearch')) + '</button></p></form>' +
      '<div id="found" data-testid="found" aria-live="polite"></div></section>' +
      '<section aria-labelledby="file-title"><h3 id="file-title">' + esc(t('deskFile')) + '</h3>' +
      '<form id="file" class="desk-form" data-testid="file-form" novalidate>' + formBox('file') +
      field('file', 'docketNumber', t('docketNumber'), '<input required autocomplete="off" spellcheck="false">') +
      field('file', 'tribunalId', t('tribunal'), tribunalChoices(list, null)) +
      field('file', 'filedOn', t('filedOn'), '<input type="date" required>') +
      field('file', 'incidentOn', t('incidentOn'), '<input type="date">') +
      field('file', 'offence', t('offence'), choices(CODES.offence, true)) +
      '<fieldset><legend>' + esc(t('victims')) + '</legend>' +
      ['women', 'girls', 'men', 'boys'].map((group) => field('file', 'victims.' + group, t(group),
        '<input type="number" min="0" max="1000" step="1" value="0" inputmode="numeric">')).join('') +
      '</fieldset>' +
      field('file', 'accused', t('accusedAffiliation'), choices(CODES.accused, true)) +
      field('file', 'accusedGroup', t('accusedGroup'), '<input autocomplete="off" spellcheck="false">') +
      '<p class="help">' + esc(t('deskNoNames')) + '</p>' +
      '<p><button type="submit" data-testid="file-submit">' + esc(t('deskFileSubmit')) + '</button></p></form>' +
      '</section>';
    wireFind(document.getElementById('find'), failure);
    wireFile(document.getElementById('file'), failure);
    if (focus) { document.getElementById('view-title').focus(); }
  }, failure);
}

/** What a refused form does: a refusal of the credentials ends the session, anything else is shown on the form. */
function refused(form, failure) {
  return (error) => {
    if (error instanceof ApiError && error.status === 401) { failure(error); } else { showErrors(form, error); }
  };
}

function wireFind(form, failure) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const tribunal = value(form, 'tribunalId');
    const query = '?docketNumber=' + encodeURIComponent(value(form, 'docketNumber')) +
      (tribunal ? '&tribunalId=' + encodeURIComponent(tribunal) : '');
    const auth = authorization();
    api('/api/cases' + query).then((answer) => {
      const found = document.getElementById('found');
      if (authorization() !== auth || !found) { return; }
      found.innerHTML = answer.body.length === 0
        ? '<p data-testid="found-none">' + esc(t('deskNoneFound')) + '</p>'
        : '<ul>' + answer.body.map((match) => '<li><a href="#/desk/case/' + esc(match.caseId) +
          '" data-testid="found-case">' + esc(match.docketNumber) + '</a> — ' + esc(tribunalName(match.tribunalId)) +
          '</li>').join('') + '</ul>';
    }).catch(refused(form, failure));
  });
}

function wireFile(form, failure) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const count = (name) => {
      const text = value(form, name);
      return text === '' ? 0 : Number(text);
    };
    const body = {
      docketNumber: value(form, 'docketNumber'), tribunalId: value(form, 'tribunalId'),
      filedOn: value(form, 'filedOn') || null, incidentOn: value(form, 'incidentOn') || null,
      offence: value(form, 'offence') || null,
      victims: { women: count('victims.women'), girls: count('victims.girls'), men: count('victims.men'),
        boys: count('victims.boys') },
      accused: value(form, 'accused') || null, accusedGroup: value(form, 'accusedGroup') || null
    };
    send('POST', '/api/cases', body).then((answer) => {
      location.hash = '#/desk/case/' + encodeURIComponent(answer.body.caseId);
    }).catch(refused(form, failure));
  });
}

/** One case: where it stands, its hearings, what may be recorded next, and its history. */
export function showCase(caseId, focus, failure, said) {
  loading(focus);
  const path = '/api/cases/' + encodeURIComponent(caseId);
  const reading = Promise.all([tribunals(), api(path),
    api('/api/audit/cases/' + encodeURIComponent(caseId) + '/history').catch(() => null)]);
  return whileSignedIn(reading, (answers) => {
    const list = answers[0];
    const state = answers[1].body;
    const history = answers[2] ? answers[2].body : null;
    app.innerHTML = heading('deskCase', state.docketNumber) + deskLinks() +
      '<p class="note" role="status" tabindex="-1" id="case-said" data-testid="case-said">' + esc(said || '') +
      '</p>' +
      caseFacts(state) + hearingsTable(state) +
      '<section aria-labelledby="next-title"><h3 id="next-title">' + esc(t('deskNext')) + '</h3>' +
      (state.actions.length === 0 ? '<p>' + esc(t('deskNothingNext')) + '</p>'
        : state.actions.map((action) => commandForm(action, null, state, list)).join('')) + '</section>' +
      historyTable(history);
    app.querySelectorAll('form.command').forEach((form) => wireCommand(form, state, caseId, failure));
    // A new page takes the focus to its title; after a command, to what it says, so the keyboard is not lost.
    if (focus) { document.getElementById('view-title').focus(); } else if (said) {
      document.getElementById('case-said').focus();
    }
  }, failure);
}

function caseFacts(state) {
  const rows = [
    ['tribunal', tribunalName(state.tribunalId) + (state.filedAt !== state.tribunalId
      ? ' (' + t('deskFiledAt', tribunalName(state.filedAt)) + ')' : '')],
    ['deskStatus', t('status' + state.status)],
    ['filedOn', day(state.filedOn)],
    ['incidentOn', state.incidentOn ? day(state.incidentOn) : t('deskUnknown')],
    ['offence', t(state.offence)],
    ['victims', ['women', 'girls', 'men', 'boys'].map((g) => t(g) + ' ' + state.victims[g]).join(', ')],
    ['accusedAffiliation', t(state.accused) + (state.accusedGroup ? ' (' + state.accusedGroup + ')' : '')],
    ['deskLatest', day(state.latestOn)],
    ['deskVersion', String(state.version)]
  ];
  if (state.disposal) {
    rows.push(['deskDisposal', t('disposal' + state.disposal.kind) + ', ' + day(state.disposal.on) +
      (state.disposal.reason ? ' — ' + t(state.disposal.reason) : '')]);
  }
  if (state.suspension) {
    rows.push(['deskSuspension', day(state.suspension.on) + ' — ' + t(state.suspension.reason)]);
  }
  return '<dl class="facts" data-testid="case-facts">' + rows.map((row) => '<dt>' + esc(t(row[0])) + '</dt><dd' +
    ' data-testid="fact-' + esc(row[0]) + '">' + esc(row[1]) + '</dd>').join('') + '</dl>';
}

function hearingsTable(state) {
  if (state.hearings.length === 0) {
    return '<h3>' + esc(t('deskHearings')) + '</h3><p>' + esc(t('deskNoHearing')) + '</p>';
  }
  return '<table class="data" data-testid="hearings"><caption>' + esc(t('deskHearings')) + '</caption><thead><tr>' +
    ['deskKind', 'deskDate', 'deskState', 'deskOn', 'deskReason', 'deskRecord'].map((key) =>
      '<th scope="col">' + esc(t(key)) + '</th>').join('') + '</tr></thead><tbody>' +
    state.hearings.map((hearing) => '<tr data-testid="hearing" data-hearing="' + esc(hearing.hearingId) + '">' +
      '<td>' + esc(t(hearing.kind)) + '</td><td>' + esc(day(hearing.date)) + '</td>' +
      '<td data-testid="hearing-state">' + esc(t('hearing' + hearing.state)) + '</td>' +
      '<td>' + esc(hearing.on ? day(hearing.on) : t('none')) + '</td>' +
      '<td>' + esc(hearing.reason ? t(hearing.reason) : t('none')) + '</td>' +
      '<td>' + hearing.actions.map((action) => commandForm(action, hearing, state, null)).join('') + '</td></tr>')
      .join('') + '</tbody></table>';
}

/** A command's form, folded under its name: its date (no earlier than the case's latest) and its codes. */
function commandForm(action, hearing, state, list) {
  const id = 'cmd-' + action + (hearing ? '-' + hearing.hearingId : '');
  const fields = COMMANDS[action].map((pair) => {
    const name = pair[0];
    if (pair[1] === 'tribunal') {
      return field(id, name, t('deskToTribunal'), tribunalChoices(list.filter((tr) => tr.id !== state.tribunalId),
        null));
    }
    if (pair[1]) { return field(id, name, t('deskField_' + name), choices(CODES[pair[1]], true)); }
    return field(id, name, t(name === 'date' ? 'deskHearingDate' : 'deskOn'),
      '<input type="date" required min="' + esc(state.latestOn) + '">');
  }).join('');
  const path = '/api/cases/' + encodeURIComponent(state.caseId) +
    (hearing ? '/hearings/' + encodeURIComponent(hearing.hearingId) + '/' + action : '/' + action);
  return '<details class="command"><summary data-testid="action-' + esc(action) + '">' +
    esc(t('action_' + action)) + '</summary>' +
    '<form id="' + id + '" class="command desk-form" data-testid="form-' + esc(action) + '" data-path="' +
    esc(path) + '" novalidate>' + formBox(id) + fields + '<p><button type="submit" data-testid="submit-' +
    esc(action) + '">' + esc(t('deskRecordIt')) + '</button></p></form></details>';
}

function wireCommand(form, state, caseId, failure) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {};
    Array.prototype.forEach.call(form.elements, (input) => {
      if (input.name) { body[input.name] = input.value.trim() || null; }
    });
    send('POST', form.getAttribute('data-path'), body, { 'If-Match': '"' + state.version + '"' })
      .then(() => showCase(caseId, false, failure, t('deskRecorded')))
      .catch((error) => {
        if (error instanceof ApiError && error.problem.type === 'urn:greffe:problem:concurrent-modification') {
          // Another clerk recorded something meanwhile: show the case as it is now, and why nothing was recorded.
          showCase(caseId, false, failure, deskProblem(error));
        } else {
          refused(form, failure)(error);
        }
      });
  });
}

function historyTable(history) {
  if (!history) { return ''; }
  return '<table class="data" data-testid="history"><caption>' + esc(t('deskHistory')) + '</caption><thead><tr>' +
    ['deskSeq', 'deskEvent', 'deskEffective', 'deskRecordedAt', 'deskRecordedBy', 'deskSource'].map((key) =>
      '<th scope="col">' + esc(t(key)) + '</th>').join('') + '</tr></thead><tbody>' +
    history.map((event) => '<tr data-testid="history-row"><td>' + esc(event.sequence) + '</td><td>' +
      esc(t('event_' + event.type.replace(/^.*\./, ''))) + '</td><td>' + esc(day(event.effectiveDate)) +
      '</td><td>' + esc(new Date(event.recordedAt).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB')) +
      '</td><td>' + esc(event.recordedBy || t('none')) + '</td><td>' + esc(event.source || t('none')) +
      '</td></tr>').join('') + '</tbody></table>';
}

/** A docket file sent to the import, followed until it is done, with the rows it refused. */
export function showImport(focus, failure) {
  loading(focus);
  app.innerHTML = heading('deskImport') + deskLinks() +
    '<p class="help">' + esc(t('deskImportHelp')) + ' <a href="docket-template.csv" download ' +
    'data-testid="docket-template">' + esc(t('deskTemplate')) + '</a></p>' +
    '<form id="upload" class="desk-form" data-testid="upload-form" novalidate>' + formBox('upload') +
    field('upload', 'file', t('deskFileToImport'), '<input type="file" accept=".csv,text/csv" required>') +
    '<p><button type="submit" data-testid="upload-submit">' + esc(t('deskImportSubmit')) + '</button></p></form>' +
    '<div id="job" data-testid="job" aria-live="polite"></div>';
  const form = document.getElementById('upload');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const file = form.elements.file.files[0];
    if (!file) {
      showErrors(form, new ApiError(400, '', { errors: [{ field: 'file', message: t('deskChooseFile') }] }));
      return;
    }
    // The file's bytes as they are: Greffe refuses one that is not UTF-8 rather than the page re-encoding it.
    const auth = authorization();
    send('POST', '/api/dockets', file, {}, 'text/csv')
      .then((answer) => follow(answer.body.id, auth, failure))
      .catch(refused(form, failure));
  });
  if (focus) { document.getElementById('view-title').focus(); }
}

/** Reads the job every half second until it ends, as long as the same user is signed in and its page shown. */
function follow(jobId, auth, failure) {
  if (authorization() !== auth || !document.getElementById('job')) { return; }
  api('/api/dockets/' + encodeURIComponent(jobId)).then((answer) => {
    if (authorization() !== auth) { return; }
    const job = answer.body;
    drawJob(job);
    if (job.state === 'RUNNING') { setTimeout(() => follow(jobId, auth, failure), 500); }
  }).catch((error) => { if (authorization() === auth) { failure(error); } });
}

function drawJob(job) {
  const box = document.getElementById('job');
  if (!box) { return; }
  box.innerHTML = '<p data-testid="job-state" data-state="' + esc(job.state) + '">' +
    esc(t('deskJob' + job.state, job.done, job.rows)) + '</p>' +
    '<progress max="' + esc(job.rows) + '" value="' + esc(job.done) + '" aria-label="' + esc(t('deskProgress')) +
    '"></progress>' +
    '<p data-testid="job-counts">' + esc(t('deskJobCounts', job.accepted, job.alreadyImported, job.rejectedTotal)) +
    '</p>' + (job.error ? '<p class="error">' + esc(job.error) + '</p>' : '') +
    (job.rejected && job.rejected.length ? '<table class="data" data-testid="rejected"><caption>' + esc(t('deskRejected')) +
      '</caption><thead><tr><th scope="col">' + esc(t('deskLine')) + '</th><th scope="col">' +
      esc(t('deskWhy')) + '</th></tr></thead><tbody>' + job.rejected.map((row) => '<tr><td>' + esc(row.line) +
      '</td><td>' + esc(row.error) + '</td></tr>').join('') + '</tbody></table>' : '');
}
