import type { FetchLike } from './client-core.js';

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
 * The options with their defaults, the call's laid over the client's (retry-policy.ts, loaded with
 * setbacks.ts: only an attempt that did not simply succeed asks whether to retry). How long to
 * wait before a retry (backoff, Retry-After) is retry-wait.ts, loaded with it.
 */
export interface RetryPolicy {
  maxRetries: number;
  statuses: readonly number[];
  initialDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

/**
 * Throws a TypeError saying what `option` must be unless `ok`: the one throw of every option check
 * of the core (at construction, or when a call starts).
 */
export function must(ok: unknown, option: string, what: string): asserts ok {
  if (!ok) throw new TypeError(`${option} must be ${what}`);
}

/**
 * The fetch to call: `given`, else the global one, looked up now (so one installed later is used);
 * a TypeError when neither is a function. Read per request by the core and the token requests.
 */
export function fetchOrGlobal(given: FetchLike | undefined): FetchLike {
  const fetchImpl = given ?? globalThis.fetch;
  must(typeof fetchImpl === 'function', 'fetch', 'given: none is global');
  return fetchImpl;
}

/** `value` if it is undefined (not given) or a number ≥ 0 (`whole`: a whole number), else a TypeError naming `option`: retry counts and milliseconds. */
function checkedCount(value: unknown, option: string, whole?: boolean): number | undefined {
  must(value === undefined || ((whole ? Number.isInteger(value) : typeof value === 'number') && (value as number) >= 0), option, `a ${whole ? 'whole ' : ''}number ≥ 0`);
  return value as number;
}

/**
 * Retry options (the client's at construction, a call's when it starts) checked, as a copy:
 * options the application changes later are neither the ones checked nor the ones used.
 * Malformed ones throw a TypeError naming the option; `false` and undefined are as they are.
 */
export function checkedRetry(retry: RetryOptions | false | undefined): RetryOptions | false | undefined {
  if (!retry) return retry;
  const { maxRetries, statuses } = retry;
  must(statuses === undefined || (Array.isArray(statuses) && statuses.every((status) => Number.isInteger(status) && status >= 100 && status <= 599)), 'retry.statuses', 'a list of HTTP status codes');
  const backoff: Record<string, unknown> = { ...retry.backoff };
  // Milliseconds, each one given (retry-policy.ts reads only the names of BackoffOptions).
  for (const name in backoff) checkedCount(backoff[name], 'retry.backoff.' + name);
  return { maxRetries: checkedCount(maxRetries, 'retry.maxRetries', true), statuses: statuses && [...statuses], backoff };
}
