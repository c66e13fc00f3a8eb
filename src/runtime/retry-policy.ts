/**
 * The retry policy of one call: the defaults, the client's options and the call's laid over them
 * (both checked and copied already: checkedRetry in retry.ts). Loaded with setbacks.ts, by the
 * first attempt that did not simply succeed; imports no up-front module.
 */
import type { RetryOptions, RetryPolicy } from './retry.js';

/** What a client retries when its options say nothing. */
const DEFAULT_RETRY_POLICY: RetryPolicy = {
  statuses: [408, 429, 500, 502, 503, 504],
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
};

/** The client's retry options with the call's laid over them; `false` on either turns retries off. */
export function retryPolicy(client: RetryOptions | false | undefined, call?: RetryOptions | false): RetryPolicy {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
  // The call's options last: what it gives wins.
  for (const layer of [client, call]) {
    if (!layer) continue;
    const given: Record<string, unknown> = { ...layer.backoff, maxRetries: layer.maxRetries, statuses: layer.statuses };
    for (const name in DEFAULT_RETRY_POLICY) if (given[name] !== undefined) (policy as unknown as Record<string, unknown>)[name] = given[name];
  }
  if (client === false || call === false) policy.maxRetries = 0;
  return policy;
}
