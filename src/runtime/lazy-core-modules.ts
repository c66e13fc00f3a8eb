/**
 * Request-core code only some calls need, loaded with `import()` the first time one comes: the
 * redirect following (a 3xx), what hooks see (a client with hooks), the renewal of credentials a
 * server refused (a 401 or 403), the wait before a retry, an Idempotency-Key (a call that asks for
 * one) and the bare request a challenge-response scheme probes with (Digest). A bundler splits it into a chunk an app fetches only then. No module
 * the client imports statically may import it, or the split is lost; it takes what it needs of the
 * up-front runtime as arguments, so it shares no chunk with it.
 */

/**
 * `load` made once: later calls (every request of a client with hooks, every DPoP proof) share its
 * promise instead of asking the module loader again. A failed load (offline) is not kept: the next
 * call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

export const loadFollowRedirects: () => Promise<typeof import('./follow-redirects.js')> = loadOnce(() => import('./follow-redirects.js'));
export const loadHooks: () => Promise<typeof import('./hooks.js')> = loadOnce(() => import('./hooks.js'));
/** The messages of ApiError, ApiConnectionError and ApiTimeoutError: failure-messages.ts, loaded with a client's first failure. */
export const loadFailureMessages: () => Promise<typeof import('./failure-messages.js')> = loadOnce(() => import('./failure-messages.js'));
export const loadRetryWait: () => Promise<typeof import('./retry-wait.js')> = loadOnce(() => import('./retry-wait.js'));
/** The renewal after a refusal, an Idempotency-Key and a challenge-response probe: occasional-steps.ts, one chunk. */
export const loadOccasionalSteps: () => Promise<typeof import('./occasional-steps.js')> = loadOnce(() => import('./occasional-steps.js'));
