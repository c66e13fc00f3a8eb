import { ApiError } from './api-error.js';
import { ApiPromise, type ApiResponse } from './api-promise.js';
import { AttemptDeadline, wait } from './attempt-deadline.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';
import { prepareRequest, resolveUrl, type PreparedRequest } from './build-request.js';
import { fromHookRequest, toHookRequest, type HookContext, type Hooks } from './hooks.js';
import { idempotencyKeyFor } from './idempotency-key.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody, readErrorBody, readSuccessBody } from './parse-response.js';
import { appendedQueryPairs, dropBodyHeaders, dropCredentialHeaders, isIdempotent, REDIRECT_LIMIT, redirectTarget, withoutQueryPairs } from './redirects.js';
import { mayRetry, retryDelayMs, retryPolicy, type RetryOptions } from './retry.js';
import { AuthRequiredError, selectAlternative } from './security.js';
import { ApiConnectionError, ApiTimeoutError } from './transport-errors.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Passed through to `fetch` (`credentials`, `cache`, `keepalive`, `mode`, a framework's extras).
 * The client's own `method`, `headers`, `body`, `signal`, `redirect` and `duplex` always win.
 */
export type FetchOptions = Omit<RequestInit, 'method' | 'headers' | 'body' | 'signal' | 'redirect'> & { readonly [extra: string]: unknown };

const RESERVED_FETCH_OPTIONS = new Set(['method', 'headers', 'body', 'signal', 'redirect', 'duplex']);

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
  /** Strategies by security scheme name (see createAuthStrategies). */
  auth: Map<string, AuthStrategy>;
  /** Per attempt, body included. Default 60 000 ms. */
  timeoutMs?: number | undefined;
  /** Default: 2 retries of 408, 429, 500, 502, 503, 504 and network errors (see RetryOptions). `false`: none. */
  retry?: RetryOptions | false | undefined;
  hooks?: Hooks | undefined;
  fetchOptions?: FetchOptions | undefined;
}

// RFC 9110 §9.2.1: requests without effects on the server.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Node's fetch needs `duplex` to send a stream; lib.dom does not know the option yet.
type FetchInit = RequestInit & { duplex?: 'half' };

interface Attempt {
  request: PreparedRequest;
  response: Response;
  /** False when a redirect took the request to another origin, where it went without credentials. */
  authenticated: boolean;
}

/** What one call is doing, for its hooks and error messages. */
interface CallState {
  readonly attempt: number;
  /** The URL last sent to, for ApiTimeoutError. */
  url: URL | undefined;
  /** False once a streamed body went out: it cannot be sent again. */
  replayable: boolean;
}

type CallOptions = RequestOptions & { state: CallState };

function positiveMs(value: unknown, option: string): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) throw new TypeError(`${option} must be a number of milliseconds > 0`);
  return value;
}

function checkHooks(hooks: unknown): void {
  if (hooks === undefined) return;
  if (typeof hooks !== 'object' || hooks === null) throw new TypeError('hooks must be an object of beforeRequest, afterResponse, onError');
  for (const [name, hook] of Object.entries(hooks)) {
    if (!['beforeRequest', 'afterResponse', 'onError'].includes(name)) throw new TypeError(`hooks has no ${JSON.stringify(name)}; the hooks are beforeRequest, afterResponse, onError`);
    if (hook !== undefined && typeof hook !== 'function') throw new TypeError(`hooks.${name} must be a function`);
  }
}

/**
 * Sends operations: builds the request, applies authentication, retries once after a renewed 401,
 * and retries per the retry policy, authenticating every attempt afresh.
 */
export class ClientCore {
  // Private so that inspecting or serializing a client never shows credentials or default headers.
  readonly #config: CoreConfig;
  // Set once a browser has hidden a redirect from us (see #send): fetch follows them from then on.
  #browserFollowsRedirects = false;

  constructor(config: CoreConfig) {
    if (typeof config?.baseUrl !== 'string') throw new TypeError('the client needs a baseUrl string');
    if (!(config.auth instanceof Map)) throw new TypeError('the client needs an auth Map (see createAuthStrategies)');
    try {
      resolveUrl(config.baseUrl, ''); // an unusable baseUrl fails here, not on the first request
    } catch (error) {
      if (error instanceof TypeError && /user name or password/.test(error.message)) throw error;
      // Not quoted: a baseUrl may carry a key in its query.
      throw new TypeError('baseUrl is not a valid absolute URL (Invalid URL); expected one such as "https://api.example.com/v1"');
    }
    if (config.timeoutMs !== undefined) positiveMs(config.timeoutMs, 'timeoutMs');
    retryPolicy(config.retry); // malformed retry options fail here too
    checkHooks(config.hooks);
    this.#config = config;
  }

  /** One call: resolves to the parsed body; `.withResponse()` also gives the Response. */
  request<T>(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: RequestOptions = {}): ApiPromise<T> {
    return new ApiPromise(this.#call<T>(op, args, options ?? {}));
  }

  async #call<T>(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: RequestOptions): Promise<ApiResponse<T>> {
    try {
      return await this.#callWithRetries<T>(op, args, options);
    } catch (error) {
      // A throwing onError rejects the call with its own error instead.
      await this.#config.hooks?.onError?.(error, { operation: op.id });
      throw error;
    }
  }

  async #callWithRetries<T>(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: RequestOptions): Promise<ApiResponse<T>> {
    const auth = this.#config.auth;
    const chosen = selectAlternative(op.security, (scheme) => auth.has(scheme), op.id);
    if (chosen instanceof AuthRequiredError) throw chosen;
    const policy = retryPolicy(this.#config.retry, options.retry);
    const timeoutMs = positiveMs(options.timeoutMs ?? this.#config.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
    const idempotencyKey = idempotencyKeyFor(options.idempotencyKey);
    let headers = options.headers;
    if (idempotencyKey !== undefined) {
      const withKey = new Headers(headers);
      withKey.set('idempotency-key', idempotencyKey);
      headers = withKey;
    }
    const retryable = mayRetry(op.method, idempotencyKey !== undefined);

    for (let attempt = 1; ; attempt++) {
      const state: CallState = { attempt, url: undefined, replayable: true };
      const deadline = new AttemptDeadline(timeoutMs, options.signal);
      const callOptions: CallOptions = { ...options, headers, signal: deadline.signal, state };
      const canRetry = (): boolean => retryable && attempt <= policy.maxRetries && state.replayable;
      let delay: number;
      let streaming = false;
      try {
        const sent = await this.#attempt(op, args, callOptions, chosen);
        if (!(policy.statuses.has(sent.attempt.response.status) && canRetry())) {
          const settled = await settle<T>(op, sent.attempt, sent.notes);
          streaming = settled.data !== null && (settled.data as unknown) === settled.response.body;
          return settled;
        }
        await discardBody(sent.attempt.response);
        delay = retryDelayMs(policy, attempt, sent.attempt.response);
      } catch (error) {
        const failure = deadline.timedOut && !(error instanceof ApiTimeoutError) && state.url !== undefined
          ? new ApiTimeoutError({ operation: op.id, method: op.method, url: state.url, cause: error, timeoutMs })
          : error;
        if (!(failure instanceof ApiConnectionError) || failure instanceof ApiTimeoutError || !canRetry()) throw failure;
        delay = retryDelayMs(policy, attempt, undefined);
      } finally {
        // A stream handed out is read after the call resolves: timeoutMs no longer applies, but the caller's signal still aborts it.
        deadline.dispose(streaming);
      }
      await wait(delay, options.signal);
    }
  }

  /** One attempt: a send, and a second one if a strategy renewed its credentials after a 401. */
  async #attempt(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: CallOptions, chosen: readonly SchemeUseSpec[]): Promise<{ attempt: Attempt; notes: string[] }> {
    let attempt = await this.#send(op, args, options, chosen);
    const notes: string[] = [];
    if (attempt.response.status === 401 && attempt.authenticated && attempt.request.body?.replayable !== false) {
      if (await this.#renewCredentials(op, chosen, attempt, options.signal, notes)) {
        await discardBody(attempt.response);
        attempt = await this.#send(op, args, options, chosen);
      }
    }
    return { attempt, notes };
  }

  /**
   * One attempt, redirects included. Redirects are followed here (`redirect: 'manual'`), at most
   * REDIRECT_LIMIT times: authentication is applied again on the API's own origin and nowhere else,
   * where the request goes without Authorization, Cookie or a query API key. Browsers hide
   * redirects from `manual` (an opaqueredirect response): the first one seen makes fetch follow
   * redirects itself for this client from then on (browsers drop Authorization across origins),
   * and the request is sent again only if repeating it is harmless (idempotent method).
   */
  async #send(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: CallOptions, chosen: readonly SchemeUseSpec[]): Promise<Attempt> {
    let request = prepareRequest(this.#config.operationBaseUrls?.get(op.id) ?? this.#config.baseUrl, this.#config.headers, op, args, options.headers);
    options.state.url = request.url;
    const hookContext: HookContext = { operation: op.id, attempt: options.state.attempt };
    const hooks = this.#config.hooks;
    // Built before authentication, so no hook ever sees a credential.
    let hookRequest: Request | undefined;
    if (hooks?.beforeRequest !== undefined) {
      const shown = toHookRequest(request);
      hookRequest = (await hooks.beforeRequest(shown, hookContext)) ?? shown;
      if (!(hookRequest instanceof Request)) throw new TypeError('hooks.beforeRequest must return a Request or nothing');
      request = await fromHookRequest(request, shown, hookRequest);
    } else if (hooks?.afterResponse !== undefined) {
      hookRequest = toHookRequest(request);
    }
    const apiOrigin = request.url.origin;
    const queryBeforeAuth = request.url.search;
    await this.#authenticate(request, op, chosen, options);
    const authQuery = appendedQueryPairs(queryBeforeAuth, request.url.search);
    const redirect = this.#browserFollowsRedirects ? 'follow' : 'manual';
    let response = await this.#fetchSettled(op, request, options, chosen, redirect);
    let authenticated = true;
    for (let hops = 0; ; hops++) {
      if (response.type === 'opaqueredirect') return this.#afterHiddenRedirect(op, args, options, chosen, request);
      const target = redirectTarget(response, request.url, request.method);
      if (target === undefined || (target.keepBody && request.body?.replayable === false)) break;
      if (hops === REDIRECT_LIMIT) {
        await discardBody(response);
        throw new TypeError(`${op.id}: more than ${REDIRECT_LIMIT} redirects`);
      }
      await discardBody(response);
      const fresh = prepareRequest(this.#config.operationBaseUrls?.get(op.id) ?? this.#config.baseUrl, this.#config.headers, op, args, options.headers);
      request = { ...fresh, url: withoutQueryPairs(target.url, authQuery), method: target.method, body: target.keepBody ? fresh.body : undefined };
      if (!target.keepBody) dropBodyHeaders(request.headers);
      authenticated = request.url.origin === apiOrigin;
      if (authenticated) await this.#authenticate(request, op, chosen, options);
      else dropCredentialHeaders(request.headers);
      // Another origin gets no credentials at all: not even a client certificate (mutual TLS transport).
      response = await this.#fetchSettled(op, request, options, authenticated ? chosen : [], 'manual');
    }
    if (hooks?.afterResponse !== undefined) await hooks.afterResponse(response, hookRequest!, hookContext);
    return { request, response, authenticated };
  }

  async #afterHiddenRedirect(
    op: OperationSpec,
    args: Readonly<Record<string, unknown>> | undefined,
    options: CallOptions,
    chosen: readonly SchemeUseSpec[],
    request: PreparedRequest,
  ): Promise<Attempt> {
    this.#browserFollowsRedirects = true;
    if (isIdempotent(request.method) && request.body?.replayable !== false) return this.#send(op, args, options, chosen);
    throw new TypeError(`${op.id}: the server answered with a redirect this environment hides from scripts; the ${request.method} was not repeated (later requests follow redirects)`);
  }

  async #authenticate(request: PreparedRequest, op: OperationSpec, chosen: readonly SchemeUseSpec[], options: CallOptions): Promise<void> {
    const probe = (): Promise<Response> => {
      // Without body and credentials, and never redirected: it only asks the server for its
      // challenge. A method with effects is probed with HEAD, lest a server that asks for no
      // credentials act on a body-less POST.
      const method = SAFE_METHODS.has(request.method.toUpperCase()) ? request.method : 'HEAD';
      const bare: PreparedRequest = { ...request, method, headers: new Headers(request.headers), body: undefined };
      dropBodyHeaders(bare.headers);
      dropCredentialHeaders(bare.headers);
      return this.#fetch(op, bare, options, chosen, 'manual');
    };
    try {
      for (const [scheme, scopes] of chosen) {
        await this.#strategy(scheme).apply(request, { ...context(op, scopes, options.signal), probe });
      }
    } catch (error) {
      for (const [scheme] of chosen) this.#strategy(scheme).settle?.(request); // never sent
      throw error;
    }
  }

  /** #fetch, then tells the strategies that authenticated the request that it is done. */
  async #fetchSettled(op: OperationSpec, request: PreparedRequest, options: CallOptions, chosen: readonly SchemeUseSpec[], redirect: RequestRedirect): Promise<Response> {
    try {
      return await this.#fetch(op, request, options, chosen, redirect);
    } finally {
      for (const [scheme] of chosen) this.#strategy(scheme).settle?.(request);
    }
  }

  /** The only place fetch is called. A failure without an answer becomes an ApiConnectionError; an abort stays the abort. */
  async #fetch(op: OperationSpec, request: PreparedRequest, options: CallOptions, chosen: readonly SchemeUseSpec[], redirect: RequestRedirect): Promise<Response> {
    const init: FetchInit = passThrough(this.#config.fetchOptions, options.fetchOptions);
    Object.assign(init, { method: request.method, headers: request.headers, redirect });
    if (request.body !== undefined) {
      init.body = request.body.body;
      if (!request.body.replayable) init.duplex = 'half';
    }
    if (options.signal !== undefined) init.signal = options.signal;
    // Called as a plain function: browsers throw "Illegal invocation" if fetch's `this` is our config.
    const fetchImpl = this.#transport(chosen) ?? this.#config.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('no fetch available: pass `fetch` in the client config');
    options.state.url = request.url;
    if (request.body !== undefined && !request.body.replayable) options.state.replayable = false;
    try {
      return await fetchImpl(request.url.href, init);
    } catch (error) {
      if (options.signal?.aborted) throw error; // the caller's abort or our timeout: told apart by the retry loop
      // fetch reports a network error as a TypeError; anything else is a custom fetch's own and passes unchanged.
      if (!(error instanceof TypeError)) throw error;
      throw new ApiConnectionError({ operation: op.id, method: request.method, url: request.url, cause: error });
    }
  }

  /** Asks every applied strategy that can renew; any success earns one more attempt. */
  async #renewCredentials(op: OperationSpec, chosen: readonly SchemeUseSpec[], attempt: Attempt, signal: AbortSignal | undefined, notes: string[]): Promise<boolean> {
    let renewed = false;
    const explain = (why: string): void => void notes.push(why);
    for (const [scheme, scopes] of chosen) {
      const strategy = this.#strategy(scheme);
      if (strategy.onUnauthorized === undefined) continue;
      if (await strategy.onUnauthorized(attempt.request, attempt.response, { ...context(op, scopes, signal), explain })) renewed = true;
    }
    return renewed;
  }

  /** A strategy that authenticates in the TLS handshake (mutual TLS) brings its own fetch. */
  #transport(chosen: readonly SchemeUseSpec[]): FetchLike | undefined {
    for (const [scheme] of chosen) {
      const transport = this.#strategy(scheme).transport;
      if (transport !== undefined) return transport;
    }
    return undefined;
  }

  /** The strategy configured for a scheme, if any (OAuth 2.0 sign-in helpers are reached through it). */
  strategy(scheme: string): AuthStrategy | undefined {
    return this.#config.auth.get(scheme);
  }

  #strategy(scheme: string): AuthStrategy {
    const strategy = this.#config.auth.get(scheme);
    if (strategy === undefined) throw new TypeError(`no strategy for security scheme ${JSON.stringify(scheme)}`);
    return strategy;
  }
}

function context(op: OperationSpec, scopes: readonly string[], signal: AbortSignal | undefined): AuthContext {
  return { scopes, operation: op.id, signal };
}

/** Reads the final answer: the parsed body of a 2xx, else an ApiError with the parsed error body. */
async function settle<T>(op: OperationSpec, attempt: Attempt, notes: readonly string[]): Promise<ApiResponse<T>> {
  const { response } = attempt;
  if (!response.ok) {
    const body = await readErrorBody(response, op.method);
    const authNote = notes.length === 0 ? undefined : notes.join('; ');
    throw new ApiError({ operation: op.id, status: response.status, statusText: response.statusText, headers: response.headers, body, authNote });
  }
  return { data: (await readSuccessBody(response, op.method, op.id, op.response)) as T, response };
}

/** The caller's fetch options, client's first, without the ones the client owns. */
function passThrough(...layers: ReadonlyArray<FetchOptions | undefined>): FetchInit {
  const init: Record<string, unknown> = {};
  for (const layer of layers) {
    if (layer === undefined || layer === null) continue;
    for (const [name, value] of Object.entries(layer)) if (!RESERVED_FETCH_OPTIONS.has(name)) init[name] = value;
  }
  return init as FetchInit;
}
