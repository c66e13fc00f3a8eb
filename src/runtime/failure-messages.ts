/**
 * The messages of the core's typed failures (ApiError, ApiConnectionError, ApiTimeoutError,
 * AuthRequiredError), written
 * only when one happens: loaded with setbacks.ts (lazy-core-modules.ts) by a client's first failure,
 * so a call that succeeds never downloads them; imports no up-front module. Without it (a browser
 * gone offline) the error is of the same class with the same fields, and a shorter message.
 */

/** What the message is made of: an ApiError's fields (it has a status), or a connection failure's. */
export interface FailureFields {
  operation: string;
  status?: number;
  statusText?: string;
  authNote?: string;
  method?: string;
  /** Origin and path only: the query can hold an API key, user info a password. */
  url?: string;
  timeoutMs?: number;
  /** An AuthRequiredError's: the scheme names of each alternative. */
  alternatives?: string[][];
}

// Only a system error code (ECONNREFUSED, ENOTFOUND, …) is quoted: a custom fetch's message may quote the URL, key included.
function causeCode(cause: unknown): string {
  for (let error = cause, depth = 0; typeof error === 'object' && error !== null && depth < 3; depth++) {
    const code: unknown = Reflect.get(error, 'code');
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return ` (${code})`;
    error = Reflect.get(error, 'cause');
  }
  return '';
}

/**
 * `getPet failed: 404 Not Found (why a 401 was not renewed)`; `getPet: GET https://api.example/pets/7
 * got no response (ECONNREFUSED)`; `… did not answer within 200 ms (timeoutMs)`; `listPets needs
 * credentials for one of: api_key; oauth + basic`.
 */
export function failureMessage({ operation, status, statusText, authNote, method, url, timeoutMs, alternatives }: FailureFields, cause: unknown): string {
  if (alternatives !== undefined) return `${operation} needs credentials for one of: ${alternatives.map((schemes) => schemes.join(' + ')).join('; ')}`;
  if (status !== undefined) return `${operation} failed: ${status}${statusText ? ' ' + statusText : ''}${authNote === undefined ? '' : ` (${authNote})`}`;
  return `${operation}: ${method} ${url} ${timeoutMs === undefined ? 'got no response' + causeCode(cause) : `did not answer within ${timeoutMs} ms (timeoutMs)`}`;
}
