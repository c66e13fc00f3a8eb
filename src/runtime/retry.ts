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

/** A whole count, or (`ms`) a number of milliseconds, ≥ 0; absent: the default. */
function checked(value: unknown, option: string, fallback: number, ms?: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(ms ? value >= 0 : Number.isInteger(value) && value >= 0)) {
    throw new TypeError(`retry.${option} must be a ${ms ? 'number of milliseconds' : 'whole number'} ≥ 0`);
  }
  return value;
}

// The backoff options by name, with their defaults (ms).
const BACKOFF_DEFAULTS = [['initialDelayMs', 500], ['maxDelayMs', 8000], ['maxRetryAfterMs', 60_000]] as const;

/** The client's retry options with the call's laid over them; `false` on either turns retries off. Malformed options throw. */
export function retryPolicy(client: RetryOptions | false | undefined, call?: RetryOptions | false): RetryPolicy {
  const merged: RetryOptions = { ...(client || {}), ...(call || {}) };
  const backoff: BackoffOptions = { ...(client || {}).backoff, ...(call || {}).backoff };
  const statuses = merged.statuses ?? [408, 429, 500, 502, 503, 504];
  if (!Array.isArray(statuses) || !statuses.every((s) => Number.isInteger(s) && s >= 100 && s <= 599)) {
    throw new TypeError('retry.statuses must be a list of HTTP status codes');
  }
  const policy: Partial<RetryPolicy> = {
    maxRetries: client === false || call === false ? 0 : checked(merged.maxRetries, 'maxRetries', 2),
    // Copied: a list the application changes later is neither the one checked nor the one configured.
    statuses: [...statuses],
  };
  for (const [name, fallback] of BACKOFF_DEFAULTS) policy[name] = checked(backoff[name], `backoff.${name}`, fallback, true);
  return policy as RetryPolicy;
}

/** A method whose repetition is harmless, or a call the server can deduplicate by its Idempotency-Key. */
export function mayRetry(method: string, hasIdempotencyKey: boolean): boolean {
  return /^(GET|HEAD|OPTIONS|PUT|DELETE)$/i.test(method) || (hasIdempotencyKey && /^(POST|PATCH)$/i.test(method));
}
