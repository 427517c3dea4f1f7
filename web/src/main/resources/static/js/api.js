// JSON over fetch; problem+json errors become exceptions carrying the server's detail.
export async function getJson(url) {
  const response = await fetch(url);
  return parse(response);
}

export async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return parse(response);
}

async function parse(response) {
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
