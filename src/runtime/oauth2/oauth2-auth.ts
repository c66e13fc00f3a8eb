/**
 * The strategy of an oauth2 or openIdConnect scheme, token lifecycle included: tokens cached per
 * scope set in the TokenStore, renewed ahead of expiry, one token request at a time per scope set
 * however many calls wait, refresh tokens before grants, and a renewal after a 401 that never
 * discards a token someone already replaced. With a store that offers leases the single flight
 * spans every process sharing the store. One object, so that no state is kept (or forwarded) twice.
 */
import type { AuthContext, AuthRequest, AuthStrategy } from '../auth-strategy.js';
import { abortable } from '../abortable.js';
import { requireHeaderSafe } from '../credential-checks.js';
import type { FetchLike } from '../client-core.js';
import type { DpopHandle } from './dpop-option.js';
import { loadRenewalSteps } from './lazy-modules.js';
import { loadOrFail } from './token-error.js';
import { usable } from './token-set.js';
import type { GrantRunner, RenewalStore, TokenState } from './token-manager.js';
import type { OAuthFlowName, TokenSet } from './types.js';

/** The grant a strategy runs: a flow of the OpenAPI flows object, or the JWT bearer grant (RFC 7523). */
export type OAuth2Grant = OAuthFlowName | 'jwtBearer';

export interface OAuth2AuthOptions {
  flow: OAuth2Grant;
  /** Part of every store key: clients with different ids never share tokens. */
  clientId: string;
  /** An application's store, or the promise of it (once its guard is loaded); none: the tokens live in the strategy alone. */
  store: RenewalStore | PromiseLike<RenewalStore> | undefined;
  onTokens: ((event: { scheme: string; tokens: TokenSet }) => void | Promise<void>) | undefined;
  /** Clock, epoch ms (token lifetimes; the cool-down after a renewal that did not help). */
  now: () => number;
  source: GrantRunner;
  /** Tokens the application passed in (authorization code), used while the store has none. */
  seed?: TokenSet | undefined;
  /**
   * Scopes every token is for, frozen (authorization code: none, the signed-in user's tokens are
   * one set per scheme); when undefined each operation's own scopes are requested.
   */
  scopes: readonly string[] | undefined;
  /** With DPoP on: DPoP tokens go out with a fresh proof per request. */
  dpop?: DpopHandle | undefined;
  /** RFC 8705: the credential's certificate fetch, which the API calls go through too (bound tokens). */
  transport?: FetchLike | undefined;
}

/**
 * Bearer tokens the client obtains and renews itself (client credentials, password, authorization
 * code, device authorization; OpenID Connect). Everything secret lives in private fields. The
 * authorization code flow's strategy adds its sign-in helpers (authorization-code-auth.ts).
 */
export class OAuth2Auth implements AuthStrategy {
  declare readonly scheme: string;
  /** The flow the credential runs (never secret). */
  declare readonly flow: OAuth2Grant;
  // The options and what renewals change, one object (TokenState): the lazy steps take it whole.
  readonly #state: TokenState & OAuth2AuthOptions;
  // The renewal under way per store key: everyone asking meanwhile shares its outcome.
  readonly #flights = new Map<string, Promise<TokenSet>>();
  // Store keys by scope list: the core hands every call of an operation the same frozen list.
  readonly #keys = new WeakMap<readonly string[], string>();
  // Which access token each request carried, so a 401 renews only a token that is still current.
  readonly #sent = new WeakMap<AuthRequest, string>();

  constructor(scheme: string, options: OAuth2AuthOptions) {
    this.scheme = scheme;
    this.flow = options.flow;
    this.#state = { ...options, recent: new Map() };
  }

  /** The certificate fetch, when the credential has one (an accessor: kept off inspect output). */
  get transport(): FetchLike | undefined {
    return this.#state.transport;
  }

  /** Synchronous while a fresh Bearer token is in hand: most requests need no await at all. */
  apply(request: AuthRequest, context: AuthContext): void | Promise<void> {
    const { dpop, now, scopes = context.scopes } = this.#state;
    const fresh = usable(this.#state.recent.get(this.#key(scopes)), now());
    if (fresh && !dpop) return this.#send(request, fresh);
    // With DPoP on, every request waits for its proof (a Bearer token the server gave instead too):
    // a DPoP token's proof replaces the Bearer value (dpop-option.ts).
    return abortable(this.token(scopes), context.signal).then((tokens) => {
      this.#send(request, tokens);
      return dpop?.authorize(request, tokens, now());
    });
  }

  /** Sends `tokens` as Bearer, remembered for a 401. */
  #send(request: AuthRequest, { accessToken }: TokenSet): void {
    // Checked on every request, DPoP's too (a test of a few dozen characters; a cached header value cost every app ~28 bytes gzip).
    request.headers.set('authorization', `Bearer ${requireHeaderSafe(accessToken, this.scheme)}`);
    this.#sent.set(request, accessToken);
  }

  async onUnauthorized(request: AuthRequest, response: Response, context: AuthContext): Promise<boolean> {
    const sent = this.#sent.get(request);
    // A request that carried none of this strategy's tokens: nothing to renew, nothing to load. Else
    // its code loads with the first refusal; without it (a browser gone offline) the 401 is the answer.
    return sent !== undefined && loadRenewalSteps().then((steps) => steps.answerRefusal(this, this.#state, request, response, context, sent), () => false);
  }

  /** A token fit for a request leaving now. */
  async token(scopes: readonly string[]): Promise<TokenSet> {
    const key = this.#key(scopes);
    const { now } = this.#state;
    // The token last read or written for this key while it is fresh: no store round trip.
    return usable(this.#state.recent.get(key), now()) ?? usable(await this.#read(key), now()) ?? this.renew(scopes);
  }

  /**
   * One renewal per key at a time, unless a usable token is in the store by then (written by a
   * concurrent caller or another process sharing the store). `rejected`: the token the server
   * just refused (oauth2-refusal.ts), never taken as usable.
   */
  renew(scopes: readonly string[], rejected?: string): Promise<TokenSet> {
    const key = this.#key(scopes);
    const flights = this.#flights;
    let flight = flights.get(key);
    if (!flight) {
      const renew = () => this.#renewHeld(key, scopes, rejected);
      // An application's store (guarded) runs the renewal, under its leases when it has them (token-manager.ts).
      flight = Promise.resolve(this.#state.store).then((store) => (store ? store.renewal(this.scheme, key, async () => usable(await this.#read(key), this.#state.now(), rejected), renew) : renew()));
      flights.set(key, (flight = flight.finally(() => flights.delete(key))));
    }
    return flight;
  }

  /** Stores tokens obtained outside the renewals (a redeemed authorization code). */
  async save(scopes: readonly string[], tokens: TokenSet): Promise<void> {
    const state = this.#state;
    const key = this.#key(scopes);
    state.seed = undefined;
    state.recent.set(key, tokens);
    await (await state.store)?.set(key, tokens);
    await state.onTokens?.({ scheme: this.scheme, tokens });
  }

  #key(scopes: readonly string[]): string {
    let key = this.#keys.get(scopes);
    if (key === undefined) {
      // Store key: the scheme, the client id and the sorted, de-duplicated scopes, unambiguous as JSON.
      key = JSON.stringify([this.scheme, this.#state.clientId, ...[...new Set(scopes)].sort()]);
      if (Object.isFrozen(scopes)) this.#keys.set(scopes, key);
    }
    return key;
  }

  async #read(key: string): Promise<TokenSet | undefined> {
    const state = this.#state;
    const { store, recent } = state;
    // Without an application's store, `recent` is where the tokens live.
    if (store) {
      // The guard (RenewalStore) answers only what looks like a TokenSet.
      const stored = await (await store).get(key);
      if (stored) recent.set(key, stored);
      else recent.delete(key);
    }
    // Read after the store's answer: a sign-in saved meanwhile has dropped the seed.
    return recent.get(key) ?? state.seed;
  }

  /** The renewal itself; with leases, run by the one holder of the key's lease. */
  async #renewHeld(key: string, scopes: readonly string[], rejected: string | undefined): Promise<TokenSet> {
    // Read again inside the flight (and the lease): a caller that read the store before the last
    // flight ended would otherwise fetch a second token, or present a spent refresh token.
    const current = await this.#read(key);
    const state = this.#state;
    const { source, now } = state;
    let tokens = usable(current, now(), rejected);
    if (tokens) return tokens;
    // After a 401 (the refused token dropped) or with a refresh token (used first) there is more to
    // do than the grant: its code (renewal-steps.ts) loads then; client credentials servers rarely
    // issue refresh tokens.
    const before = rejected || current?.refreshToken !== undefined ? await (await loadOrFail(loadRenewalSteps, this, 'network_error', 'token renewal')).beforeGrant(state, key, current, rejected) : undefined;
    tokens = before?.tokens ?? (await source.request(scopes, before?.refused));
    await this.save(scopes, tokens);
    return tokens;
  }
}
