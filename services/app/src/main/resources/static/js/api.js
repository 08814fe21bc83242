/* The signed-in user's credentials (kept for the browser tab only, in sessionStorage) and the JSON API read with
   them, so roles and small-cell suppression apply exactly as for any other API client. */
const AUTH_KEY = 'greffe.authorization';
const USER_KEY = AUTH_KEY + '.user';

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
  try { sessionStorage.removeItem(USER_KEY); } catch (e) { /* ignore */ }
}

/** A refusal or failure: the HTTP status, and the problem's detail when the API gave one. */
export class ApiError {
  constructor(status, detail) {
    this.status = status;
    this.detail = detail;
  }
}

/** GETs path; resolves to the body and the log position and head the answer stands on, or rejects with ApiError. */
export function api(path) {
  const auth = authorization();
  if (!auth) { return Promise.reject(new ApiError(401)); }
  return fetch(path, { headers: { 'Authorization': auth, 'Accept': 'application/json' }, cache: 'no-store' })
    .then((response) => {
      if (!response.ok) {
        return response.json().catch(() => ({})).then((problem) => {
          throw new ApiError(response.status, problem.detail || response.statusText);
        });
      }
      const position = response.headers.get('Greffe-Log-Position');
      const head = response.headers.get('Greffe-Log-Head');
      return response.json().then((body) => ({ body: body, position: position, head: head }));
    });
}
