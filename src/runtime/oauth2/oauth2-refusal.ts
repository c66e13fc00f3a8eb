/**
 * What an OAuth 2.0 strategy does when the API refuses a token it sent (a 401): one more attempt
 * after a DPoP nonce challenge that brings a new nonce, else a renewal of the token, unless a token
 * renewed after a 401 was refused too within the cool-down. Loaded with import() by oauth2-auth.ts
 * at the first 401 (lazy-modules.ts), so an app whose tokens are accepted never downloads it.
 */
import type { AuthContext, AuthRequest } from '../auth-strategy.js';
import type { DpopHandle } from './dpop-option.js';
import type { TokenManager, TokenState } from './token-manager.js';
import { abortable$ as abortable, asTokenSet$ as asTokenSet, quoteScheme$ as quoteScheme, RENEWAL_COOL_DOWN_MS$ as RENEWAL_COOL_DOWN_MS, sameTokens$ as sameTokens } from './lazy-module-imports.js';
import type { TokenSet } from './types.js';

/** The refused request and what the strategy knows of it. */
export interface Refusal {
  scheme: string;
  request: AuthRequest;
  response: Response;
  context: AuthContext;
  /** The access token the request carried. */
  sent: string;
  dpop: DpopHandle | undefined;
  /** The DPoP nonces the strategy's proofs carried, by request. */
  sentNonce: WeakMap<AuthRequest, string | undefined>;
  /** Tokens obtained because the server refused the one before, and when. */
  renewedAfter401: Map<string, number>;
  now: () => number;
  tokens: TokenManager;
  scopes: readonly string[];
}

/** Resolves true when the request is worth sending again. */
export async function answerRefusal(refusal: Refusal): Promise<boolean> {
  const { request, context, sent, dpop, sentNonce, renewedAfter401, tokens, scopes } = refusal;
  if (dpop !== undefined && sentNonce.has(request)) {
    // One more attempt when the API's nonce is new; the same nonce again means retrying cannot help.
    const retry = (await dpop.prover()).answerNonceChallenge(request.url, refusal.response, sentNonce.get(request));
    if (retry !== undefined) {
      sentNonce.delete(request);
      if (!retry) context.explain?.(`security scheme ${quoteScheme(refusal.scheme)}: the API asked for a DPoP nonce without sending a new one (DPoP-Nonce)`);
      return retry;
    }
  }
  const now = refusal.now();
  for (const [token, at] of renewedAfter401) if (now - at >= RENEWAL_COOL_DOWN_MS) renewedAfter401.delete(token);
  const renewedAt = renewedAfter401.get(sent);
  if (renewedAt !== undefined) {
    const waitS = Math.ceil((renewedAt + RENEWAL_COOL_DOWN_MS - now) / 1000);
    context.explain?.(`security scheme ${quoteScheme(refusal.scheme)}: a token renewed after a 401 was refused too; not renewing again for ${waitS} s`);
    return false;
  }
  const renewed = await abortable(tokens.renewRejected(scopes, sent), context.signal);
  if (renewed) renewedAfter401.set((await abortable(tokens.token(scopes), context.signal)).accessToken, refusal.now());
  return renewed;
}

/**
 * The token manager forgets a refused access token (token-manager.ts, renewing after a 401); a
 * refresh token that came with it is kept for the renewal.
 */
export async function dropRefused(state: TokenState, key: string, rejected: TokenSet): Promise<void> {
  state.recent.delete(key);
  const { store } = state;
  const keep = rejected.refreshToken === undefined ? undefined : { ...rejected, accessToken: '', expiresAt: undefined };
  if (state.seed === rejected) state.seed = keep;
  else if (keep === undefined) await store.delete(key, rejected);
  else if (sameTokens(asTokenSet(await store.get(key)), rejected)) await store.set(key, keep);
}
