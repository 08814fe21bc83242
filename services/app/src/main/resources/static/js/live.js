/* Live updates: the figures are read again when the log moves. The stream is read with fetch and a ReadableStream,
   because EventSource cannot send the Authorization header. */
import { ApiError, authorization } from './api.js';
import { t } from './i18n.js';

let stream = null;   // the open stream: {stopped, backoff, controller, retry, onUnauthorized, onMoved}
let marker = null;   // where the figures shown stand: a release, a projection version or a log position
let refreshTimer = null;

function setLive(key) {
  const live = document.getElementById('live');
  live.textContent = key ? t(key) : '';
  live.className = key ? 'live-' + key : '';
  live.setAttribute('data-state', key || '');
}

/** Says the stream's state again, in the page's new language. */
export function relabelLive() {
  if (stream && stream.controller) { setLive(document.getElementById('live').getAttribute('data-state') || null); }
}

export function stopStream() {
  if (stream) {
    stream.stopped = true;
    stream.controller.abort();
    clearTimeout(stream.retry);
    stream = null;
  }
  setLive(null);
}

/**
 * Follows the stream, unless it is followed already or the browser cannot: onMoved is called (once for a burst)
 * when the figures moved, onUnauthorized with the ApiError when the credentials are refused.
 */
export function startStream(onUnauthorized, onMoved) {
  if (stream || !window.ReadableStream || !window.AbortController) { return; }
  stream = { stopped: false, backoff: 1000, controller: null, retry: null, onUnauthorized: onUnauthorized,
    onMoved: onMoved };
  connect(stream);
}

function connect(current) {
  if (current.stopped) { return; }
  current.controller = new AbortController();
  const auth = authorization();
  if (!auth) { return; }
  fetch('/api/caseload/stream', {
    headers: { 'Authorization': auth, 'Accept': 'text/event-stream' }, cache: 'no-store',
    signal: current.controller.signal
  }).then((response) => {
    if (response.status === 401) { throw new ApiError(401); }
    if (!response.ok || !response.body) { throw new ApiError(response.status); }
    setLive('live');
    current.backoff = 1000;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    function pump() {
      return reader.read().then((chunk) => {
        if (chunk.done) { return; }
        buffer += decoder.decode(chunk.value, { stream: true });
        const events = buffer.split(/\r?\n\r?\n/);
        buffer = events.pop();
        events.forEach((block) => handleEvent(current, block));
        return pump();
      });
    }
    return pump();
  }).then(() => {
    reconnect(current);
  }, (error) => {
    if (current.stopped) { return; }
    if (error instanceof ApiError && error.status === 401) { current.onUnauthorized(error); return; }
    reconnect(current);
  });
}

function reconnect(current) {
  if (current.stopped) { return; }
  setLive(navigator.onLine === false ? 'offline' : 'reconnecting');
  current.retry = setTimeout(() => { connect(current); }, current.backoff);
  current.backoff = Math.min(current.backoff * 2, 30000);
}

function handleEvent(current, block) {
  const data = block.split(/\r?\n/).filter((line) => line.indexOf('data:') === 0)
    .map((line) => line.slice(5).trim()).join('\n');
  if (!data) { return; }
  let event;
  try { event = JSON.parse(data); } catch (e) { return; }
  // Exact readers are told the projection's version, which moves with every event folded, even one committed late
  // below the position; readers of published figures, the release.
  const next = event.release !== undefined ? event.release
    : (event.version !== undefined ? event.version : event.position);
  const moved = marker !== null && next !== marker;
  marker = next;
  if (moved) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(current.onMoved, 300);
  }
}
