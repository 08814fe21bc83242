/* Greffe dashboard: plain JavaScript, no build step, no outside address. It reads only the JSON API, with the
   signed-in user's credentials, so roles and small-cell suppression apply exactly as for the API. */
(function () {
  'use strict';

  var REPORT_TRIBUNAL = 'bamako-commune-iii';
  var AUTH_KEY = 'greffe.authorization';
  var LANG_KEY = 'greffe.lang';

  var I18N = {
    fr: {
      skip: 'Aller au contenu', title: 'Greffe — tableau de bord', signOut: 'Se déconnecter', switchTo: 'English',
      switchLabel: 'Switch to English', signedInAs: 'Connecté : ',
      signInTitle: 'Connexion', signInHelp: 'Mode démonstration : utilisateur et mot de passe (par exemple advocate / advocate). Sinon : le jeton d’accès (JWT) de votre fournisseur d’identité.',
      user: 'Utilisateur', password: 'Mot de passe', token: 'Jeton d’accès (bearer)', signIn: 'Se connecter',
      needCredentials: 'Saisissez un utilisateur et un mot de passe, ou un jeton.',
      unauthorized: 'Identifiants refusés ou session expirée : connectez-vous à nouveau.',
      forbidden: 'Votre rôle ne permet pas de lire ces chiffres.',
      rebuilding: 'Les chiffres sont en cours de reconstruction ; nouvel essai dans quelques secondes.',
      failed: 'Impossible de lire les chiffres : ', loading: 'Chargement…',
      overview: 'Vue d’ensemble des tribunaux', overviewCaption: 'Un tribunal par ligne ; cliquez un en-tête pour trier.',
      period: 'Période', from: 'Du', to: 'Au', apply: 'Appliquer', filter: 'Filtrer les tribunaux',
      reportTribunal: 'tribunal du rapport', goReport: 'Aller à Bamako commune III (tribunal du rapport)',
      tribunal: 'Tribunal', pending: 'En cours', neverTried: 'Jamais jugées en audience',
      oldestAge: 'Âge de la plus ancienne affaire en cours (jours)', clearanceRate: 'Taux de variation du stock (%)',
      sortAsc: 'tri croissant', sortDesc: 'tri décroissant',
      downloadCsv: 'Télécharger les chiffres (CSV)', back: '← Tous les tribunaux', open: 'Ouvrir',
      keyFigures: 'Chiffres clés', figure: 'Chiffre', value: 'Valeur',
      activePending: 'En cours actives', suspended: 'Suspendues', medianAge: 'Âge médian (jours)',
      beyondStandard: 'Au-delà du délai de référence (%)', incoming: 'Entrées', outgoing: 'Sorties',
      dispositionTime: 'Délai d’écoulement du stock (jours)',
      timeline: 'Affaires en cours au fil du temps', month: 'Mois', pendingEnd: 'En cours en fin de mois',
      breakdowns: 'Affaires en cours par catégorie', breakdownsHelp: 'Au {0}. Un effectif masqué protège les quelques personnes qu’il désignerait ; les totaux restent exacts.',
      byOffence: 'Par infraction', byAccused: 'Par auteur présumé', byVictimGroup: 'Par groupe de victimes (victimes, non affaires)',
      category: 'Catégorie', count: 'Nombre', total: 'Total', masked: 'masqué',
      RAPE: 'Viol', SEXUAL_SLAVERY: 'Esclavage sexuel', FORCED_MARRIAGE: 'Mariage forcé', FORCED_PREGNANCY: 'Grossesse forcée',
      SEXUAL_MUTILATION: 'Mutilation sexuelle', FORCED_PROSTITUTION: 'Prostitution forcée',
      OTHER_SEXUAL_VIOLENCE: 'Autre violence sexuelle', STATE_FORCES: 'Forces de l’État',
      NON_STATE_ARMED_GROUP: 'Groupe armé non étatique', UNIDENTIFIED: 'Non identifié',
      women: 'Femmes', girls: 'Filles', men: 'Hommes', boys: 'Garçons',
      ageBands: 'Répartition par âge des affaires en cours actives', band: 'Âge (jours)', cases: 'Affaires',
      certainty: 'Fiabilité des dates d’audience de jugement',
      certaintyHelp: 'Affaires jugées dans la période, selon le nombre d’audiences de jugement fixées.',
      hearingsSet: 'Audiences de jugement fixées', noTrial: 'Aucune affaire n’a été jugée dans cette période : il n’y a pas de fiabilité des dates à mesurer.',
      ttd: 'Délai de jugement au regard du délai de référence',
      ttdHelp: 'Affaires terminées dans la période (jugées, classées, retirées) : part cumulée (%) terminée dans le délai.',
      disposed: 'Affaires terminées', withinQuarter: 'Dans ¼ du délai', withinHalf: 'Dans ½ du délai',
      withinStandard: 'Dans le délai', beyond: 'Au-delà du délai', share: 'Part (%)',
      noDisposal: 'Aucune affaire terminée dans cette période.',
      suppressed: 'Petits effectifs masqués (seuil {0}) comme dans l’API.',
      release: 'Chiffres publiés : diffusion mensuelle de {0}, faite le {1}. Hors totaux du tribunal (affaires en cours, jamais jugées), les effectifs portent un léger bruit et les petits effectifs sont masqués ; les greffiers et les auditeurs voient les chiffres exacts.',
      notBrokenDown: 'Moins de {0} affaires en cours : seuls les totaux sont publiés, sans répartition.',
      asOf: 'Chiffres au {0}, position {1} du journal{2}.', behind: ' (mise à jour en cours : tête {0})',
      asOfDay: 'Chiffres au {0}.',
      notPublished: 'Non publié : à quelques affaires par mois, la façon dont elles se terminent désignerait des affaires précises. Les greffiers et les auditeurs voient cette mesure.',
      live: 'En direct', reconnecting: 'Reconnexion…', offline: 'Hors ligne', table: 'Tableau des données',
      chartOf: 'Graphique : ', none: '—', notFound: 'Tribunal inconnu.', invalidPeriod: 'Période invalide.'
    },
    en: {
      skip: 'Skip to content', title: 'Greffe — dashboard', signOut: 'Sign out', switchTo: 'Français',
      switchLabel: 'Passer en français', signedInAs: 'Signed in: ',
      signInTitle: 'Sign in', signInHelp: 'Demo mode: user and password (for instance advocate / advocate). Otherwise: the access token (JWT) from your identity provider.',
      user: 'User', password: 'Password', token: 'Access token (bearer)', signIn: 'Sign in',
      needCredentials: 'Enter a user and a password, or a token.',
      unauthorized: 'Credentials refused or expired: please sign in again.',
      forbidden: 'Your role may not read these figures.',
      rebuilding: 'The figures are being rebuilt; trying again in a few seconds.',
      failed: 'Could not read the figures: ', loading: 'Loading…',
      overview: 'Tribunals overview', overviewCaption: 'One tribunal per row; select a column header to sort.',
      period: 'Period', from: 'From', to: 'To', apply: 'Apply', filter: 'Filter tribunals',
      reportTribunal: 'report’s tribunal', goReport: 'Go to Bamako commune III (the report’s tribunal)',
      tribunal: 'Tribunal', pending: 'Pending', neverTried: 'Never brought to trial',
      oldestAge: 'Oldest pending case’s age (days)', clearanceRate: 'Clearance rate (%)',
      sortAsc: 'sorted ascending', sortDesc: 'sorted descending',
      downloadCsv: 'Download figures (CSV)', back: '← All tribunals', open: 'Open',
      keyFigures: 'Key figures', figure: 'Figure', value: 'Value',
      activePending: 'Active pending', suspended: 'Suspended', medianAge: 'Median age (days)',
      beyondStandard: 'Beyond the time standard (%)', incoming: 'Incoming', outgoing: 'Outgoing',
      dispositionTime: 'Disposition time (days)',
      timeline: 'Pending caseload over time', month: 'Month', pendingEnd: 'Pending at month end',
      breakdowns: 'Pending cases by category', breakdownsHelp: 'On {0}. A suppressed count protects the few people it would single out; totals stay exact.',
      byOffence: 'By offence', byAccused: 'By alleged perpetrator', byVictimGroup: 'By victim group (victims, not cases)',
      category: 'Category', count: 'Count', total: 'Total', masked: 'suppressed',
      RAPE: 'Rape', SEXUAL_SLAVERY: 'Sexual slavery', FORCED_MARRIAGE: 'Forced marriage', FORCED_PREGNANCY: 'Forced pregnancy',
      SEXUAL_MUTILATION: 'Sexual mutilation', FORCED_PROSTITUTION: 'Forced prostitution',
      OTHER_SEXUAL_VIOLENCE: 'Other sexual violence', STATE_FORCES: 'State forces',
      NON_STATE_ARMED_GROUP: 'Non-state armed group', UNIDENTIFIED: 'Unidentified',
      women: 'Women', girls: 'Girls', men: 'Men', boys: 'Boys',
      ageBands: 'Age of the active pending cases', band: 'Age (days)', cases: 'Cases',
      certainty: 'Trial date certainty',
      certaintyHelp: 'Cases judged in the period, by how many trial hearings were set.',
      hearingsSet: 'Trial hearings set', noTrial: 'No case was judged in this period: there is no trial date certainty to measure.',
      ttd: 'Time to disposition against the standard',
      ttdHelp: 'Cases disposed of in the period (judged, dismissed, withdrawn): cumulative share (%) within the standard.',
      disposed: 'Cases disposed of', withinQuarter: 'Within ¼ of the standard', withinHalf: 'Within ½ of the standard',
      withinStandard: 'Within the standard', beyond: 'Beyond the standard', share: 'Share (%)',
      noDisposal: 'No case was disposed of in this period.',
      suppressed: 'Small cells suppressed (threshold {0}), as in the API.',
      release: 'Published figures: the monthly release of {0}, made on {1}. Apart from the tribunal totals (pending, never brought to trial), counts carry a little noise and small cells are hidden; clerks and auditors see exact figures.',
      notBrokenDown: 'Fewer than {0} cases pending: only the totals are published, not broken down.',
      asOf: 'Figures as of {0}, log position {1}{2}.', behind: ' (catching up: head {0})',
      asOfDay: 'Figures as of {0}.',
      notPublished: 'Not published: at a few cases a month, how cases end would point at particular cases. Clerks and auditors see this measure.',
      live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline', table: 'Data table',
      chartOf: 'Chart: ', none: '—', notFound: 'Unknown tribunal.', invalidPeriod: 'Invalid period.'
    }
  };

  var state = {
    lang: initialLang(),
    sort: { key: 'pending', dir: 'desc' },
    filter: '',
    from: null,
    to: null,
    position: null,
    shown: null,     // what the current view shows: {csvName, rows}
    shownDay: null,  // the day the overview's figures stand on (a release's last day, for published figures)
    release: null,   // the release the overview's figures come from, if any
    tribunals: null,
    stream: null
  };

  var app = document.getElementById('app');

  function initialLang() {
    var saved = null;
    try { saved = localStorage.getItem(LANG_KEY); } catch (e) { /* storage off */ }
    if (saved === 'fr' || saved === 'en') { return saved; }
    return (navigator.language || 'en').toLowerCase().indexOf('fr') === 0 ? 'fr' : 'en';
  }

  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var text = I18N[state.lang][key];
    if (text === undefined) { text = key; }
    return text.replace(/\{(\d)\}/g, function (m, i) { return args[i]; });
  }

  function esc(value) {
    return String(value === null || value === undefined ? '' : value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function num(value, digits) {
    if (value === null || value === undefined) { return t('none'); }
    return new Intl.NumberFormat(state.lang, { maximumFractionDigits: digits === undefined ? 1 : digits })
      .format(value);
  }

  function isoDay(date) {
    return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-'
      + String(date.getDate()).padStart(2, '0');
  }

  function defaultPeriod() {
    var today = new Date();
    var yearBefore = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate());
    return { from: isoDay(yearBefore), to: isoDay(today) };
  }

  // ---------- credentials and API ----------

  function authorization() {
    try { return sessionStorage.getItem(AUTH_KEY); } catch (e) { return null; }
  }

  function setAuthorization(value) {
    try {
      if (value) { sessionStorage.setItem(AUTH_KEY, value); } else { sessionStorage.removeItem(AUTH_KEY); }
    } catch (e) { /* storage off: the user signs in again */ }
  }

  function ApiError(status, detail) { this.status = status; this.detail = detail; }

  function api(path) {
    var auth = authorization();
    if (!auth) { return Promise.reject(new ApiError(401)); }
    return fetch(path, { headers: { 'Authorization': auth, 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            throw new ApiError(response.status, problem.detail || response.statusText);
          });
        }
        var position = response.headers.get('Greffe-Log-Position');
        var head = response.headers.get('Greffe-Log-Head');
        return response.json().then(function (body) {
          return { body: body, position: position, head: head };
        });
      });
  }

  function failure(error) {
    if (error instanceof ApiError && error.status === 401) {
      setAuthorization(null);
      stopStream();
      renderSignIn(t('unauthorized'));
      return;
    }
    var message;
    if (error instanceof ApiError && error.status === 403) { message = t('forbidden'); }
    else if (error instanceof ApiError && error.status === 503) {
      message = t('rebuilding');
      setTimeout(route, 5000);
    } else if (error instanceof ApiError && error.status === 404) { message = t('notFound'); }
    else if (error instanceof ApiError && error.status === 400) { message = t('invalidPeriod') + ' ' + (error.detail || ''); }
    else { message = t('failed') + (error && (error.detail || error.message) || ''); }
    var box = document.getElementById('errors');
    if (!box) {
      app.innerHTML = '<p id="errors"></p>';
      box = document.getElementById('errors');
    }
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'error');
    box.className = 'error';
    box.textContent = message;
  }

  // ---------- sign-in ----------

  function renderSignIn(message) {
    document.getElementById('sign-out').hidden = true;
    document.getElementById('whoami').textContent = '';
    document.getElementById('live').textContent = '';
    app.innerHTML =
      '<form id="sign-in" class="card sign-in" data-testid="sign-in-form" novalidate>' +
      '<h2 tabindex="-1">' + esc(t('signInTitle')) + '</h2>' +
      (message ? '<p class="error" role="alert" data-testid="sign-in-message">' + esc(message) + '</p>' : '') +
      '<p class="help">' + esc(t('signInHelp')) + '</p>' +
      '<p><label for="user">' + esc(t('user')) + '</label>' +
      '<input id="user" name="user" autocomplete="username" data-testid="sign-in-user"></p>' +
      '<p><label for="password">' + esc(t('password')) + '</label>' +
      '<input id="password" name="password" type="password" autocomplete="current-password" data-testid="sign-in-password"></p>' +
      '<p><label for="token">' + esc(t('token')) + '</label>' +
      '<input id="token" name="token" autocomplete="off" spellcheck="false" data-testid="sign-in-token"></p>' +
      '<p><button type="submit" data-testid="sign-in-submit">' + esc(t('signIn')) + '</button></p>' +
      '</form>';
    var form = document.getElementById('sign-in');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var user = form.user.value.trim();
      var password = form.password.value;
      var token = form.token.value.trim().replace(/^Bearer\s+/i, '');
      var value = null;
      if (token) { value = 'Bearer ' + token; }
      else if (user && password) {
        value = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
      }
      if (!value) { renderSignIn(t('needCredentials')); return; }
      setAuthorization(value);
      try { sessionStorage.setItem(AUTH_KEY + '.user', user || 'token'); } catch (e) { /* ignore */ }
      route();
    });
    (message ? form.querySelector('[role=alert]') : form.user).focus();
  }

  function showUser() {
    var user = null;
    try { user = sessionStorage.getItem(AUTH_KEY + '.user'); } catch (e) { /* ignore */ }
    document.getElementById('whoami').textContent = user ? t('signedInAs') + user : '';
    document.getElementById('sign-out').hidden = false;
  }

  // ---------- routing ----------

  function currentRoute() {
    var hash = location.hash.replace(/^#\/?/, '');
    var match = /^tribunal\/([a-z0-9-]+)/.exec(hash);
    return match ? { view: 'tribunal', id: match[1] } : { view: 'overview' };
  }

  function route() {
    if (!authorization()) { renderSignIn(); return; }
    showUser();
    startStream();
    var r = currentRoute();
    if (r.view === 'tribunal') { showTribunal(r.id, true); } else { showOverview(true); }
  }

  function tribunals() {
    if (state.tribunals) { return Promise.resolve(state.tribunals); }
    return api('/api/tribunals').then(function (answer) {
      state.tribunals = answer.body;
      return answer.body;
    });
  }

  function tribunalName(id) {
    var found = (state.tribunals || []).filter(function (tr) { return tr.id === id; })[0];
    return found ? found.name : id;
  }

  function periodQuery() {
    return '?from=' + encodeURIComponent(state.from) + '&to=' + encodeURIComponent(state.to);
  }

  function periodForm() {
    return '<form id="period" class="period" data-testid="period-form">' +
      '<fieldset><legend>' + esc(t('period')) + '</legend>' +
      '<label for="from">' + esc(t('from')) + '</label> ' +
      '<input type="date" id="from" name="from" required value="' + esc(state.from) + '" data-testid="period-from"> ' +
      '<label for="to">' + esc(t('to')) + '</label> ' +
      '<input type="date" id="to" name="to" required value="' + esc(state.to) + '" data-testid="period-to"> ' +
      '<button type="submit" data-testid="period-apply">' + esc(t('apply')) + '</button>' +
      '</fieldset></form>';
  }

  function wirePeriod(reload) {
    document.getElementById('period').addEventListener('submit', function (event) {
      event.preventDefault();
      var from = event.target.from.value;
      var to = event.target.to.value;
      if (!from || !to || from > to) { failure(new ApiError(400, '')); return; }
      state.from = from;
      state.to = to;
      reload();
    });
  }

  function positionLine(day, position, head, release) {
    if (release) {
      // Published figures name their release only: no log position.
      return '<p class="as-of" data-testid="as-of">' + esc(t('asOfDay', day)) + '</p>' +
        '<p class="note" data-testid="release-note" data-release="' + esc(release.month) + '">' +
        esc(t('release', release.month, release.madeOn)) + '</p>';
    }
    var behind = head !== null && position !== null && Number(head) > Number(position) ? t('behind', head) : '';
    return '<p class="as-of" data-testid="as-of">' + esc(t('asOf', day, position, behind)) + '</p>';
  }

  function csvButton() {
    return '<button type="button" id="download-csv" data-testid="download-csv">' + esc(t('downloadCsv')) + '</button>';
  }

  function wireCsv() {
    document.getElementById('download-csv').addEventListener('click', downloadCsv);
  }

  // ---------- overview ----------

  var overviewRows = [];

  function showOverview(focus) {
    if (focus) { app.innerHTML = '<p aria-busy="true">' + esc(t('loading')) + '</p>'; }
    tribunals().then(function (list) {
      return Promise.all(list.map(function (tr) {
        return api('/api/caseload/' + encodeURIComponent(tr.id) + periodQuery()).then(function (answer) {
          return { tribunal: tr, figures: answer.body, position: answer.position, head: answer.head };
        });
      }));
    }).then(function (answers) {
      if (!authorization()) { return; } // signed out meanwhile: draw nothing
      overviewRows = answers.map(function (a) {
        return {
          id: a.tribunal.id, name: a.tribunal.name, pending: a.figures.pending, neverTried: a.figures.neverTried,
          oldestAgeDays: a.figures.oldestAgeDays, clearanceRate: a.figures.measures.clearanceRate,
          from: a.figures.from, to: a.figures.to
        };
      });
      var lowest = answers.reduce(function (low, a) {
        return low === null || Number(a.position) < Number(low.position) ? a : low;
      }, null);
      state.shownDay = lowest ? lowest.figures.to : state.to;
      state.release = lowest ? lowest.figures.release : null;
      renderOverview(focus, lowest ? lowest.position : null, lowest ? lowest.head : null);
    }).catch(failure);
  }

  var COLUMNS = [
    { key: 'name', label: 'tribunal', text: true },
    { key: 'pending', label: 'pending' },
    { key: 'neverTried', label: 'neverTried' },
    { key: 'oldestAgeDays', label: 'oldestAge' },
    { key: 'clearanceRate', label: 'clearanceRate' }
  ];

  function sortedRows() {
    var key = state.sort.key;
    var sign = state.sort.dir === 'asc' ? 1 : -1;
    var filter = state.filter.toLowerCase();
    return overviewRows.filter(function (row) {
      return !filter || row.name.toLowerCase().indexOf(filter) >= 0 || row.id.indexOf(filter) >= 0;
    }).sort(function (a, b) {
      var x = a[key];
      var y = b[key];
      if (x === null || x === undefined) { return y === null || y === undefined ? 0 : 1; }
      if (y === null || y === undefined) { return -1; }
      if (typeof x === 'string') { return sign * x.localeCompare(y, state.lang); }
      return sign * (x - y);
    });
  }

  function renderOverview(focus, position, head) {
    var rows = sortedRows();
    var html = '<h2 id="view-title" tabindex="-1" data-testid="view-title">' + esc(t('overview')) + '</h2>' +
      periodForm() +
      '<p class="actions"><a href="#/tribunal/' + REPORT_TRIBUNAL + '" data-testid="report-tribunal-link">' +
      esc(t('goReport')) + '</a> ' + csvButton() + '</p>' +
      '<p><label for="filter">' + esc(t('filter')) + '</label> ' +
      '<input id="filter" type="search" value="' + esc(state.filter) + '" data-testid="tribunal-filter"></p>' +
      positionLine(state.shownDay || state.to, position, head, state.release) +
      '<table class="data" data-testid="overview-table"><caption>' + esc(t('overviewCaption')) + '</caption><thead><tr>';
    COLUMNS.forEach(function (column) {
      var sorted = state.sort.key === column.key;
      var aria = sorted ? (state.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
      html += '<th scope="col" aria-sort="' + aria + '"' + (column.text ? '' : ' class="num"') + '>' +
        '<button type="button" class="sort" data-sort="' + column.key + '" data-testid="sort-' + column.key + '">' +
        esc(t(column.label)) + '<span class="arrow" aria-hidden="true">' +
        (sorted ? (state.sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕') + '</span></button></th>';
    });
    html += '</tr></thead><tbody>';
    rows.forEach(function (row) {
      var report = row.id === REPORT_TRIBUNAL;
      html += '<tr data-testid="tribunal-row-' + esc(row.id) + '"' + (report ? ' class="report"' : '') + '>' +
        '<th scope="row"><a href="#/tribunal/' + esc(row.id) + '" data-testid="tribunal-link-' + esc(row.id) + '">' +
        esc(row.name) + '</a>' + (report ? ' <span class="badge">' + esc(t('reportTribunal')) + '</span>' : '') +
        '</th>' +
        '<td class="num" data-testid="pending">' + num(row.pending) + '</td>' +
        '<td class="num" data-testid="never-tried">' + num(row.neverTried) + '</td>' +
        '<td class="num" data-testid="oldest-age">' + num(row.oldestAgeDays) + '</td>' +
        '<td class="num" data-testid="clearance-rate">' + num(row.clearanceRate) + '</td></tr>';
    });
    html += '</tbody></table>';
    var active = document.activeElement && document.activeElement.getAttribute('data-testid');
    app.innerHTML = html;
    state.shown = {
      csvName: 'greffe-overview-' + (state.shownDay || state.to) + '.csv',
      rows: [['tribunalId', 'tribunal', 'from', 'to', 'pending', 'neverTried', 'oldestAgeDays', 'clearanceRate']]
        .concat(rows.map(function (row) {
          return [row.id, row.name, row.from, row.to, row.pending, row.neverTried, row.oldestAgeDays,
            row.clearanceRate];
        }))
    };
    wirePeriod(function () { showOverview(false); });
    wireCsv();
    Array.prototype.forEach.call(app.querySelectorAll('button.sort'), function (button) {
      button.addEventListener('click', function () {
        var key = button.getAttribute('data-sort');
        state.sort = { key: key, dir: state.sort.key === key && state.sort.dir === 'desc' ? 'asc'
          : (state.sort.key === key ? 'desc' : (key === 'name' ? 'asc' : 'desc')) };
        renderOverview(false, position, head);
        app.querySelector('[data-sort="' + key + '"]').focus();
      });
    });
    var filter = document.getElementById('filter');
    filter.addEventListener('input', function () {
      state.filter = filter.value;
      renderOverview(false, position, head);
      var again = document.getElementById('filter');
      again.focus();
      again.setSelectionRange(again.value.length, again.value.length);
    });
    restoreFocus(focus, active);
  }

  function restoreFocus(focus, active) {
    if (focus) {
      document.getElementById('view-title').focus();
    } else if (active) {
      var again = app.querySelector('[data-testid="' + active + '"]');
      if (again) { again.focus(); }
    }
  }

  // ---------- one tribunal ----------

  function showTribunal(id, focus) {
    if (focus) { app.innerHTML = '<p aria-busy="true">' + esc(t('loading')) + '</p>'; }
    Promise.all([
      tribunals(),
      api('/api/caseload/' + encodeURIComponent(id) + periodQuery()),
      api('/api/caseload/' + encodeURIComponent(id) + '/timeline' + periodQuery())
    ]).then(function (answers) {
      if (!authorization()) { return; } // signed out meanwhile: draw nothing
      renderTribunal(id, answers[1], answers[2].body, focus);
    }).catch(failure);
  }

  function renderTribunal(id, answer, timeline, focus) {
    var f = answer.body;
    var m = f.measures;
    var name = tribunalName(id);
    var csv = [['tribunalId', 'from', 'to', 'section', 'item', 'value']];
    function add(section, item, value) { csv.push([id, f.from, f.to, section, item, value]); }

    var key = [
      ['pending', f.pending], ['activePending', f.activePending], ['suspended', f.suspended],
      ['neverTried', f.neverTried], ['oldestAge', f.oldestAgeDays], ['medianAge', f.medianAgeDays],
      ['beyondStandard', f.beyondStandard], ['incoming', m.incoming], ['outgoing', m.outgoing],
      ['clearanceRate', m.clearanceRate], ['dispositionTime', m.dispositionTimeDays]
    ];
    var keyIds = { pending: 'pending', activePending: 'active-pending', suspended: 'suspended',
      neverTried: 'never-tried', oldestAge: 'oldest-age', medianAge: 'median-age', beyondStandard: 'beyond-standard',
      incoming: 'incoming', outgoing: 'outgoing', clearanceRate: 'clearance-rate', dispositionTime: 'disposition-time' };
    var html = '<p><a href="#/" data-testid="back-link">' + esc(t('back')) + '</a></p>' +
      '<h2 id="view-title" tabindex="-1" data-testid="view-title">' + esc(name) +
      (id === REPORT_TRIBUNAL ? ' <span class="badge">' + esc(t('reportTribunal')) + '</span>' : '') + '</h2>' +
      periodForm() + '<p class="actions">' + csvButton() + '</p>' +
      positionLine(f.to, answer.position, answer.head, f.release);
    if (f.smallCells && f.smallCells.applied) {
      html += '<p class="note" data-testid="suppression-note">' + esc(t('suppressed', f.smallCells.threshold)) + '</p>';
    }

    html += '<section aria-labelledby="key-title"><h3 id="key-title">' + esc(t('keyFigures')) + '</h3>' +
      '<dl class="key" data-testid="key-figures">';
    key.forEach(function (k) {
      html += '<div><dt>' + esc(t(k[0])) + '</dt><dd data-testid="' + keyIds[k[0]] + '">' + num(k[1]) + '</dd></div>';
      add('key', k[0] === 'oldestAge' ? 'oldestAgeDays' : (k[0] === 'medianAge' ? 'medianAgeDays'
        : (k[0] === 'dispositionTime' ? 'dispositionTimeDays' : k[0])), k[1]);
    });
    html += '</dl></section>';

    // timeline
    html += '<section aria-labelledby="timeline-title" data-testid="timeline"><h3 id="timeline-title">' +
      esc(t('timeline')) + '</h3>' + lineChart('timeline-chart', t('timeline'), timeline) +
      dataTable('timeline-table', t('timeline'), [t('month'), t('incoming'), t('outgoing'), t('pendingEnd')],
        timeline.map(function (row) { return [row.month, row.incoming, row.outgoing, row.pendingEnd]; })) +
      '</section>';
    timeline.forEach(function (row) {
      add('timeline-incoming', row.month, row.incoming);
      add('timeline-outgoing', row.month, row.outgoing);
      add('timeline-pendingEnd', row.month, row.pendingEnd);
    });

    // age bands, unless too few cases are pending to break them down
    var notBrokenDown = '<p class="statement" data-testid="not-broken-down">' +
      esc(t('notBrokenDown', f.smallCells && f.smallCells.threshold ? 2 * f.smallCells.threshold : '')) + '</p>';
    var bands = Object.keys(f.ageBands || {}).map(function (band) { return [band, f.ageBands[band]]; });
    html += '<section aria-labelledby="age-title" data-testid="age-bands"><h3 id="age-title">' + esc(t('ageBands')) +
      '</h3>' + (f.ageBands ? barChart('age-chart', t('ageBands'), bands, '') +
      dataTable('age-table', t('ageBands'), [t('band'), t('cases')], bands) : notBrokenDown) + '</section>';
    bands.forEach(function (b) { add('ageBands', b[0], b[1]); });

    // pending cases by category, suppressed cells shown as such
    if (!f.pendingBy) {
      html += '<section aria-labelledby="by-title" data-testid="breakdowns"><h3 id="by-title">' +
        esc(t('breakdowns')) + '</h3>' + notBrokenDown + '</section>';
      add('pendingBy', 'notBrokenDown', '');
    } else {
      html += '<section aria-labelledby="by-title" data-testid="breakdowns"><h3 id="by-title">' +
        esc(t('breakdowns')) + '</h3><p class="help">' + esc(t('breakdownsHelp', f.to)) + '</p>';
      [['offence', 'byOffence'], ['accused', 'byAccused'], ['victimGroup', 'byVictimGroup']].forEach(function (b) {
        var table = f.pendingBy[b[0]];
        if (!table) { return; }
        html += '<table class="data" data-testid="breakdown-' + b[0] + '"><caption>' + esc(t(b[1])) + '</caption>' +
          '<thead><tr><th scope="col">' + esc(t('category')) + '</th><th scope="col" class="num">' +
          esc(t('count')) + '</th></tr></thead><tbody>';
        Object.keys(table.cells).forEach(function (category) {
          var cell = table.cells[category];
          html += '<tr data-testid="cell-' + b[0] + '-' + esc(category) + '" data-suppressed="' + cell.suppressed +
            '"><th scope="row">' + esc(t(category)) + '</th><td class="num">' +
            (cell.suppressed ? '<em>' + esc(t('masked')) + '</em>' : num(cell.count)) + '</td></tr>';
          add('pendingBy-' + b[0], category, cell.suppressed ? 'suppressed' : cell.count);
        });
        html += '</tbody><tfoot><tr><th scope="row">' + esc(t('total')) + '</th><td class="num">' + num(table.total) +
          '</td></tr></tfoot></table>';
        add('pendingBy-' + b[0], 'total', table.total);
      });
      html += '</section>';
    }

    // trial date certainty
    html += '<section aria-labelledby="certainty-title" data-testid="certainty"><h3 id="certainty-title">' +
      esc(t('certainty')) + '</h3>';
    if (f.release) {
      html += '<p class="statement" data-testid="certainty-not-published">' + esc(t('notPublished')) + '</p>';
      add('trialDateCertainty', 'notPublished', '');
    } else if (!m.trialDateCertainty) {
      html += '<p class="statement" data-testid="no-trial">' + esc(t('noTrial')) + '</p>';
      add('trialDateCertainty', 'none', '');
    } else {
      var certainty = Object.keys(m.trialDateCertainty).map(function (k) { return [k, m.trialDateCertainty[k]]; });
      html += '<p class="help">' + esc(t('certaintyHelp')) + '</p>' +
        barChart('certainty-chart', t('certainty'), certainty, '') +
        dataTable('certainty-table', t('certainty'), [t('hearingsSet'), t('cases')], certainty);
      certainty.forEach(function (c) { add('trialDateCertainty', c[0], c[1]); });
    }
    html += '</section>';

    // time to disposition
    var ttd = m.timeToDisposition;
    html += '<section aria-labelledby="ttd-title" data-testid="time-to-disposition"><h3 id="ttd-title">' +
      esc(t('ttd')) + '</h3>';
    if (f.release) {
      html += '<p class="statement" data-testid="ttd-not-published">' + esc(t('notPublished')) + '</p>';
      add('timeToDisposition', 'notPublished', '');
    } else if (!ttd || !ttd.disposed) {
      add('timeToDisposition', 'disposed', ttd ? ttd.disposed : 0);
      html += '<p class="statement" data-testid="no-disposal">' + esc(t('noDisposal')) + '</p>';
    } else {
      add('timeToDisposition', 'disposed', ttd.disposed);
      var shares = [[t('withinQuarter'), ttd.withinQuarterStandard], [t('withinHalf'), ttd.withinHalfStandard],
        [t('withinStandard'), ttd.withinStandard], [t('beyond'), ttd.beyondStandard]];
      html += '<p class="help">' + esc(t('ttdHelp')) + ' ' + esc(t('disposed')) + (state.lang === 'fr' ? ' : ' : ': ') + '<span data-testid="disposed">' +
        num(ttd.disposed) + '</span></p>' + barChart('ttd-chart', t('ttd'), shares, '%', 100) +
        dataTable('ttd-table', t('ttd'), [t('figure'), t('share')], shares);
      add('timeToDisposition', 'withinQuarterStandard', ttd.withinQuarterStandard);
      add('timeToDisposition', 'withinHalfStandard', ttd.withinHalfStandard);
      add('timeToDisposition', 'withinStandard', ttd.withinStandard);
      add('timeToDisposition', 'beyondStandard', ttd.beyondStandard);
    }
    html += '</section>';

    var active = document.activeElement && document.activeElement.getAttribute('data-testid');
    app.innerHTML = html;
    state.shown = { csvName: 'greffe-' + id + '-' + f.to + '.csv', rows: csv };
    wirePeriod(function () { showTribunal(id, false); });
    wireCsv();
    restoreFocus(focus, active);
  }

  // ---------- charts: inline SVG, parsed by the HTML parser (no namespace string needed) ----------

  function dataTable(testid, caption, headers, rows) {
    var html = '<table class="data" data-testid="' + testid + '"><caption>' + esc(t('table')) + ' — ' + esc(caption) +
      '</caption><thead><tr>';
    headers.forEach(function (h, i) {
      html += '<th scope="col"' + (i ? ' class="num"' : '') + '>' + esc(h) + '</th>';
    });
    html += '</tr></thead><tbody>';
    rows.forEach(function (row) {
      html += '<tr><th scope="row">' + esc(row[0]) + '</th>';
      row.slice(1).forEach(function (cell) { html += '<td class="num">' + num(cell) + '</td>'; });
      html += '</tr>';
    });
    return html + '</tbody></table>';
  }

  function summaryText(rows, unit) {
    return rows.map(function (r) { return r[0] + ': ' + num(r[1]) + unit; }).join('; ');
  }

  function barChart(testid, title, rows, unit, max) {
    var width = 560, barHeight = 28, gap = 10, labelWidth = 190, valueWidth = 70;
    var top = Math.max.apply(null, [max || 0].concat(rows.map(function (r) { return r[1] || 0; })));
    if (!top) { top = 1; }
    var height = rows.length * (barHeight + gap) + gap;
    var desc = t('chartOf') + title + '. ' + summaryText(rows, unit);
    var svg = '<svg class="chart" role="img" aria-labelledby="' + testid + '-t" data-testid="' + testid +
      '" viewBox="0 0 ' + width + ' ' + height + '" width="100%" preserveAspectRatio="xMinYMin meet">' +
      '<title id="' + testid + '-t">' + esc(desc) + '</title>';
    rows.forEach(function (r, i) {
      var y = gap + i * (barHeight + gap);
      var w = Math.round((width - labelWidth - valueWidth) * (r[1] || 0) / top);
      svg += '<text x="' + (labelWidth - 8) + '" y="' + (y + barHeight * 0.68) + '" text-anchor="end" class="label">' +
        esc(r[0]) + '</text>' +
        '<rect x="' + labelWidth + '" y="' + y + '" width="' + w + '" height="' + barHeight + '" class="bar"></rect>' +
        '<text x="' + (labelWidth + w + 6) + '" y="' + (y + barHeight * 0.68) + '" class="value">' +
        esc(num(r[1]) + (r[1] === null || r[1] === undefined ? '' : unit)) + '</text>';
    });
    return svg + '</svg>';
  }

  function lineChart(testid, title, rows) {
    var width = 640, height = 260, left = 48, right = 40, top = 16, bottom = 40;
    var values = rows.map(function (r) { return r.pendingEnd; });
    var max = Math.max.apply(null, [1].concat(values));
    var n = rows.length;
    function x(i) { return left + (n <= 1 ? (width - left - right) / 2 : i * (width - left - right) / (n - 1)); }
    function y(v) { return top + (height - top - bottom) * (1 - v / max); }
    var desc = t('chartOf') + t('pendingEnd') + '. ' +
      rows.map(function (r) { return r.month + ': ' + num(r.pendingEnd); }).join('; ');
    var svg = '<svg class="chart" role="img" aria-labelledby="' + testid + '-t" data-testid="' + testid +
      '" viewBox="0 0 ' + width + ' ' + height + '" width="100%" preserveAspectRatio="xMinYMin meet">' +
      '<title id="' + testid + '-t">' + esc(desc) + '</title>';
    [0, 0.5, 1].forEach(function (share) {
      var v = Math.round(max * share);
      svg += '<line x1="' + left + '" x2="' + (width - right) + '" y1="' + y(v) + '" y2="' + y(v) + '" class="grid"></line>' +
        '<text x="' + (left - 6) + '" y="' + (y(v) + 4) + '" text-anchor="end" class="label">' + esc(num(v)) + '</text>';
    });
    if (n) {
      var line = rows.map(function (r, i) { return (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(r.pendingEnd).toFixed(1); })
        .join(' ');
      var area = line + ' L' + x(n - 1).toFixed(1) + ' ' + y(0) + ' L' + x(0).toFixed(1) + ' ' + y(0) + ' Z';
      svg += '<path d="' + area + '" class="area"></path><path d="' + line + '" class="line"></path>';
      var every = Math.max(1, Math.ceil(n / 8));
      rows.forEach(function (r, i) {
        svg += '<circle cx="' + x(i).toFixed(1) + '" cy="' + y(r.pendingEnd).toFixed(1) + '" r="3" class="dot"></circle>';
        if (i % every === 0 || i === n - 1) {
          svg += '<text x="' + x(i).toFixed(1) + '" y="' + (height - bottom + 18) + '" text-anchor="middle" class="label">' +
            esc(r.month) + '</text>';
        }
      });
      svg += '<text x="' + x(n - 1).toFixed(1) + '" y="' + (y(values[n - 1]) - 8).toFixed(1) +
        '" text-anchor="end" class="value">' + esc(num(values[n - 1])) + '</text>';
    }
    return svg + '</svg>';
  }

  // ---------- CSV ----------

  function csvCell(value) {
    var text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text) && isNaN(Number(text))) { text = "'" + text; }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function downloadCsv() {
    if (!state.shown) { return; }
    var text = state.shown.rows.map(function (row) { return row.map(csvCell).join(','); }).join('\r\n') + '\r\n';
    var blob = new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = state.shown.csvName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ---------- live updates: fetch + ReadableStream (EventSource cannot send Authorization) ----------

  function setLive(key) {
    var live = document.getElementById('live');
    live.textContent = key ? t(key) : '';
    live.className = key ? 'live-' + key : '';
    live.setAttribute('data-state', key || '');
  }

  function stopStream() {
    if (state.stream) {
      state.stream.stopped = true;
      state.stream.controller.abort();
      clearTimeout(state.stream.retry);
      state.stream = null;
    }
    setLive(null);
  }

  function startStream() {
    if (state.stream || !window.ReadableStream || !window.AbortController) { return; }
    var stream = { stopped: false, backoff: 1000, controller: null, retry: null };
    state.stream = stream;
    connect(stream);
  }

  function connect(stream) {
    if (stream.stopped) { return; }
    stream.controller = new AbortController();
    var auth = authorization();
    if (!auth) { return; }
    fetch('/api/caseload/stream', {
      headers: { 'Authorization': auth, 'Accept': 'text/event-stream' }, cache: 'no-store',
      signal: stream.controller.signal
    }).then(function (response) {
      if (response.status === 401) { throw new ApiError(401); }
      if (!response.ok || !response.body) { throw new ApiError(response.status); }
      setLive('live');
      stream.backoff = 1000;
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { return; }
          buffer += decoder.decode(chunk.value, { stream: true });
          var events = buffer.split(/\r?\n\r?\n/);
          buffer = events.pop();
          events.forEach(handleEvent);
          return pump();
        });
      }
      return pump();
    }).then(function () {
      reconnect(stream);
    }, function (error) {
      if (stream.stopped) { return; }
      if (error instanceof ApiError && error.status === 401) { failure(error); return; }
      reconnect(stream);
    });
  }

  function reconnect(stream) {
    if (stream.stopped) { return; }
    setLive(navigator.onLine === false ? 'offline' : 'reconnecting');
    stream.retry = setTimeout(function () { connect(stream); }, stream.backoff);
    stream.backoff = Math.min(stream.backoff * 2, 30000);
  }

  var refreshTimer = null;

  function handleEvent(block) {
    var data = block.split(/\r?\n/).filter(function (line) { return line.indexOf('data:') === 0; })
      .map(function (line) { return line.slice(5).trim(); }).join('\n');
    if (!data) { return; }
    var event;
    try { event = JSON.parse(data); } catch (e) { return; }
    // Exact readers are told the projection's version, which moves with every event folded, even one committed late
    // below the position; readers of published figures, the release.
    var marker = event.release !== undefined ? event.release
      : (event.version !== undefined ? event.version : event.position);
    var moved = state.position !== null && marker !== state.position;
    state.position = marker;
    if (moved) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refresh, 300);
    }
  }

  function refresh() {
    if (!authorization() || !document.getElementById('view-title')) { return; }
    var r = currentRoute();
    if (r.view === 'tribunal') { showTribunal(r.id, false); } else { showOverview(false); }
  }

  // ---------- language ----------

  function applyLang() {
    document.documentElement.lang = state.lang;
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    var sw = document.getElementById('lang-switch');
    sw.textContent = t('switchTo');
    sw.setAttribute('aria-label', t('switchLabel'));
    sw.setAttribute('lang', state.lang === 'fr' ? 'en' : 'fr');
    if (authorization()) { showUser(); }
  }

  document.getElementById('lang-switch').addEventListener('click', function () {
    state.lang = state.lang === 'fr' ? 'en' : 'fr';
    try { localStorage.setItem(LANG_KEY, state.lang); } catch (e) { /* storage off */ }
    applyLang();
    if (state.stream && state.stream.controller) { setLive(document.getElementById('live').getAttribute('data-state') || null); }
    if (authorization()) { refresh(); if (!document.getElementById('view-title')) { route(); } }
    else { renderSignIn(); }
    document.getElementById('lang-switch').focus();
  });

  document.getElementById('sign-out').addEventListener('click', function () {
    setAuthorization(null);
    try { sessionStorage.removeItem(AUTH_KEY + '.user'); } catch (e) { /* ignore */ }
    stopStream();
    renderSignIn();
  });

  window.addEventListener('hashchange', route);

  var period = defaultPeriod();
  state.from = period.from;
  state.to = period.to;
  applyLang();
  route();
}());
