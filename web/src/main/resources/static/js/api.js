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
