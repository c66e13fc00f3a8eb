export interface BackoffOptions {
  /** Delay before the first retry; each next one doubles it, then up to a quarter is taken off at random. Default 500 ms. */
  initialDelayMs?: number | undefined;
  /** No computed delay is longer. Default 8000 ms. */
  maxDelayMs?: number | undefined;
  /** The longest `Retry-After` wait honoured; a longer one asked is cut to this. Default 60 000 ms. */
  maxRetryAfterMs?: number | undefined;
}

/**
 * When a failed attempt is sent again. Only GET, HEAD, OPTIONS, PUT and DELETE are retried, and
 * POST/PATCH calls that pass `idempotencyKey`; a streamed body never is (it can be read once).
 */
export interface RetryOptions {
  /** Attempts after the first. Default 2; 0 turns retries off. */
  maxRetries?: number | undefined;
  /** Response statuses worth another attempt. Default 408, 429, 500, 502, 503, 504. Network errors always are. */
  statuses?: readonly number[] | undefined;
  backoff?: BackoffOptions | undefined;
}

/**
 * The options checked and defaulted. How long to wait before a retry (backoff, Retry-After) is
 * retry-wait.ts, loaded with the first retry: a call whose first answer is final needs only this.
 */
export interface RetryPolicy {
  maxRetries: number;
  statuses: readonly number[];
  initialDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

/**
 * `value` if it is a number (`whole`: a whole number) > 0 (`orZero`: ≥ 0), else a TypeError
 * naming `option`: the one check of every numeric option of the core (milliseconds, a count).
 */
export function checkedNumber(value: unknown, option: string, whole?: boolean, orZero?: boolean): number {
  if (typeof value !== 'number' || !(orZero ? value >= 0 : value > 0) || (whole && !Number.isInteger(value))) {
    throw new TypeError(`${option} must be a ${whole ? 'whole ' : ''}number ${orZero ? '≥' : '>'} 0`);
  }
  return value;
}

/** What a client retries when its options say nothing: a constant, nothing to work out (never changed: policies are copies). */
const DEFAULT_RETRY_POLICY: RetryPolicy = {
  statuses: [408, 429, 500, 502, 503, 504],
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
};

/** The client's retry options with the call's laid over them; `false` on either turns retries off. Malformed options throw. */
export function retryPolicy(client: RetryOptions | false | undefined, call?: RetryOptions | false): RetryPolicy {
  if (client === undefined && call === undefined) return DEFAULT_RETRY_POLICY;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
  // The call's options last: what it gives wins.
  for (const layer of [client, call]) {
    if (!layer) continue;
    const statuses = layer.statuses;
    if (statuses !== undefined) {
      if (!Array.isArray(statuses) || !statuses.every((status) => Number.isInteger(status) && status >= 100 && status <= 599)) {
        throw new TypeError('retry.statuses must be a list of HTTP status codes');
      }
      // Copied: a list the application changes later is neither the one checked nor the one configured.
      policy.statuses = [...statuses];
    }
    // The numbers: a count for maxRetries, milliseconds for the backoff's.
    for (const name in DEFAULT_RETRY_POLICY) {
      const count = name === 'maxRetries';
      const value: unknown = count ? layer.maxRetries : (layer.backoff as Record<string, unknown> | undefined)?.[name];
      if (value !== undefined && name !== 'statuses') policy[name as 'maxRetries'] = checkedNumber(value, `retry.${count ? name : 'backoff.' + name}`, count, true);
    }
  }
  if (client === false || call === false) policy.maxRetries = 0;
  return policy;
}
