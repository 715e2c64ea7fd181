// The REST API as the page calls it: the key from this tab's session storage, problem details as readable errors.
const KEY = 'controlplane.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY),
  set: (key) => sessionStorage.setItem(KEY, key.trim()),
  clear: () => sessionStorage.removeItem(KEY),
};

/** A failed call: status 0 when the plane did not answer. */
export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

async function problemOf(response) {
  try { return await response.json(); } catch { return null; }
}

function explain(status, problem) {
  const detail = problem?.detail ?? problem?.title ?? '';
  if (status === 401) return `The API key was not accepted (401). ${detail} Enter a valid key.`;
  if (status === 403) return `This key's role may not do that (403). ${detail}`;
  if (status === 429) return `Too many requests (429). ${detail}`;
  return `${status} ${problem?.title ?? 'Request failed.'} ${detail}`.trim();
}

export async function call(method, path, body) {
  const key = apiKey.get();
  if (!key) throw new ApiError(401, 'No API key yet: enter one.');
  const headers = { 'X-Api-Key': key, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (error) {
    throw new ApiError(0, `The control plane did not answer: ${error.message}`);
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    throw new ApiError(response.status, explain(response.status, problem), problem);
  }
  return response.status === 204 ? null : response.json();
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);

/** A model id (namespace/name) as a path: both parts are DNS-1123 labels, encoded anyway. */
export const modelPath = (id) => id.split('/').map(encodeURIComponent).join('/');
