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

export interface RetryPolicy {
  maxRetries: number;
  statuses: ReadonlySet<number>;
  initialDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

const DEFAULT_STATUSES = [408, 429, 500, 502, 503, 504];
const RETRIED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function count(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new TypeError(`retry.${option} must be a whole number ≥ 0`);
  return value;
}

function milliseconds(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) throw new TypeError(`retry.backoff.${option} must be a number of milliseconds ≥ 0`);
  return value;
}

/** The client's retry options with the call's laid over them; `false` on either turns retries off. Malformed options throw. */
export function retryPolicy(client: RetryOptions | false | undefined, call?: RetryOptions | false): RetryPolicy {
  const off = client === false || call === false;
  const merged: RetryOptions = { ...(client || {}), ...(call || {}) };
  if (typeof merged !== 'object') throw new TypeError('retry must be an object or false');
  const backoff = { ...(client || {}).backoff, ...(call || {}).backoff };
  const statuses = merged.statuses ?? DEFAULT_STATUSES;
  if (!Array.isArray(statuses) || !statuses.every((s) => Number.isInteger(s) && s >= 100 && s <= 599)) {
    throw new TypeError('retry.statuses must be a list of HTTP status codes');
  }
  return {
    maxRetries: off ? 0 : count(merged.maxRetries, 'maxRetries', 2),
    statuses: new Set(statuses),
    initialDelayMs: milliseconds(backoff.initialDelayMs, 'initialDelayMs', 500),
    maxDelayMs: milliseconds(backoff.maxDelayMs, 'maxDelayMs', 8000),
    maxRetryAfterMs: milliseconds(backoff.maxRetryAfterMs, 'maxRetryAfterMs', 60_000),
  };
}

/** A method whose repetition is harmless, or a call the server can deduplicate by its Idempotency-Key. */
export function mayRetry(method: string, hasIdempotencyKey: boolean): boolean {
  const upper = method.toUpperCase();
  return RETRIED_METHODS.has(upper) || (hasIdempotencyKey && (upper === 'POST' || upper === 'PATCH'));
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP date. Milliseconds from `now`, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP date form starts with a day name; Date.parse alone would read `-1` as a year.
  if (!/^[A-Za-z]{3}/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (1 for the first): the server's Retry-After up to
 * maxRetryAfterMs, else exponential backoff with jitter so that many clients do not retry in step.
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, response: Response | undefined, now = Date.now(), random = Math.random): number {
  const asked = retryAfterMs(response?.headers.get('retry-after') ?? null, now);
  if (asked !== undefined) return Math.min(asked, policy.maxRetryAfterMs);
  const exponential = Math.min(policy.initialDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  return exponential * (1 - random() * 0.25);
}
