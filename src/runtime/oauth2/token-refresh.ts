/**
 * What a renewal does before it runs the grant, when there is more to do than that: after a 401,
 * forget the access token the API refused; with a refresh token, use it (RFC 6749 §6). Loaded with
 * import() the first time a renewal has either (oauth2-auth.ts, renewal-steps.ts): client
 * credentials servers rarely issue refresh tokens, so most apps never download it.
 */
import { requestTokens$ as requestTokens, requireEndpoint$ as requireEndpoint, TokenError$ as TokenError } from './lazy-module-imports.js';
import { sameTokens } from './same-tokens.js';
import type { OAuthClient } from './token-endpoint.js';
import type { OAuth2AuthOptions } from './oauth2-auth.js';
import type { GrantRunner, TokenState } from './token-manager.js';
import type { TokenSet } from './types.js';

/** grant_type=refresh_token, at refreshUrl when the spec names one. */
export async function refreshTokens(oauth: OAuthClient, tokens: TokenSet): Promise<TokenSet> {
  const url = (await oauth.endpoints()).refreshUrl ?? (await requireEndpoint(oauth, 'tokenUrl', 'token endpoint'));
  return requestTokens(oauth, url, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken ?? '' }, tokens);
}

/**
 * Before the grant: drops `rejected` (the access token the API just refused) when it is still
 * `current`, then uses the refresh token, if any (refreshHeld). Nothing to do here: the grant runs.
 */
export async function beforeGrant(state: TokenState & Pick<OAuth2AuthOptions, 'source'>, key: string, current: TokenSet | undefined, rejected: string | undefined): Promise<{ tokens?: TokenSet; refused?: TokenError }> {
  if (rejected && current?.accessToken === rejected) await dropRefused(state, key, current);
  return current?.refreshToken === undefined ? {} : refreshHeld(state.source, state, key, current);
}

/**
 * Uses `current`'s refresh token: the new tokens, or, when the server calls it dead
 * (`invalid_grant`), that answer as `refused` for the grant to run instead, the refresh token
 * forgotten. Anything else (network, server) is not ours to paper over: it rejects.
 */
async function refreshHeld(source: GrantRunner, state: TokenState, key: string, current: TokenSet): Promise<{ tokens?: TokenSet; refused?: TokenError }> {
  const { refresh } = source;
  try {
    return { tokens: await (typeof refresh === 'function' ? refresh(current) : refreshTokens(refresh, current)) };
  } catch (error) {
    if (!(error instanceof TokenError) || error.error !== 'invalid_grant') throw error;
    await forgetRefreshToken(state, key, current.refreshToken!);
    return { refused: error };
  }
}

/** Drops a refresh token the server called dead, unless another process has stored new tokens meanwhile. */
async function forgetRefreshToken(state: TokenState, key: string, refreshToken: string): Promise<void> {
  // Without an application's store `recent` is the only copy: tokens saved meanwhile (a sign-in) stay.
  if (state.recent.get(key)?.refreshToken === refreshToken) state.recent.delete(key);
  if (state.seed?.refreshToken === refreshToken) state.seed = undefined;
  // Compared here and, by stores that can, again at the delete itself.
  const store = await state.store;
  const stored = await store?.get(key);
  if (stored !== undefined && stored.refreshToken === refreshToken) await store!.delete(key, stored);
}

/** Forgets a refused access token; a refresh token that came with it is kept for the renewal. */
async function dropRefused(state: TokenState, key: string, rejected: TokenSet): Promise<void> {
  // Only while `recent` holds the refused set (or nothing): tokens saved meanwhile (a sign-in) stay.
  const held = state.recent.get(key);
  const holdsRejected = held === undefined || sameTokens(held, rejected);
  if (holdsRejected) state.recent.delete(key);
  const store = await state.store;
  const keep = rejected.refreshToken === undefined ? undefined : { ...rejected, accessToken: '', expiresAt: undefined };
  if (state.seed === rejected) state.seed = keep;
  // Without an application's store, `recent` was the only copy.
  else if (!store) {
    if (keep && holdsRejected) state.recent.set(key, keep);
  } else if (keep === undefined) await store.delete(key, rejected);
  else if (sameTokens(await store.get(key), rejected)) await store.set(key, keep);
}
