// JSON over fetch; problem+json errors become exceptions carrying the server's detail.
// Every call says it comes from the page (X-Requested-With): a lapsed session then gets a plain 401
// and the sign-in page rather than the browser's password dialog.
const PAGE_HEADERS = { 'X-Requested-With': 'lifecircle' };

export async function getJson(url) {
  const response = await fetch(url, { headers: PAGE_HEADERS });
  return parse(response);
}

export async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...PAGE_HEADERS, ...csrfHeader(), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return parse(response);
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
  if (!response.ok) {
    const error = new Error(body?.detail ?? `HTTP ${response.status}`);
    error.problem = body;
    throw error;
  }
  return body;
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
