import { ApiError } from './api-error.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';
import { prepareRequest, resolveUrl, type PreparedRequest } from './build-request.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody, readErrorBody, readSuccessBody } from './parse-response.js';
import { appendedQueryPairs, dropBodyHeaders, dropCredentialHeaders, isIdempotent, REDIRECT_LIMIT, redirectTarget, withoutQueryPairs } from './redirects.js';
import { AuthRequiredError, selectAlternative } from './security.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Win over every other header except those authentication sets. */
  headers?: HeadersInit | undefined;
}

export interface CoreConfig {
  baseUrl: string;
  /** Defaults to the global fetch, looked up on every request. */
  fetch?: FetchLike | undefined;
  headers?: HeadersInit | undefined;
  /** Strategies by security scheme name (see createAuthStrategies). */
  auth: Map<string, AuthStrategy>;
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

/** Sends operations: builds the request, applies authentication, retries once after a renewed 401. */
export class ClientCore {
  // Private so that inspecting or serializing a client never shows credentials or default headers.
  readonly #config: CoreConfig;
  // Set once a browser has hidden a redirect from us (see #send): fetch follows them from then on.
  #browserFollowsRedirects = false;

  constructor(config: CoreConfig) {
    if (typeof config?.baseUrl !== 'string') throw new TypeError('the client needs a baseUrl string');
    if (!(config.auth instanceof Map)) throw new TypeError('the client needs an auth Map (see createAuthStrategies)');
    resolveUrl(config.baseUrl, ''); // an unusable baseUrl fails here, not on the first request
    this.#config = config;
  }

  async request<T>(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: RequestOptions = {}): Promise<T> {
    const auth = this.#config.auth;
    const chosen = selectAlternative(op.security, (scheme) => auth.has(scheme), op.id);
    if (chosen instanceof AuthRequiredError) throw chosen;

    let attempt = await this.#send(op, args, options, chosen);
    const notes: string[] = [];
    if (attempt.response.status === 401 && attempt.authenticated && attempt.request.body?.replayable !== false) {
      if (await this.#renewCredentials(op, chosen, attempt, options.signal, notes)) {
        await discardBody(attempt.response);
        attempt = await this.#send(op, args, options, chosen);
      }
    }

    const { response } = attempt;
    if (!response.ok) {
      const body = await readErrorBody(response, op.method);
      const authNote = notes.length === 0 ? undefined : notes.join('; ');
      throw new ApiError({ operation: op.id, status: response.status, statusText: response.statusText, headers: response.headers, body, authNote });
    }
    return (await readSuccessBody(response, op.method, op.id)) as T;
  }

  /**
   * One attempt, redirects included. Redirects are followed here (`redirect: 'manual'`), at most
   * REDIRECT_LIMIT times: authentication is applied again on the API's own origin and nowhere else,
   * where the request goes without Authorization, Cookie or a query API key. Browsers hide
   * redirects from `manual` (an opaqueredirect response): the first one seen makes fetch follow
   * redirects itself for this client from then on (browsers drop Authorization across origins),
   * and the request is sent again only if repeating it is harmless (idempotent method).
   */
  async #send(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: RequestOptions, chosen: readonly SchemeUseSpec[]): Promise<Attempt> {
    let request = prepareRequest(this.#config.baseUrl, this.#config.headers, op, args, options.headers);
    const apiOrigin = request.url.origin;
    const queryBeforeAuth = request.url.search;
    await this.#authenticate(request, op, chosen, options);
    const authQuery = appendedQueryPairs(queryBeforeAuth, request.url.search);
    const redirect = this.#browserFollowsRedirects ? 'follow' : 'manual';
    let response = await this.#fetchSettled(request, options, chosen, redirect);
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
      const fresh = prepareRequest(this.#config.baseUrl, this.#config.headers, op, args, options.headers);
      request = { ...fresh, url: withoutQueryPairs(target.url, authQuery), method: target.method, body: target.keepBody ? fresh.body : undefined };
      if (!target.keepBody) dropBodyHeaders(request.headers);
      authenticated = request.url.origin === apiOrigin;
      if (authenticated) await this.#authenticate(request, op, chosen, options);
      else dropCredentialHeaders(request.headers);
      // Another origin gets no credentials at all: not even a client certificate (mutual TLS transport).
      response = await this.#fetchSettled(request, options, authenticated ? chosen : [], 'manual');
    }
    return { request, response, authenticated };
  }

  async #afterHiddenRedirect(
    op: OperationSpec,
    args: Readonly<Record<string, unknown>> | undefined,
    options: RequestOptions,
    chosen: readonly SchemeUseSpec[],
    request: PreparedRequest,
  ): Promise<Attempt> {
    this.#browserFollowsRedirects = true;
    if (isIdempotent(request.method) && request.body?.replayable !== false) return this.#send(op, args, options, chosen);
    throw new TypeError(`${op.id}: the server answered with a redirect this environment hides from scripts; the ${request.method} was not repeated (later requests follow redirects)`);
  }

  async #authenticate(request: PreparedRequest, op: OperationSpec, chosen: readonly SchemeUseSpec[], options: RequestOptions): Promise<void> {
    const probe = (): Promise<Response> => {
      // Without body and credentials, and never redirected: it only asks the server for its
      // challenge. A method with effects is probed with HEAD, lest a server that asks for no
      // credentials act on a body-less POST.
      const method = SAFE_METHODS.has(request.method.toUpperCase()) ? request.method : 'HEAD';
      const bare: PreparedRequest = { ...request, method, headers: new Headers(request.headers), body: undefined };
      dropBodyHeaders(bare.headers);
      dropCredentialHeaders(bare.headers);
      return this.#fetch(bare, options, chosen, 'manual');
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
  async #fetchSettled(request: PreparedRequest, options: RequestOptions, chosen: readonly SchemeUseSpec[], redirect: RequestRedirect): Promise<Response> {
    try {
      return await this.#fetch(request, options, chosen, redirect);
    } finally {
      for (const [scheme] of chosen) this.#strategy(scheme).settle?.(request);
    }
  }

  async #fetch(request: PreparedRequest, options: RequestOptions, chosen: readonly SchemeUseSpec[], redirect: RequestRedirect): Promise<Response> {
    const init: FetchInit = { method: request.method, headers: request.headers, redirect };
    if (request.body !== undefined) {
      init.body = request.body.body;
      if (!request.body.replayable) init.duplex = 'half';
    }
    if (options.signal !== undefined) init.signal = options.signal;
    // Called as a plain function: browsers throw "Illegal invocation" if fetch's `this` is our config.
    const fetchImpl = this.#transport(chosen) ?? this.#config.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('no fetch available: pass `fetch` in the client config');
    return fetchImpl(request.url.href, init);
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
