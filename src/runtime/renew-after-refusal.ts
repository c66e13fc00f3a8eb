/**
 * Asking the strategies that authenticated a refused request (a 401 or 403) to renew their
 * credentials. Loaded with setbacks.ts (lazy-core-modules.ts) by the first answer outside 2xx; imports no
 * up-front code.
 */
import type { AuthStrategy } from './auth-strategy.js';
import type { PreparedRequest } from './build-request.js';
import type { SchemeUseSpec } from './operation.js';

/** After a 401 (onUnauthorized) or 403 (onForbidden), asks every applied strategy that can renew; any success earns one more attempt. */
export async function renewAfterRefusal(
  strategies: ReadonlyMap<string, AuthStrategy>,
  operation: string,
  chosen: readonly SchemeUseSpec[],
  sent: { request: PreparedRequest; response: Response },
  signal: AbortSignal | undefined,
  notes: string[],
): Promise<boolean> {
  let renewed = false;
  const explain = (why: string): void => void notes.push(why);
  for (const [scheme, scopes] of chosen) {
    const strategy = strategies.get(scheme);
    if (strategy === undefined) continue; // applied a moment ago, so never
    const renew = sent.response.status === 401 ? strategy.onUnauthorized : strategy.onForbidden;
    if (renew === undefined) continue;
    if (await renew.call(strategy, sent.request, sent.response, { scopes, operation, signal, explain })) renewed = true;
  }
  return renewed;
}
