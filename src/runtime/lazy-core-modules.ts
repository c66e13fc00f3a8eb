/**
 * Request-core code only some calls need, loaded with `import()` the first time one comes: what
 * follows an answer outside 2xx or an attempt that threw (setbacks.ts), and the steps before a
 * send few calls take (before-send-steps.ts): what hooks see (a client with hooks), an
 * Idempotency-Key (a call that asks for one) and the bare request a challenge-response scheme
 * probes with (Digest). A bundler splits it into a chunk an app fetches only then. No module
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

/**
 * What a call does after an answer outside 2xx or an attempt that threw (redirects, the renewal
 * after a refusal, retries, the typed errors' messages): setbacks.ts, loaded with a client's first.
 */
export const loadSetbacks: () => Promise<typeof import('./setbacks.js')> = loadOnce(() => import('./setbacks.js'));
/** What hooks see, an Idempotency-Key and a challenge-response probe: before-send-steps.ts, one chunk. */
export const loadBeforeSendSteps: () => Promise<typeof import('./before-send-steps.js')> = loadOnce(() => import('./before-send-steps.js'));
