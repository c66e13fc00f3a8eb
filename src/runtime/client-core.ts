import { ApiPromise, type ApiResponse } from './api-promise.js';
import type { AuthStrategy } from './auth-strategy.js';
import { callWithRetries, type CallPlan } from './call-with-retries.js';
import { checkCoreConfig, positiveMs } from './core-checks.js';
import type { HeadersInit } from './fetch-types.js';
import type { Hooks } from './hooks.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { retryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';
import { AuthRequiredError, selectAlternative } from './security.js';
import { AttemptSender } from './send-attempt.js';
import { SignalPool } from './signal-pool.js';

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

/**
 * Sends operations: builds the request, applies authentication, retries once after a renewed 401,
 * and retries per the retry policy, authenticating every attempt afresh. What does not change
 * from call to call (the schemes an operation uses, the client's retry policy) is worked out once.
 */
export class ClientCore {
  // Private so that inspecting or serializing a client never shows credentials or default headers.
  readonly #config: CoreConfig;
  readonly #sender: AttemptSender;
  readonly #signals = new SignalPool();
  readonly #policy: RetryPolicy;
  readonly #timeoutMs: number;
  // The strategies are fixed at construction, so each operation's choice is too.
  readonly #chosen = new WeakMap<OperationSpec, readonly SchemeUseSpec[]>();

  constructor(config: CoreConfig) {
    checkCoreConfig(config);
    this.#config = config;
    this.#sender = new AttemptSender(config);
    this.#policy = retryPolicy(config.retry);
    this.#timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** One call: resolves to the parsed body; `.withResponse()` also gives the Response. */
  request<T>(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: RequestOptions = {}): ApiPromise<T> {
    return new ApiPromise(this.#call<T>(op, args, options ?? {}));
  }

  #call<T>(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: RequestOptions): Promise<ApiResponse<T>> {
    const onError = this.#config.hooks?.onError;
    if (onError === undefined) return this.#start<T>(op, args, options);
    return this.#start<T>(op, args, options).catch(async (error: unknown) => {
      // A throwing onError rejects the call with its own error instead.
      await onError(error, { operation: op.id });
      throw error;
    });
  }

  async #start<T>(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined, options: RequestOptions): Promise<ApiResponse<T>> {
    const plan: CallPlan = {
      chosen: this.#chosenFor(op),
      policy: options.retry === undefined ? this.#policy : retryPolicy(this.#config.retry, options.retry),
      timeoutMs: options.timeoutMs === undefined ? this.#timeoutMs : positiveMs(options.timeoutMs, 'timeoutMs'),
      signals: this.#signals,
    };
    return callWithRetries<T>(this.#sender, plan, op, args, options);
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
