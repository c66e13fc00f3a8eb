import { ApiError } from './api-error.js';
import { applyAuth, settleAuth, transportFor } from './apply-auth.js';
import { ApiPromise, type ApiResponse } from './api-promise.js';
import { AttemptDeadline, type SignalPool } from './attempt-deadline.js';
import type { AuthStrategy } from './auth-strategy.js';
import { prepareRequest, resolveUrl, type PreparedRequest } from './build-request.js';
import type { AttemptOptions, CallState, SentRequest } from './call-state.js';
import { checkCoreConfig, positiveMs } from './core-checks.js';
import type { HeadersInit, RequestRedirect } from './fetch-types.js';
import type { Hooked, Hooks } from './hooks.js';
import { loadBareRequest, loadFollowRedirects, loadHooks, loadIdempotencyKey, loadRenewAfterRefusal, loadRetryWait } from './lazy-core-modules.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody, readErrorBody, readSuccessBody } from './parse-response.js';
import { mayRetry, retryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';
import { AuthRequiredError, selectAlternative } from './security.js';
import { ApiConnectionError, ApiTimeoutError } from './transport-errors.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Passed through to `fetch` (`credentials`, `cache`, `keepalive`, `mode`, a framework's extras).
 * The client's own `method`, `headers`, `body`, `signal`, `redirect` and `duplex` always win.
 */
export type FetchOptions = Omit<RequestInit, 'method' | 'headers' | 'body' | 'signal' | 'redirect'> & { readonly [extra: string]: unknown };

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Win over every other header except those authentication sets. */
  headers?: HeadersInit | undefined;
  /** Longest wait for each attempt's complete answer, body included. Default: the client's (60 000 ms). */
  timeoutMs?: number | undefined;
  /** Laid over the client's retry options; `false` sends once. */
  retry?: RetryOptions | false | undefined;
  /** Sent as `Idempotency-Key`, which also makes a POST or PATCH retryable. `true`: a random UUID, the same on every attempt. */
  idempotencyKey?: string | boolean | undefined;
  /** Laid over the client's fetchOptions. */
  fetchOptions?: FetchOptions | undefined;
}

export interface CoreConfig {
  baseUrl: string;
  /** Per operation id, a base URL of its own (the operation's or its path's `servers`), used instead of baseUrl. */
  operationBaseUrls?: ReadonlyMap<string, string> | undefined;
  /** Defaults to the global fetch, looked up on every request. */
  fetch?: FetchLike | undefined;
  headers?: HeadersInit | undefined;
  /** Strategies by security scheme name (see buildAuthStrategies). */
  auth: Map<string, AuthStrategy>;
  /** Per attempt, body included. Default 60 000 ms. */
  timeoutMs?: number | undefined;
  /** Default: 2 retries of 408, 429, 500, 502, 503, 504 and network errors (see RetryOptions). `false`: none. */
  retry?: RetryOptions | false | undefined;
  hooks?: Hooks | undefined;
  fetchOptions?: FetchOptions | undefined;
}

type Args = Readonly<Record<string, unknown>> | undefined;

// Node's fetch needs `duplex` to send a stream; lib.dom does not know the option yet.
type FetchInit = RequestInit & { duplex?: 'half' | undefined };

/**
 * The options `names` lists (space-separated), each read once by name, so that options given as
 * getters or inherited properties (a class instance, Object.create) count as a plain object's do:
 * a spread copies own enumerable properties only. A name not given is there as undefined.
 */
export function pickOptions<T extends object>(options: T, names: string): Partial<T> {
  const picked: Record<string, unknown> = {};
  for (const name of names.split(' ')) picked[name] = (options as Record<string, unknown>)[name];
  return picked as Partial<T>;
}

/**
 * Sends operations: builds the request, applies authentication, retries once after a renewed 401,
 * and retries per the retry policy, authenticating every attempt afresh, each attempt under its
 * own deadline (body included). What does not change from call to call (the schemes an operation
 * uses, the client's retry policy) is worked out once. How long to wait before a retry is
 * retry-wait.ts, loaded with the first retry: when it cannot be loaded (a browser gone offline),
 * the answer or failure at hand is final. One attempt: the request built, hooks run,
 * authentication applied, redirects followed by hand, and one more send when a strategy renewed
 * its credentials after a 401 or 403 (one class, not two: fewer bytes on every call's path).
 */
export class ClientCore {
  // Private so that inspecting or serializing a client never shows credentials or default headers.
  readonly #config: CoreConfig;
  // Set once a browser has hidden a redirect from us (see #send): fetch follows them from then on.
  #browserFollowsRedirects = false;
  // Lends the attempts their AbortControllers.
  readonly #signals: SignalPool = [];
  readonly #policy: RetryPolicy;
  readonly #timeoutMs: number;
  // The strategies are fixed at construction, so each operation's choice is too.
  readonly #chosen = new WeakMap<OperationSpec, readonly SchemeUseSpec[]>();

  constructor(config: CoreConfig) {
    this.#policy = checkCoreConfig(config);
    this.#config = config;
    this.#timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** One call: resolves to the parsed body; `.withResponse()` also gives the Response. */
  request<T>(op: OperationSpec, args: Args, options: RequestOptions = {}): ApiPromise<T> {
    const onError = this.#config.hooks?.onError;
    const call = this.#call<T>(op, args, options ?? {});
    // A throwing onError rejects the call with its own error instead.
    return new ApiPromise(onError === undefined ? call : call.catch(async (error: unknown) => {
      await onError(error, { operation: op.id });
      throw error;
    }));
  }

  async #call<T>(op: OperationSpec, args: Args, options: RequestOptions): Promise<ApiResponse<T>> {
    const chosen = this.#chosenFor(op);
    const policy = options.retry === undefined ? this.#policy : retryPolicy(this.#config.retry, options.retry);
    const timeoutMs = options.timeoutMs === undefined ? this.#timeoutMs : positiveMs(options.timeoutMs, 'timeoutMs');
    const key = options.idempotencyKey;
    const keyed = key !== undefined && key !== false;
    // idempotency-key.ts, loaded by the first call that asks for a key; without it, nothing is sent.
    const headers = keyed ? (await loadIdempotencyKey().catch((cause: unknown) => Promise.reject(this.#offline(op, cause)))).withIdempotencyKey(options.headers, key) : options.headers;
    const retryable = policy.maxRetries > 0 && mayRetry(op.method, keyed);

    for (let attempt = 1; ; attempt++) {
      const state: CallState = { attempt, url: undefined, replayable: true };
      const deadline = new AttemptDeadline(timeoutMs, options.signal, this.#signals);
      const attemptOptions: AttemptOptions = { ...options, headers, signal: deadline.signal, state };
      const canRetry = (): boolean => retryable && attempt <= policy.maxRetries && state.replayable;
      let retry: typeof import('./retry-wait.js');
      let delay: number;
      let streaming = false;
      try {
        let sent = await this.#send(op, args, attemptOptions, chosen);
        // What authentication did (or chose not to do) about a 401 or 403, for the ApiError.
        const notes: string[] = [];
        const refused = sent.response.status;
        // One more send when a strategy renewed its credentials after a 401 or 403. Its code loads with
        // the first refusal; without it (a browser gone offline) the refusal is the answer.
        if ((refused === 401 || refused === 403) && sent.authenticated && sent.request.body?.replayable !== false) {
          const renewal = await loadRenewAfterRefusal().catch(() => undefined);
          if (renewal !== undefined && (await renewal.renewAfterRefusal(this.#config.auth, op.id, chosen, sent, attemptOptions.signal, notes))) {
            await discardBody(sent.response);
            sent = await this.#send(op, args, attemptOptions, chosen);
          }
        }
        const response = sent.response;
        const retrying = policy.statuses.includes(response.status) && canRetry() ? await loadRetryWait().catch(() => undefined) : undefined;
        if (retrying === undefined) {
          if (response.ok) {
            const data = (await readSuccessBody(response, op.method, op.id, op.response)) as T;
            streaming = data !== null && (data as unknown) === response.body;
            return { data, response };
          }
          // The final answer outside 2xx: an ApiError with the parsed error body.
          const body = await readErrorBody(response, op.method);
          throw new ApiError({ operation: op.id, status: response.status, statusText: response.statusText, headers: response.headers, body, authNote: notes.length === 0 ? undefined : notes.join('; ') });
        }
        await discardBody(response);
        retry = retrying;
        delay = retry.retryDelayMs(policy, attempt, response);
      } catch (error) {
        const failure = deadline.timedOut && !(error instanceof ApiTimeoutError) && state.url !== undefined
          ? new ApiTimeoutError({ operation: op.id, method: op.method, url: state.url, cause: error, timeoutMs })
          : error;
        if (!(failure instanceof ApiConnectionError) || failure instanceof ApiTimeoutError || !canRetry()) throw failure;
        retry = await loadRetryWait().catch(() => Promise.reject(failure));
        delay = retry.retryDelayMs(policy, attempt, undefined);
      } finally {
        // A stream handed out is read after the call resolves: timeoutMs no longer applies, but the caller's signal still aborts it.
        deadline.dispose(streaming);
      }
      await retry.wait(delay, options.signal);
    }
  }

  /** The operation's own server (path- or operation-level `servers`) when it has one, else the client's. */
  #baseUrlOf(op: OperationSpec): string {
    const config = this.#config;
    return config.operationBaseUrls?.get(op.id) ?? config.baseUrl;
  }

  /**
   * What a call rejects with when code it needs cannot be loaded (a browser gone offline): nothing
   * was sent. It names the request's method and URL, or before there is a request, the
   * operation's method and server.
   */
  #offline(op: OperationSpec, cause: unknown, request?: { method: string; url: URL }): ApiConnectionError {
    // resolveUrl, not new URL: a relative base URL (a browser's `/api`) resolves against the page, and
    // an unparsable one must not surface as URL's own error, which quotes the input (a key in its query).
    const { method, url } = request ?? { method: op.method, url: resolveUrl(this.#baseUrlOf(op), '') };
    return new ApiConnectionError({ operation: op.id, method, url, cause });
  }

  /**
   * One send, redirects included. Redirects are followed by hand (`redirect: 'manual'`, see
   * follow-redirects.ts, loaded with the first 3xx): authentication is applied again on the API's
   * own origin and nowhere else, where the request goes without Authorization, Cookie or a query
   * API key. Browsers hide redirects from `manual` (an opaqueredirect response): the first one
   * seen makes fetch follow redirects itself for this client from then on (browsers drop
   * Authorization across origins), and the request is sent again only if repeating it is harmless.
   */
  async #send(op: OperationSpec, args: Args, options: AttemptOptions, chosen: readonly SchemeUseSpec[]): Promise<SentRequest> {
    const config = this.#config;
    const baseUrl = this.#baseUrlOf(op);
    const fresh = (): PreparedRequest => prepareRequest(baseUrl, config.headers, op, args, options.headers);
    let request = fresh();
    options.state.url = request.url;
    const hooks = config.hooks;
    // Hooks run before authentication, so no hook ever sees a credential (hooks.ts, loaded by a client that has them).
    let hooked: Hooked | undefined;
    if (hooks?.beforeRequest !== undefined || hooks?.afterResponse !== undefined) {
      const shown = request;
      const module = await loadHooks().catch((cause: unknown) => Promise.reject(this.#offline(op, cause, shown)));
      hooked = await module.beforeSend(hooks, request, op.id, options.state.attempt);
      request = hooked.request;
    }
    const apiOrigin = request.url.origin;
    const queryBeforeAuth = request.url.search;
    if (chosen.length > 0) {
      const pending = this.#authenticate(request, op, chosen, options);
      if (pending !== undefined) await pending;
    }
    let response = await this.#fetch(op, request, options, chosen, this.#browserFollowsRedirects ? 'follow' : 'manual');
    let authenticated = true;
    // A 3xx without a Location (304, most 300s) is the answer: nothing to load the redirect code for.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.headers.has('location'))) {
      // Without the module (a browser gone offline) the 3xx is the answer: an ApiError of that status.
      const follow = await loadFollowRedirects().catch(() => undefined);
      const followed = follow === undefined ? { request, response, authenticated } : await follow.followRedirects({
        operation: op.id,
        request,
        response,
        apiOrigin,
        queryBeforeAuth,
        fresh,
        authenticate: async (next) => this.#authenticate(next, op, chosen, options),
        send: (next, withCredentials, hopRedirect) => this.#fetch(op, next, options, withCredentials ? chosen : [], hopRedirect),
        discard: discardBody,
        browserHidesRedirects: () => {
          this.#browserFollowsRedirects = true;
        },
      });
      if (followed === 'resend') return this.#send(op, args, options, chosen);
      ({ request, response, authenticated } = followed);
    }
    if (hooked !== undefined) await hooks!.afterResponse?.(response, hooked.shown, hooked.context);
    return { request, response, authenticated };
  }

  #authenticate(request: PreparedRequest, op: OperationSpec, chosen: readonly SchemeUseSpec[], options: AttemptOptions): void | Promise<void> {
    // For challenge-response schemes (Digest): the request without body and credentials (bare-request.ts, loaded when first asked).
    const probe = async (): Promise<Response> => {
      const bare = await loadBareRequest().catch((cause: unknown) => Promise.reject(this.#offline(op, cause, request)));
      return this.#fetch(op, bare.bareRequest(request), options, chosen, 'manual', false);
    };
    return applyAuth(this.#config.auth, request, op.id, chosen, options.signal, probe);
  }

  /**
   * The only place fetch is called; then tells the strategies that authenticated the request that
   * it is done (unless `settle` is false: a probe). A failure without an answer becomes an
   * ApiConnectionError; an abort stays the abort. The fetch: a strategy's that authenticates in the
   * TLS handshake (mutual TLS), else the client's, else the global one (looked up on every request).
   */
  async #fetch(op: OperationSpec, request: PreparedRequest, options: AttemptOptions, chosen: readonly SchemeUseSpec[], redirect: RequestRedirect, settle = true): Promise<Response> {
    const config = this.#config;
    try {
      const { body, url } = request;
      const streamed = body?.replayable === false;
      if (streamed) options.state.replayable = false;
      // The caller's fetch options, client's first; the ones the client owns always its own (undefined when it has none).
      const init = {
        ...config.fetchOptions,
        ...options.fetchOptions,
        method: request.method,
        headers: request.headers,
        body: body?.body,
        signal: options.signal,
        redirect,
        duplex: streamed ? 'half' : undefined,
      } as FetchInit;
      // Called as a plain function: browsers throw "Illegal invocation" if fetch's `this` is our config.
      const fetchImpl = transportFor(config.auth, chosen) ?? config.fetch ?? globalThis.fetch;
      if (typeof fetchImpl !== 'function') throw new TypeError('no fetch available: pass `fetch` in the client config');
      options.state.url = url;
      try {
        return await fetchImpl(url.href, init);
      } catch (error) {
        if (options.signal?.aborted) throw error; // the caller's abort or our timeout: told apart by the retry loop
        // fetch reports a network error as a TypeError; anything else is a custom fetch's own and passes unchanged.
        if (!(error instanceof TypeError)) throw error;
        throw new ApiConnectionError({ operation: op.id, method: request.method, url, cause: error });
      }
    } finally {
      if (settle) settleAuth(config.auth, chosen, request);
    }
  }

  #chosenFor(op: OperationSpec): readonly SchemeUseSpec[] {
    const known = this.#chosen.get(op);
    if (known !== undefined) return known;
    const auth = this.#config.auth;
    const chosen = selectAlternative(op.security, (scheme) => auth.has(scheme), op.id);
    if (chosen instanceof AuthRequiredError) throw chosen;
    // Frozen: strategies key their caches by these scope lists.
    const frozen = Object.freeze(chosen.map(([scheme, scopes]) => Object.freeze([scheme, Object.freeze([...scopes])] as const)));
    this.#chosen.set(op, frozen);
    return frozen;
  }

  /** The strategy configured for a scheme, if any (OAuth 2.0 sign-in helpers are reached through it). */
  strategy(scheme: string): AuthStrategy | undefined {
    return this.#config.auth.get(scheme);
  }
}
