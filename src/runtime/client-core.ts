import { ApiError } from './api-error.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';
import { prepareRequest, resolveUrl, type PreparedRequest } from './build-request.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody, readErrorBody, readSuccessBody } from './parse-response.js';
import { AuthRequiredError, selectAlternative } from './security.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Win over every other header except those authentication sets. */
  headers?: HeadersInit;
}

export interface CoreConfig {
  baseUrl: string;
  /** Defaults to the global fetch, looked up on every request. */
  fetch?: FetchLike;
  headers?: HeadersInit;
  /** Strategies by security scheme name (see createAuthStrategies). */
  auth: Map<string, AuthStrategy>;
}

// Node's fetch needs `duplex` to send a stream; lib.dom does not know the option yet.
type FetchInit = RequestInit & { duplex?: 'half' };

interface Attempt {
  request: PreparedRequest;
  response: Response;
}

/** Sends operations: builds the request, applies authentication, retries once after a renewed 401. */
export class ClientCore {
  // Private so that inspecting or serializing a client never shows credentials or default headers.
  readonly #config: CoreConfig;

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
    if (attempt.response.status === 401 && attempt.request.body?.replayable !== false) {
      if (await this.#renewCredentials(op, chosen, attempt)) {
        await discardBody(attempt.response);
        attempt = await this.#send(op, args, options, chosen);
      }
    }

    const { response } = attempt;
    if (!response.ok) {
      const body = await readErrorBody(response, op.method);
      throw new ApiError({ operation: op.id, status: response.status, statusText: response.statusText, headers: response.headers, body });
    }
    return (await readSuccessBody(response, op.method, op.id)) as T;
  }

  async #send(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: RequestOptions, chosen: readonly SchemeUseSpec[]): Promise<Attempt> {
    const request = prepareRequest(this.#config.baseUrl, this.#config.headers, op, args, options.headers);
    for (const [scheme, scopes] of chosen) {
      await this.#strategy(scheme).apply(request, context(op, scopes));
    }
    const init: FetchInit = { method: request.method, headers: request.headers };
    if (request.body !== undefined) {
      init.body = request.body.body;
      if (!request.body.replayable) init.duplex = 'half';
    }
    if (options.signal !== undefined) init.signal = options.signal;
    // Called as a plain function: browsers throw "Illegal invocation" if fetch's `this` is our config.
    const fetchImpl = this.#config.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('no fetch available: pass `fetch` in the client config');
    const response = await fetchImpl(request.url.href, init);
    return { request, response };
  }

  /** Asks every applied strategy that can renew; any success earns one more attempt. */
  async #renewCredentials(op: OperationSpec, chosen: readonly SchemeUseSpec[], attempt: Attempt): Promise<boolean> {
    let renewed = false;
    for (const [scheme, scopes] of chosen) {
      const strategy = this.#strategy(scheme);
      if (strategy.onUnauthorized === undefined) continue;
      if (await strategy.onUnauthorized(attempt.request, attempt.response, context(op, scopes))) renewed = true;
    }
    return renewed;
  }

  #strategy(scheme: string): AuthStrategy {
    const strategy = this.#config.auth.get(scheme);
    if (strategy === undefined) throw new TypeError(`no strategy for security scheme ${JSON.stringify(scheme)}`);
    return strategy;
  }
}

function context(op: OperationSpec, scopes: readonly string[]): AuthContext {
  return { scopes, operation: op.id };
}
