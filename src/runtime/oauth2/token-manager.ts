/**
 * The token lifecycle of one scheme: tokens cached per scope set in the TokenStore, renewed ahead
 * of expiry, one token request at a time per scope set however many calls wait, refresh tokens
 * before grants, and a renewal after a 401 that never discards a token someone already replaced.
 * With a store that offers leases the single flight spans every process sharing the store.
 */
import { loadLeaseFlight, loadOAuth2Refusal, loadOAuthHttpFailure } from './lazy-modules.js';
import { isFresh, asTokenSet } from './token-set.js';
import { TokenError } from './token-error.js';
import type { TokenSet, TokenStore } from './types.js';

/** How this scheme's flow gets tokens; one per flow (see grants.ts). */
export interface GrantRunner {
  /** Runs the original grant (client credentials, password, device); undefined when there is none. */
  readonly request: ((scopes: readonly string[]) => Promise<TokenSet>) | undefined;
  /** Uses tokens.refreshToken (RFC 6749 §6). */
  refresh(tokens: TokenSet): Promise<TokenSet>;
}

export interface TokenManagerOptions {
  scheme: string;
  /** Part of every store key: clients with different ids never share tokens. */
  clientId: string;
  store: TokenStore;
  onTokens: ((event: { scheme: string; tokens: TokenSet }) => void | Promise<void>) | undefined;
  now: () => number;
  source: GrantRunner;
  /** Tokens the application passed in (authorization code), used while the store has none. */
  seed?: TokenSet | undefined;
}

/**
 * What a manager's renewals change, shared with the code of the paths that need it only after a
 * failure: a refused token (oauth2-refusal.ts) and a dead refresh token (oauth-http-failure.ts),
 * each loaded by then.
 */
export interface TokenState {
  readonly store: TokenStore;
  // The last token set read or written per key: while fresh it serves calls without a store round
  // trip (a shared store sits across the network). Renewals always read the store itself.
  readonly recent: Map<string, TokenSet>;
  /** Tokens the application passed in (authorization code), used while the store has none. */
  seed: TokenSet | undefined;
}

/** Store key: the scheme, the client id and the sorted, de-duplicated scopes, unambiguous as JSON. */
export function tokenKey(scheme: string, clientId: string, scopes: readonly string[]): string {
  return JSON.stringify([scheme, clientId, ...[...new Set(scopes)].sort()]);
}

/** The tokens when they can go out now and are not the ones the server just refused. */
function usable(tokens: TokenSet | undefined, nowMs: number, rejected: string | undefined): TokenSet | undefined {
  return isFresh(tokens, nowMs) && tokens.accessToken !== rejected ? tokens : undefined;
}

export class TokenManager {
  readonly scheme: string;
  readonly #options: TokenManagerOptions;
  readonly #flights = new Map<string, Promise<TokenSet>>();
  readonly #state: TokenState;
  // Store keys by scope list: the core hands every call of an operation the same frozen list.
  readonly #keys = new WeakMap<readonly string[], string>();

  constructor(options: TokenManagerOptions) {
    this.scheme = options.scheme;
    this.#options = options;
    this.#state = { store: options.store, recent: new Map(), seed: options.seed };
  }

  /**
   * The token last read or written for these scopes while it is fresh, else undefined: the
   * per-request path, without a store round trip or an await. `token()` does the rest.
   */
  fresh(scopes: readonly string[]): TokenSet | undefined {
    const recent = this.#state.recent.get(this.#key(scopes));
    return isFresh(recent, this.#options.now()) ? recent : undefined;
  }

  /** A token fit for a request leaving now. */
  async token(scopes: readonly string[]): Promise<TokenSet> {
    const key = this.#key(scopes);
    const recent = this.#state.recent.get(key);
    if (isFresh(recent, this.#options.now())) return recent;
    const current = await this.#read(key);
    if (isFresh(current, this.#options.now())) return current;
    return this.#renew(key, scopes, undefined);
  }

  /**
   * The server refused `rejected`: renew unless that already happened (by a concurrent caller or
   * another process sharing the store). Resolves true when a different token is now current.
   */
  async renewRejected(scopes: readonly string[], rejected: string): Promise<boolean> {
    const key = this.#key(scopes);
    let tokens = await (this.#flights.get(key) ?? this.#renew(key, scopes, rejected));
    // A flight started before the 401 may have re-read the very token the server refused.
    if (tokens.accessToken === rejected) tokens = await this.#renew(key, scopes, rejected);
    return tokens.accessToken !== rejected;
  }

  /** Stores tokens obtained outside the manager (a redeemed authorization code). */
  async save(scopes: readonly string[], tokens: TokenSet): Promise<void> {
    await this.#save(this.#key(scopes), tokens);
  }

  #key(scopes: readonly string[]): string {
    if (!Object.isFrozen(scopes)) return tokenKey(this.scheme, this.#options.clientId, scopes);
    let key = this.#keys.get(scopes);
    if (key === undefined) {
      key = tokenKey(this.scheme, this.#options.clientId, scopes);
      this.#keys.set(scopes, key);
    }
    return key;
  }

  async #read(key: string): Promise<TokenSet | undefined> {
    const state = this.#state;
    const stored = asTokenSet(await state.store.get(key));
    if (stored === undefined) state.recent.delete(key);
    else state.recent.set(key, stored);
    return stored ?? state.seed;
  }

  async #save(key: string, tokens: TokenSet): Promise<void> {
    this.#state.seed = undefined;
    this.#state.recent.set(key, tokens);
    await this.#options.store.set(key, tokens);
    await this.#options.onTokens?.({ scheme: this.scheme, tokens });
  }

  /** One renewal per key at a time; everyone asking meanwhile shares its outcome. */
  #renew(key: string, scopes: readonly string[], rejected: string | undefined): Promise<TokenSet> {
    const running = this.#flights.get(key);
    if (running !== undefined) return running;
    const flight = this.#renewNow(key, scopes, rejected).finally(() => this.#flights.delete(key));
    this.#flights.set(key, flight);
    return flight;
  }

  async #renewNow(key: string, scopes: readonly string[], rejected: string | undefined): Promise<TokenSet> {
    const leases = this.#options.store.leases;
    if (leases === undefined) return this.#renewHeld(key, scopes, rejected);
    // Only stores shared between clients or processes have leases; their code loads with the first renewal.
    const { underLease } = await loadLeaseFlight();
    return underLease({
      scheme: this.scheme,
      key,
      leases,
      settled: async () => usable(await this.#read(key), this.#options.now(), rejected),
      renew: () => this.#renewHeld(key, scopes, rejected),
    });
  }

  /** The renewal itself; with leases, run by the one holder of the key's lease. */
  async #renewHeld(key: string, scopes: readonly string[], rejected: string | undefined): Promise<TokenSet> {
    // Read again inside the flight (and the lease): a caller that read the store before the last
    // flight ended would otherwise fetch a second token, or present a spent refresh token.
    const current = await this.#read(key);
    const unchanged = usable(current, this.#options.now(), rejected);
    if (unchanged !== undefined) return unchanged;
    // Only after a 401, whose code (oauth2-refusal.ts) is loaded by then.
    if (rejected !== undefined && current?.accessToken === rejected) await (await loadOAuth2Refusal()).dropRefused(this.#state, key, current);
    const tokens = await this.#obtain(key, scopes, current);
    await this.#save(key, tokens);
    return tokens;
  }

  async #obtain(key: string, scopes: readonly string[], current: TokenSet | undefined): Promise<TokenSet> {
    const { source } = this.#options;
    if (current?.refreshToken !== undefined) {
      try {
        return await source.refresh(current);
      } catch (error) {
        // invalid_grant: the refresh token is dead. Anything else (network, server) is not ours to paper over.
        if (!(error instanceof TokenError) || error.error !== 'invalid_grant') throw error;
        if (source.request === undefined) {
          // The error came through oauth-http-failure.ts, so its code is loaded.
          await (await loadOAuthHttpFailure()).forgetRefreshToken(this.#state, key, current.refreshToken);
          throw this.#loginRequired('the refresh token was rejected', error);
        }
      }
    }
    if (source.request === undefined) throw this.#loginRequired('there is no usable refresh token', undefined);
    return source.request(scopes);
  }

  #loginRequired(why: string, cause: unknown): TokenError {
    return new TokenError({
      scheme: this.scheme,
      error: 'login_required',
      errorDescription: `${why}: sign the user in again (authorization code flow)`,
      cause,
    });
  }
}
