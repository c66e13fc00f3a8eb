/**
 * The wait before a retry: the server's Retry-After, else exponential backoff with jitter. Loaded
 * with setbacks.ts (lazy-core-modules.ts) by a client's first answer outside 2xx or failed
 * attempt, so a call answered with a 2xx never downloads it; imports no up-front module.
 */
import type { RetryPolicy } from './retry.js';

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

/** Waits `ms` (at most a signed 32-bit millisecond count: setTimeout fires at once beyond), or rejects with the signal's reason as soon as it aborts. */
export function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.min(ms, 2 ** 31 - 1));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
