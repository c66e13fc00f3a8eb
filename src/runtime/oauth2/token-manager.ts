/**
 * The token lifecycle's shared pieces: the store key and the lifecycle's types. OAuth2Auth in
 * oauth2-auth.ts runs it: tokens cached per scope set in the TokenStore, renewed ahead of expiry
 * (usable() in token-set.ts), one token request at a time per scope set however many calls wait,
 * refresh tokens before grants, and a renewal after a 401 that never discards a token someone
 * already replaced.
 */
import type { OAuth2Auth } from './oauth2-auth.js';
import type { OAuthClient } from './token-endpoint.js';
import type { TokenError } from './token-error.js';
import type { TokenSet, TokenStore } from './types.js';

/** How this scheme's flow gets tokens; one per flow (see grants.ts). */
export interface GrantRunner {
  /**
   * Runs the original grant (client credentials, password, device); `refused` is the invalid_grant
   * answer to the refresh tried first, if any. A flow without one (authorization code) rejects:
   * only the user can grant a new code.
   */
  request(scopes: readonly string[], refused?: TokenError): Promise<TokenSet>;
  /**
   * How tokens.refreshToken is used (RFC 6749 §6): the client whose token endpoint takes it
   * (grant_type=refresh_token, token-refresh.ts), or the grant's own way (the JWT bearer grant: a
   * new assertion).
   */
  refresh: OAuthClient | ((tokens: TokenSet) => Promise<TokenSet>);
}

/** A runner that refreshes its own way (the JWT bearer grant). */
export type SelfRefreshingRunner = GrantRunner & { refresh: (tokens: TokenSet) => Promise<TokenSet> };

/** What the sign-in helpers (authorization-code-flow.ts) and a 401 (oauth2-refusal.ts) use of a strategy's tokens. */
export type TokenManager = Pick<OAuth2Auth, 'scheme' | 'token' | 'renew' | 'save'>;

/**
 * The store as renewals see it. An application's store comes wrapped (GuardedTokenStore, loaded
 * with it), which runs each renewal under the store's leases when it has them and answers only
 * what looks like a TokenSet (an application's store may hold anything); a client without a store of
 * its own keeps its tokens in memory (TokenState.recent) and never loads that code.
 */
export interface RenewalStore extends TokenStore {
  renewal<T>(scheme: string, key: string, settled: () => Promise<T | undefined>, renew: () => Promise<T>): Promise<T>;
}

/**
 * What renewals change, shared with the code of the paths that need it only after a failure: a
 * refused token (oauth2-refusal.ts) and a dead refresh token (token-refresh.ts), each loaded
 * by then. OAuth2Auth keeps it in one object with its options (a copy: `seed` starts as theirs).
 */
export interface TokenState {
  /** An application's store, or the promise of it (oauth2-auth.ts); none: `recent` holds the tokens. */
  readonly store: RenewalStore | PromiseLike<RenewalStore> | undefined;
  // The last token set read or written per key: while fresh it serves calls without a store round
  // trip (a shared store sits across the network). Renewals always read the store itself. Without
  // a store (one client in one process: nobody else to share with) it is the only copy.
  readonly recent: Map<string, TokenSet>;
  /** Tokens the application passed in (authorization code), used while the store has none. */
  seed?: TokenSet | undefined;
  /** Tokens obtained because the server refused the one before, and when (made by oauth2-refusal.ts). */
  renewedAfter401?: Map<string, number>;
}
