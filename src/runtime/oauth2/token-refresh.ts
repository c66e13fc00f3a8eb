/**
 * A renewal whose tokens carry a refresh token (RFC 6749 §6). Loaded with import() the first time
 * one does (oauth2-auth.ts, lazy-modules.ts): client credentials servers rarely issue refresh
 * tokens, so most apps never download it.
 */
import { asTokenSet$ as asTokenSet, requestTokens$ as requestTokens, requireEndpoint$ as requireEndpoint, TokenError$ as TokenError } from './lazy-module-imports.js';
import type { OAuthClient } from './token-endpoint.js';
import type { GrantRunner, TokenState } from './token-manager.js';
import type { TokenSet } from './types.js';

/** grant_type=refresh_token, at refreshUrl when the spec names one. */
export async function refreshTokens(oauth: OAuthClient, tokens: TokenSet): Promise<TokenSet> {
  const url = (await oauth.endpoints()).refreshUrl ?? (await requireEndpoint(oauth, 'tokenUrl', 'token endpoint'));
  return requestTokens(oauth, url, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken ?? '' }, tokens);
}

/**
 * Uses `current`'s refresh token: the new tokens, or, when the server calls it dead
 * (`invalid_grant`), that answer as `refused` for the grant to run instead, the refresh token
 * forgotten. Anything else (network, server) is not ours to paper over: it rejects.
 */
export async function refreshHeld(source: GrantRunner, state: TokenState, key: string, current: TokenSet): Promise<{ tokens?: TokenSet; refused?: TokenError }> {
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
  state.recent.delete(key);
  if (state.seed?.refreshToken === refreshToken) state.seed = undefined;
  // Compared here and, by stores that can, again at the delete itself.
  const store = await state.store;
  const stored = asTokenSet(await store.get(key));
  if (stored !== undefined && stored.refreshToken === refreshToken) await store.delete(key, stored);
}
