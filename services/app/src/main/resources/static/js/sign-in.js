/* Signing in: demo users with a password (HTTP Basic), or a bearer token from the identity provider. The header
   says who is signed in. */
import { rememberUser, setAuthorization, signedInUser } from './api.js';
import { t } from './i18n.js';
import { esc } from './format.js';
import { app } from './view.js';

/** Draws the sign-in form, with message above it if given; onSignedIn runs once credentials are kept. */
export function renderSignIn(message, onSignedIn) {
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
    '<input id="password" name="password" type="password" autocomplete="current-password"' +
    ' data-testid="sign-in-password"></p>' +
    '<p><label for="token">' + esc(t('token')) + '</label>' +
    '<input id="token" name="token" autocomplete="off" spellcheck="false" data-testid="sign-in-token"></p>' +
    '<p><button type="submit" data-testid="sign-in-submit">' + esc(t('signIn')) + '</button></p>' +
    '</form>';
  const form = document.getElementById('sign-in');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const user = form.user.value.trim();
    const password = form.password.value;
    const token = form.token.value.trim().replace(/^Bearer\s+/i, '');
    let value = null;
    if (token) { value = 'Bearer ' + token; }
    else if (user && password) {
      value = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
    }
    if (!value) { renderSignIn(t('needCredentials'), onSignedIn); return; }
    setAuthorization(value);
    rememberUser(user || 'token');
    onSignedIn();
  });
  (message ? form.querySelector('[role=alert]') : form.user).focus();
}

/** Names the signed-in user in the header and offers to sign out. */
export function showUser() {
  const user = signedInUser();
  document.getElementById('whoami').textContent = user ? t('signedInAs') + user : '';
  document.getElementById('sign-out').hidden = false;
}
