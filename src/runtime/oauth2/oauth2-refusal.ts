/**
 * What an OAuth 2.0 strategy does when the API refuses a token it sent (a 401): one more attempt
 * after a DPoP nonce challenge that brings a new nonce, else a renewal of the token, unless a token
 * renewed after a 401 was refused too within the cool-down. Loaded with import() by oauth2-auth.ts
 * at the first 401 (renewal-steps.ts), so an app whose tokens are accepted never downloads it.
 */
import type { AuthContext, AuthRequest } from '../auth-strategy.js';
import type { OAuth2AuthOptions } from './oauth2-auth.js';
import type { TokenManager, TokenState } from './token-manager.js';
import { abortable$ as abortable, quoteScheme$ as quoteScheme } from './lazy-module-imports.js';

/**
 * After a token renewed because of a 401 is refused too, renewing again does not help (the API
 * refuses every token, or this client's rights): for this long such a 401 is final.
 */
export const RENEWAL_COOL_DOWN_MS = 30_000;

/**
 * Resolves true when the request is worth sending again. `sent` is the access token the refused
 * request carried (undefined: it carried none of this strategy's); its token is for the
 * strategy's scopes, else the operation's.
 */
export async function answerRefusal(
  tokens: TokenManager,
  state: TokenState & Pick<OAuth2AuthOptions, 'dpop' | 'now' | 'scopes'>,
  request: AuthRequest,
  response: Response,
  context: AuthContext,
  sent: string,
): Promise<boolean> {
  const { dpop, now, scopes = context.scopes } = state;
  const where = `security scheme ${quoteScheme(tokens.scheme)}`;
  const sentNonce = dpop?.sentNonce;
  if (sentNonce?.has(request)) {
    // One more attempt when the API's nonce is new; the same nonce again means retrying cannot help.
    const retry = (await dpop!.prover()).answerNonceChallenge(request.url, response, sentNonce.get(request));
    if (retry !== undefined) {
      sentNonce.delete(request);
      if (!retry) context.explain?.(`${where}: the API asked for a DPoP nonce without sending a new one (DPoP-Nonce)`);
      return retry;
    }
  }
  const renewedAfter401 = (state.renewedAfter401 ??= new Map());
  const at = now();
  for (const [token, renewed] of renewedAfter401) if (at - renewed >= RENEWAL_COOL_DOWN_MS) renewedAfter401.delete(token);
  const renewedAt = renewedAfter401.get(sent);
  if (renewedAt !== undefined) {
    const waitS = Math.ceil((renewedAt + RENEWAL_COOL_DOWN_MS - at) / 1000);
    context.explain?.(`${where}: a token renewed after a 401 was refused too; not renewing again for ${waitS} s`);
    return false;
  }
  const renewed = await abortable(renewRejected(tokens, scopes, sent), context.signal);
  if (renewed) renewedAfter401.set((await abortable(tokens.token(scopes), context.signal)).accessToken, now());
  return renewed;
}

/**
 * The server refused `rejected`: renew unless that already happened (by a concurrent caller or
 * another process sharing the store). Resolves true when a different token is now current.
 */
async function renewRejected(tokens: TokenManager, scopes: readonly string[], rejected: string): Promise<boolean> {
  // A flight started before the 401 (joined here) may have re-read the very token the server
  // refused: then one more, which sees the rejected token and renews.
  let renewed = await tokens.renew(scopes, rejected);
  if (renewed.accessToken === rejected) renewed = await tokens.renew(scopes, rejected);
  return renewed.accessToken !== rejected;
}
