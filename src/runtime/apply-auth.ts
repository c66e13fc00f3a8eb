/**
 * The core's side of the strategy contract (auth-strategy.ts): applying the chosen schemes to a
 * request, telling them when it is done, and finding a strategy's own transport. Asking them to
 * renew after a 401 or 403 is renew-after-refusal.ts, loaded with the first refusal.
 */
import type { AuthContext, AuthStrategy } from './auth-strategy.js';
import type { PreparedRequest } from './build-request.js';
import type { FetchLike } from './client-core.js';
import type { SchemeUseSpec } from './operation.js';

export type Strategies = ReadonlyMap<string, AuthStrategy>;

/**
 * Applies each chosen scheme in turn. While strategies finish at once (a fixed key, a cached
 * token) this returns nothing and the caller has nothing to await; from the first strategy that
 * returns a Promise on, the rest run after it. If one fails, every strategy hears that the
 * request will not be sent. The chosen schemes all have a strategy: the operation's alternative
 * was picked by which schemes have one (client-core.ts).
 */
export function applyAuth(
  strategies: Strategies,
  request: PreparedRequest,
  operation: string,
  chosen: readonly SchemeUseSpec[],
  signal: AbortSignal | undefined,
  probe: () => Promise<Response>,
): void | Promise<void> {
  const fail = (error: unknown): never => {
    settleAuth(strategies, chosen, request); // never sent
    throw error;
  };
  const applyFrom = (i: number): void | Promise<void> => {
    for (; i < chosen.length; i++) {
      const [scheme, scopes] = chosen[i]!;
      const pending = strategies.get(scheme)!.apply(request, { scopes, operation, signal, probe } satisfies AuthContext);
      if (pending !== undefined) return pending.then(() => applyFrom(i + 1));
    }
  };
  try {
    return applyFrom(0)?.catch(fail);
  } catch (error) {
    return fail(error);
  }
}

/** Tells the strategies that authenticated the request that it has its answer, or never will. */
export function settleAuth(strategies: Strategies, chosen: readonly SchemeUseSpec[], request: PreparedRequest): void {
  for (const [scheme] of chosen) strategies.get(scheme)!.settle?.(request);
}

/** A strategy that authenticates in the TLS handshake (mutual TLS) brings its own fetch. */
export function transportFor(strategies: Strategies, chosen: readonly SchemeUseSpec[]): FetchLike | undefined {
  let transport: FetchLike | undefined;
  for (const [scheme] of chosen) transport ||= strategies.get(scheme)!.transport;
  return transport;
}
