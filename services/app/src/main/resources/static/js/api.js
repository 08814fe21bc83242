/* The signed-in user's credentials (kept for the browser tab only, in sessionStorage) and the JSON API read with
   them, so roles and small-cell suppression apply exactly as for any other API client. Every request names the
   page's language, in which Greffe words its refusals. */
import { lang } from './i18n.js';

const AUTH_KEY = 'greffe.authorization';
const USER_KEY = AUTH_KEY + '.user';
const WRITTEN_KEY = AUTH_KEY + '.written';

/** The Authorization header's value, or null when no one is signed in. */
export function authorization() {
  try { return sessionStorage.getItem(AUTH_KEY); } catch (e) { return null; }
}

export function setAuthorization(value) {
  try {
    if (value) { sessionStorage.setItem(AUTH_KEY, value); } else { sessionStorage.removeItem(AUTH_KEY); }
  } catch (e) { /* storage off: the user signs in again */ }
}

/** The name shown in the header: the user's, or 'token' for a bearer token. */
export function signedInUser() {
  try { return sessionStorage.getItem(USER_KEY); } catch (e) { return null; }
}

export function rememberUser(user) {
  try { sessionStorage.setItem(USER_KEY, user); } catch (e) { /* ignore */ }
}

export function forgetUser() {
  try {
    sessionStorage.removeItem(USER_KEY);
    sessionStorage.removeItem(WRITTEN_KEY);
  } catch (e) { /* ignore */ }
}

/** The log position of the user's latest write in this tab (Greffe-Log-Position), or null before any. */
export function writtenAt() {
  try { return sessionStorage.getItem(WRITTEN_KEY); } catch (e) { return null; }
}

function wrote(position) {
  if (!position || !/^\d+$/.test(position)) { return; }
  const before = writtenAt();
  if (before === null || Number(position) > Number(before)) {
    try { sessionStorage.setItem(WRITTEN_KEY, position); } catch (e) { /* ignore */ }
  }
}

/**
 * A user who wrote (a clerk's command) reads the exact figures at least as far as that write, so that a case just
 * filed is never missing from the figures shown next: the caseload waits a bounded time for its projection (atLeast).
 * Streams and anything else are left as they are.
 */
function readingYourWrites(path) {
  const position = writtenAt();
  if (position === null || path.indexOf('/api/caseload/stream') === 0
      || !/^\/api\/caseload\/[^/?]+(\/timeline|\/forecast|\/stalls)?([?]|$)/.test(path)) { return path; }
  return path + (path.indexOf('?') < 0 ? '?' : '&') + 'atLeast=' + encodeURIComponent(position);
}

/** A refusal or failure: the HTTP status, the problem's detail when the API gave one, and the whole problem. */
export class ApiError {
  constructor(status, detail, problem) {
    this.status = status;
    this.detail = detail;
    this.problem = problem || {};
  }
}

/** GETs path; resolves to the body and the log position and head the answer stands on, or rejects with ApiError. */
export function api(path) {
  const auth = authorization();
  if (!auth) { return Promise.reject(new ApiError(401)); }
  return fetch(readingYourWrites(path), {
    headers: { 'Authorization': auth, 'Accept': 'application/json', 'Accept-Language': lang }, cache: 'no-store'
  })
    .then((response) => {
      if (!response.ok) {
        return response.json().catch(() => ({})).then((problem) => {
          throw new ApiError(response.status, problem.detail || response.statusText, problem);
        });
      }
      const position = response.headers.get('Greffe-Log-Position');
      const head = response.headers.get('Greffe-Log-Head');
      return response.json().then((body) => ({ body: body, position: position, head: head }));
    });
}

/**
 * Sends a command (method, path, body as JSON, or text with its content type) with extra headers such as If-Match;
 * resolves to the status, the JSON body and the headers, or rejects with ApiError holding the problem.
 */
export function send(method, path, body, headers, contentType) {
  const auth = authorization();
  if (!auth) { return Promise.reject(new ApiError(401)); }
  const all = Object.assign({
    'Authorization': auth, 'Accept': 'application/json', 'Accept-Language': lang,
    'Content-Type': contentType || 'application/json'
  }, headers || {});
  return fetch(path, {
    method: method, headers: all, cache: 'no-store',
    body: body === undefined ? undefined : (contentType ? body : JSON.stringify(body))
  }).then((response) => response.text().then((text) => {
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      throw new ApiError(response.status, (json && json.detail) || response.statusText, json || {});
    }
    wrote(response.headers.get('Greffe-Log-Position'));
    return { status: response.status, body: json, headers: response.headers };
  }));
}

/** GETs path as text (an export, NDJSON); rejects with ApiError as api() does. */
export function fetchText(path) {
  const auth = authorization();
  if (!auth) { return Promise.reject(new ApiError(401)); }
  return fetch(path, { headers: { 'Authorization': auth, 'Accept-Language': lang }, cache: 'no-store' })
    .then((response) => response.text().then((text) => {
      if (!response.ok) {
        let problem = {};
        try { problem = JSON.parse(text); } catch (e) { problem = {}; }
        throw new ApiError(response.status, problem.detail || response.statusText, problem);
      }
      return text;
    }));
}
