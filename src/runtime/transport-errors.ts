/**
 * The request got no HTTP answer at all: refused, reset, DNS or TLS failure. `cause` is fetch's own
 * error. Built by the client core with its fields set and its message written by
 * failure-messages.ts, loaded with setbacks.ts (no constructor of its own: the message is code
 * only a failure needs).
 */
export class ApiConnectionError extends Error {
  override readonly name: string = 'ApiConnectionError';
  // `declare`d: set by the core (no field definitions in the bundle).
  /** The generated method's name. */
  declare readonly operation: string;
  declare readonly method: string;
  /** Origin and path of the request; never its query (it can hold an API key) or user info (a password). */
  declare readonly url: string;
}

/** No complete answer within `timeoutMs` (per attempt, body included). Also an ApiConnectionError. */
export class ApiTimeoutError extends ApiConnectionError {
  override readonly name: string = 'ApiTimeoutError';
  declare readonly timeoutMs: number;
}
