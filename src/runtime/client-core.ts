import { ApiError } from './api-error.js';
import { ApiPromise, type ApiResponse } from './api-promise.js';
import { AttemptDeadline, type SignalPool } from './attempt-deadline.js';
import type { AuthStrategy } from './auth-strategy.js';
import type { CallState } from './call-state.js';
import { checkCoreConfig, positiveMs } from './core-checks.js';
import type { HeadersInit } from './fetch-types.js';
import type { Hooks } from './hooks.js';
import { loadIdempotencyKey, loadRetryWait } from './lazy-core-modules.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody, readErrorBody, readSuccessBody } from './parse-response.js';
import { mayRetry, retryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';
import { AuthRequiredError, selectAlternative } from './security.js';
import { AttemptSender } from './send-attempt.js';
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
 * the answer or failure at hand is final.
 */
export class ClientCore {
  // Private so that inspecting or serializing a client never shows credentials or default headers.
  readonly #config: CoreConfig;
  readonly #sender: AttemptSender;
  // Lends the attempts their AbortControllers.
  readonly #signals: SignalPool = [];
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
    const sender = this.#sender;
    const key = options.idempotencyKey;
    const keyed = key !== undefined && key !== false;
    // idempotency-key.ts, loaded by the first call that asks for a key; without it, nothing is sent.
    const headers = keyed ? (await loadIdempotencyKey().catch((cause: unknown) => Promise.reject(sender.offline(op, cause)))).withIdempotencyKey(options.headers, key) : options.headers;
    const retryable = policy.maxRetries > 0 && mayRetry(op.method, keyed);

    for (let attempt = 1; ; attempt++) {
      const state: CallState = { attempt, url: undefined, replayable: true };
      const deadline = new AttemptDeadline(timeoutMs, options.signal, this.#signals);
      const canRetry = (): boolean => retryable && attempt <= policy.maxRetries && state.replayable;
      let retry: typeof import('./retry-wait.js');
      let delay: number;
      let streaming = false;
      try {
        const notes: string[] = [];
        const { response } = await sender.attempt(op, args, { ...options, headers, signal: deadline.signal, state }, chosen, notes);
        const retrying = policy.statuses.includes(response.status) && canRetry() ? await loadRetryWait().catch(() => undefined) : undefined;
        if (retrying === undefined) {
          // The final answer: the parsed body of a 2xx, else an ApiError with the parsed error body.
          if (!response.ok) {
            const body = await readErrorBody(response, op.method);
            throw new ApiError({ operation: op.id, status: response.status, statusText: response.statusText, headers: response.headers, body, authNote: notes.length === 0 ? undefined : notes.join('; ') });
          }
          const data = (await readSuccessBody(response, op.method, op.id, op.response)) as T;
          streaming = data !== null && (data as unknown) === response.body;
          return { data, response };
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
