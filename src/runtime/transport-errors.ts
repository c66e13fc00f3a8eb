// Only a system error code (ECONNREFUSED, ENOTFOUND, …) is quoted: a custom fetch's message may quote the URL, key included.
function causeCode(cause: unknown): string {
  for (let error = cause, depth = 0; typeof error === 'object' && error !== null && depth < 3; depth++) {
    const code: unknown = Reflect.get(error, 'code');
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return ` (${code})`;
    error = Reflect.get(error, 'cause');
  }
  return '';
}

export interface ConnectionFailure {
  operation: string;
  method: string;
  url: URL;
  cause: unknown;
}

/**
 * The request got no HTTP answer at all: refused, reset, DNS or TLS failure. `cause` is fetch's own error.
 * `url` is the origin and path of the request: the query can hold an API key or a presigned
 * signature, and user info a password, so neither is ever shown.
 */
export class ApiConnectionError extends Error {
  override readonly name: string = 'ApiConnectionError';
  // `declare`d: set by the constructor (no field definitions in the bundle).
  /** The generated method's name. */
  declare readonly operation: string;
  declare readonly method: string;
  /** Origin and path of the request; never its query or user info. */
  declare readonly url: string;

  /** `what`: what happened, after the method and URL; default: no response (with the system error code, if any). */
  constructor({ operation, method, url, cause }: ConnectionFailure, what?: string) {
    const shown = url.origin + url.pathname;
    super(`${operation}: ${method} ${shown} ${what ?? 'got no response' + causeCode(cause)}`, { cause });
    this.operation = operation;
    this.method = method;
    this.url = shown;
  }
}

/** No complete answer within `timeoutMs` (per attempt, body included). Also an ApiConnectionError. */
export class ApiTimeoutError extends ApiConnectionError {
  override readonly name: string = 'ApiTimeoutError';
  declare readonly timeoutMs: number;

  constructor(failure: ConnectionFailure & { timeoutMs: number }) {
    super(failure, `did not answer within ${failure.timeoutMs} ms (timeoutMs)`);
    this.timeoutMs = failure.timeoutMs;
  }
}
