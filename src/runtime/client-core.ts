import { ApiError } from './api-error.js';
import { ApiPromise, type ApiResponse } from './api-promise.js';
import { AttemptDeadline, type SignalPool } from './attempt-deadline.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';
import { prepareRequest, resolveUrl, type PreparedRequest } from './build-request.js';
import { checkCoreConfig, checkedTimeout } from './core-checks.js';
import type { HeadersInit, RequestRedirect } from './fetch-types.js';
import type { Hooked, Hooks } from './hooks.js';
import type { FailureFields } from './failure-messages.js';
import { loadBeforeSendSteps, loadSetbacks } from './lazy-core-modules.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { readSuccessBody } from './parse-response.js';
import { checkedRetry, fetchOrGlobal, type RetryOptions } from './retry.js';
import { AuthRequiredError, selectAlternative } from './security.js';
import type { Setback } from './setbacks.js';
import { ApiConnectionError, ApiTimeoutError } from './transport-errors.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Passed through to `fetch` (`credentials`, `cache`, `keepalive`, `mode`, a framework's extras).
 * The client's own `method`, `headers`, `body`, `signal`, `redirect` and `duplex` always win.
 */
export type FetchOptions = Omit<RequestInit, 'method' | 'headers' | 'body' | 'signal' | 'redirect'> & { readonly [extra: string]: unknown };

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
  /**
   * Send an operation whose spec names a server of its own (`server`, with defaults) there: set by
   * a Core whose baseUrl was defaulted; operationBaseUrls still wins.
   */
  ownServers?: boolean | undefined;
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

/** What one send ended with (setbacks.ts: its redirects followed). */
export interface SentRequest {
  request: PreparedRequest;
  response: Response;
  /** False when a redirect took the request to another origin, where it went without credentials; a send's own answer leaves it out. */
  authenticated?: boolean;
  /** The request's query before authentication (what it appended is kept from redirect targets); and afterResponse, for an answer outside 2xx. */
  queryBeforeAuth?: string;
  after?: Hooked['after'] | undefined;
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
 * A failure's typed error with its fields; its message written by setbacks.ts (loaded with a
 * client's first failure), without it (a browser gone offline) a shorter one; `cause` (what a failure without an answer threw) as its cause.
 */
async function failure<E extends Error>(kind: new (message: string, options?: ErrorOptions) => E, fields: FailureFields & Record<string, unknown>, cause?: unknown): Promise<E> {
  const message = await loadSetbacks().then((module) => module.failureMessage(fields, cause), () => fields.operation + ' failed');
  return Object.assign(new kind(message, (cause && { cause }) as ErrorOptions | undefined), fields);
}

/** One call of a client: resolves to the parsed body; `.withResponse()` also gives the Response. */
export type ClientCore = <T>(op: OperationSpec, args: Args, options?: RequestOptions | null) => ApiPromise<T>;

/**
 * The call function of a client with `config` (a generated class keeps it private). It sends
 * operations: builds the request, applies authentication and sends it, each attempt under its own
 * deadline (body included); a 2xx answer's body is read and the call resolves. What does
 * not change from call to call (the schemes an operation uses, the client's retry policy) is
 * worked out once. Everything else is setbacks.ts, loaded with the first answer outside 2xx or
 * the first attempt that throws: redirects, the renewal after a refusal, retries and their wait,
 * the messages of the typed errors. Code only some calls need before they send is loaded with the
 * first call that needs it (lazy-core-modules.ts): hooks, an Idempotency-Key, a challenge-response
 * probe. When such code cannot be loaded (a browser gone offline) the answer or failure at hand is
 * final, or (code the request needs before it is sent) the call rejects with an ApiConnectionError.
 *
 * The call path is closures over clientCore's locals, not methods and fields: a local's name
 * minifies, a member's does not, and every app downloads this code. What it returns is the call
 * itself, a plain function: no class, no property, so inspecting or serializing a client never
 * shows credentials or default headers.
 */
export function clientCore(config: CoreConfig): ClientCore {
  const clientRetry = checkCoreConfig(config);
  const { auth, hooks } = config;
  const clientTimeoutMs = checkedTimeout(config.timeoutMs, 60_000); // the default, as CoreConfig and RequestOptions document it
  // Lends the attempts their AbortControllers.
  const signals: SignalPool = [];
  // The strategies are fixed at construction, so each operation's choice is too.
  const chosenFor = new WeakMap<OperationSpec, readonly SchemeUseSpec[]>();
  // Set once a browser has hidden a redirect from us: fetch follows them from then on.
  let browserFollowsRedirects = false;

  const call = async (op: OperationSpec, args: Args, options: RequestOptions): Promise<ApiResponse<unknown>> => {
    const id = op.id;
    try {
      let schemes = chosenFor.get(op);
      if (!schemes) {
        schemes = selectAlternative(op.security, auth);
        if (!schemes) throw await failure(AuthRequiredError, { operation: id, alternatives: op.security.map((alternative) => alternative.map(([scheme]) => scheme)) });
        chosenFor.set(op, schemes);
      }
      const baseUrl = config.operationBaseUrls?.get(id) ?? ((config.ownServers && op.server) || config.baseUrl);
      // The request last sent (or being built and authenticated): what a timeout or a connection failure names.
      let sentTo: PreparedRequest | undefined;
      /**
       * No HTTP answer (fetch's network error, or code the call needs cannot be loaded, a browser
       * gone offline: nothing was sent), an ApiConnectionError, or none in time, an ApiTimeoutError;
       * with the cause. It names `request`'s method and URL, or before there is a request, the
       * operation's method and server (resolveUrl: a relative base resolves against the page, and
       * an unparsable one does not surface as URL's own error, which quotes the input). `url` is a
       * local that no caller passes (a default parameter names it in the fewest bytes): shown as
       * origin and path only, never the query (an API key, a signature) or user info (a password).
       */
      const unanswered = (kind: typeof ApiConnectionError, cause: unknown, request = sentTo, timeout?: { timeoutMs: number }, url = request?.url ?? resolveUrl(baseUrl, '')): Promise<ApiConnectionError> =>
        failure(kind, { operation: id, method: request?.method ?? op.method, url: url.origin + url.pathname, ...timeout }, cause);
      /** before-send-steps.ts; when it cannot be loaded, the call rejects naming `request` (or the operation's server). */
      const beforeSendSteps = (request?: PreparedRequest): Promise<typeof import('./before-send-steps.js')> =>
        loadBeforeSendSteps().catch(async (cause: unknown) => {
          throw await unanswered(ApiConnectionError, cause, request);
        });
      /**
       * The final answer outside 2xx: an ApiError with the parsed error body (readSuccessBody without an operation:
       * JSON that does not parse stays text), and what authentication did about it when it did something (setbacks.ts).
       * The answer's status, statusText and headers are read by name, as pickOptions reads options.
       */
      const answerError = async (response: Response, note?: { authNote: string }): Promise<ApiError> =>
        failure(ApiError, { ...pickOptions(response, 'status statusText headers'), body: await readSuccessBody(response, op.method), operation: id, ...note });
      const callRetry = checkedRetry(options.retry);
      const timeoutMs = checkedTimeout(options.timeoutMs, clientTimeoutMs);
      const key = options.idempotencyKey;
      const keyed = key !== undefined && key !== false;
      const headers = keyed ? (await beforeSendSteps()).withIdempotencyKey(options.headers, key) : options.headers;
      /** The request afresh (headers, body), for each send and each redirect hop. */
      const fresh = (): PreparedRequest => prepareRequest(baseUrl, config.headers, op, args, headers);

      for (let attempt = 1; ; attempt++) {
        const deadline = new AttemptDeadline(timeoutMs, options.signal, signals);
        const signal = deadline.signal;
        // False once a streamed body went out (it cannot be sent again).
        let replayable = true;
        /** Tells the strategies of `applied` schemes that the request is done with (sent, or never to be). */
        const settle = (request: PreparedRequest, applied: readonly SchemeUseSpec[]): void => {
          for (const [scheme] of applied) auth.get(scheme)!.settle?.(request);
        };

        /**
         * The only place fetch is called; then tells the strategies that authenticated the request
         * (`withCredentials`) that it is done (unless `settles` is false: a probe). A failure without an answer becomes an
         * ApiConnectionError; an abort stays the abort. The fetch: a strategy's that authenticates in
         * the TLS handshake (mutual TLS), else the client's, else the global one (looked up every time).
         */
        const send = async (request: PreparedRequest, withCredentials: boolean, redirect: RequestRedirect, settles = true): Promise<Response> => {
          // Another origin (a redirect) gets no credentials at all: not even a client certificate (mutual TLS transport).
          const applied = withCredentials ? schemes : [];
          try {
            const body = request.body;
            if (body?.replayable === false) replayable = false;
            let fetchImpl: FetchLike | undefined;
            for (const [scheme] of applied) fetchImpl ||= auth.get(scheme)!.transport;
            fetchImpl = fetchOrGlobal(fetchImpl ?? config.fetch);
            sentTo = request;
            // The caller's fetch options, client's first; the ones the client owns always its own.
            // Called as a plain function: browsers throw "Illegal invocation" if fetch's `this` is our config.
            try {
              return await fetchImpl(request.url.href, {
                ...config.fetchOptions,
                ...options.fetchOptions,
                method: request.method,
                headers: request.headers,
                body: body?.body,
                signal,
                redirect,
                // Needed for a streamed body; fetch accepts it with any other.
                duplex: body && 'half',
              } as FetchInit);
            } catch (error) {
              // The caller's abort or our timeout (told apart below), or a custom fetch's own error, passes
              // unchanged; fetch reports a network error as a TypeError.
              throw signal.aborted || !(error instanceof TypeError) ? error : await unanswered(ApiConnectionError, error);
            }
          } finally {
            if (settles) settle(request, applied);
          }
        };

        /**
         * Applies each chosen scheme in turn. While strategies finish at once (a fixed key, a cached
         * token) nothing is awaited; from the first that returns a Promise on, the rest run after it.
         * If one fails, every strategy hears that the request will not be sent.
         */
        const authenticate = async (request: PreparedRequest): Promise<void> => {
          // For challenge-response schemes (Digest): the request without body and credentials (bare-request.ts).
          const probe = (): Promise<Response> => beforeSendSteps(request).then((steps) => steps.probe(request, send));
          try {
            for (const [scheme, scopes] of schemes) {
              const pending = auth.get(scheme)!.apply(request, { scopes, operation: id, signal, probe } satisfies AuthContext);
              if (pending !== undefined) await pending;
            }
          } catch (error) {
            settle(request, schemes); // never sent
            throw error;
          }
        };

        /**
         * One send: the request built, shown to the hooks, authenticated and sent. Hooks run before
         * authentication, so no hook ever sees a credential (hooks.ts, loaded by a client that has
         * them); afterResponse is shown a 2xx here, any other answer once setbacks.ts has followed
         * its redirects. Redirects are followed by hand (`redirect: 'manual'`, follow-redirects.ts,
         * loaded with setbacks.ts: a 2xx is never one): authentication is applied again on the API's
         * own origin and nowhere else. Browsers hide redirects from `manual` (an opaqueredirect
         * response): the first one seen makes fetch follow redirects itself for this client from
         * then on, and the request is sent again only if repeating it is harmless. Without
         * setbacks.ts (a browser gone offline) a 3xx is the answer.
         */
        const sendOnce = async (): Promise<SentRequest> => {
          // sentTo set before the attempt first awaits, so before its timer can fire.
          let request = (sentTo = fresh());
          let after: Hooked['after'] | undefined;
          // Validated: each is a function or undefined.
          // (The request shown is the one built: the right-hand side is read before the assignment.)
          if (hooks?.beforeRequest || hooks?.afterResponse) ({ request, after } = await (await beforeSendSteps(request)).beforeSend(hooks, request, id, attempt));
          const queryBeforeAuth = request.url.search;
          if (schemes.length) await authenticate(request);
          const response = await send(request, true, browserFollowsRedirects ? 'follow' : 'manual');
          if (response.ok) await after?.(response);
          return { request, response, queryBeforeAuth, after };
        };

        /** What setbacks.ts is told about this attempt. */
        const setback = (): Setback => [
          op, options, clientRetry, callRetry, attempt, keyed, replayable, deadline, auth, schemes, sendOnce, answerError,
          fresh, authenticate, send, () => void (browserFollowsRedirects = true),
        ];

        let streaming = false;
        try {
          const sent = await sendOnce();
          let response: Response | undefined = sent.response;
          // Without setbacks.ts (a browser gone offline) the answer is final: nothing renewed or retried.
          // Undefined: setbacks.ts waited for the next attempt (after disposing of this one's deadline).
          if (!response.ok) response = await loadSetbacks().then((setbacks) => setbacks.afterAnswer(setback(), sent), async () => {
            await sent.after?.(sent.response);
            throw await answerError(sent.response);
          });
          if (response !== undefined) {
            const data: unknown = await readSuccessBody(response, op.method, id, op.response);
            // (Never both null: a body that is null is read as undefined.)
            streaming = data === response.body;
            return { data, response };
          }
        } catch (error) {
          // A timeout is never sent again; however the deadline's abort surfaced, it is an ApiTimeoutError.
          if (error instanceof ApiTimeoutError) throw error;
          if (deadline.timedOut) throw await unanswered(ApiTimeoutError, error, sentTo, { timeoutMs });
          // Only a network error (no answer at all) is sent again; without setbacks.ts it is final.
          if (!(error instanceof ApiConnectionError && (await loadSetbacks().then((setbacks) => setbacks.retried(setback()), () => false)))) throw error;
        } finally {
          // A stream handed out is read after the call resolves: timeoutMs no longer applies, but the caller's signal still aborts it.
          deadline.dispose(streaming);
        }
      }
    } catch (error) {
      // A throwing onError rejects the call with its own error instead.
      await hooks?.onError?.(error, { operation: id });
      throw error;
    }
  };

  return <T>(op: OperationSpec, args: Args, options?: RequestOptions | null) => new ApiPromise(call(op, args, options ?? {}) as Promise<ApiResponse<T>>);
}
