// JSON over fetch; problem+json errors become exceptions whose message says, in the page's
// language, what kind of problem it is, with the service's detail (problemText in i18n.js): every
// panel shows e.message.
// Every call says it comes from the page (X-Requested-With): a lapsed session then gets a plain 401
// and the sign-in page rather than the browser's password dialog.
import { problemText } from './i18n.js';

const PAGE_HEADERS = { 'X-Requested-With': 'lifecircle' };

let pending = 0;
let idleWaiters = [];

export async function getJson(url) {
  return request(url, { headers: PAGE_HEADERS });
}

export async function postJson(url, body) {
  return send('POST', url, body);
}

export async function patchJson(url, body) {
  return send('PATCH', url, body);
}

function send(method, url, body) {
  return request(url, {
    method,
    headers: { ...PAGE_HEADERS, ...csrfHeader(), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function request(url, options) {
  pending++;
  try {
    let response;
    try {
      response = await fetch(url, options);
    } catch (e) {
      throw problemError(null, 0);
    }
    return await parse(response);
  } finally {
    pending--;
    if (pending === 0) setTimeout(settle, 0);
  }
}

function settle() {
  if (pending > 0) return;
  const waiters = idleWaiters;
  idleWaiters = [];
  waiters.forEach((resolve) => resolve());
}

/**
 * Resolves once no request of the page is under way (after those that answers start): the print
 * view waits for the layers a new map size makes it fetch.
 */
export function whenIdle() {
  return new Promise((resolve) => {
    idleWaiters.push(resolve);
    setTimeout(settle, 0);
  });
}

/** The CSRF token the service set as a cookie, echoed in the header it checks on every change. */
export function csrfHeader() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? { 'X-XSRF-TOKEN': decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) } : {};
}

/** Ends the session and goes to the sign-in page. */
export async function signOut() {
  await fetch('/logout', { method: 'POST', headers: { ...PAGE_HEADERS, ...csrfHeader() } });
  window.location.assign('/login.html?signed-out');
}

async function parse(response) {
  if (response.status === 401) {
    window.location.assign('/login.html');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw problemError(body, response.status);
  return body;
}

/** An Error whose message is the problem in the page's language; summary and detail apart too. */
function problemError(problem, status) {
  const { summary, detail, text } = problemText(problem, status);
  const error = new Error(text);
  error.problem = problem;
  error.status = status;
  error.summary = summary;
  error.detail = detail;
  return error;
}

const POLL_MILLIS = 500;

/** Polls a run until it has succeeded or failed, reporting its percent done on the way. */
export async function followRun(id, onProgress = () => {}) {
  for (;;) {
    const run = await getJson(`/api/runs/${id}`);
    onProgress(run.progressPercent ?? 0, run);
    if (run.status === 'succeeded' || run.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, POLL_MILLIS));
  }
}
