/**
 * One attempt of a call: the request built, hooks run, authentication applied, redirects followed
 * by hand, and one more send when a strategy renewed its credentials after a 401 or 403.
 */
import { applyAuth, settleAuth, transportFor, wantsSettle } from './apply-auth.js';
import { prepareRequest, resolveUrl, type PreparedRequest } from './build-request.js';
import type { AttemptOptions, SentRequest } from './call-state.js';
import type { CoreConfig } from './client-core.js';
import type { RequestRedirect } from './fetch-types.js';
import type { Hooked } from './hooks.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody } from './parse-response.js';
import { loadBareRequest, loadFollowRedirects, loadHooks, loadRenewAfterRefusal } from './lazy-core-modules.js';
import { ApiConnectionError } from './transport-errors.js';

type Args = Readonly<Record<string, unknown>> | undefined;

// Node's fetch needs `duplex` to send a stream; lib.dom does not know the option yet.
type FetchInit = RequestInit & { duplex?: 'half' | undefined };

export class AttemptSender {
  readonly #config: CoreConfig;
  // Set once a browser has hidden a redirect from us (see #send): fetch follows them from then on.
  #browserFollowsRedirects = false;

  constructor(config: CoreConfig) {
    this.#config = config;
  }

  /** A send, and a second one if a strategy renewed its credentials after a 401 or 403 (`notes` say why not). */
  async attempt(op: OperationSpec, args: Args, options: AttemptOptions, chosen: readonly SchemeUseSpec[], notes: string[]): Promise<SentRequest> {
    const sent = await this.#send(op, args, options, chosen);
    const status = sent.response.status;
    if ((status !== 401 && status !== 403) || !sent.authenticated || sent.request.body?.replayable === false) return sent;
    // Its code loads with the first refusal; without it (a browser gone offline) the refusal is the answer.
    const renewal = await loadRenewAfterRefusal().catch(() => undefined);
    if (renewal === undefined || !(await renewal.renewAfterRefusal(this.#config.auth, op.id, chosen, sent, options.signal, notes))) return sent;
    await discardBody(sent.response);
    return this.#send(op, args, options, chosen);
  }

  /**
   * What a call rejects with when code it needs cannot be loaded (a browser gone offline): nothing
   * was sent. It names the request's method and URL, or before there is a request, the
   * operation's method and server.
   */
  offline(op: OperationSpec, cause: unknown, request?: { method: string; url: URL }): ApiConnectionError {
    const config = this.#config;
    // resolveUrl, not new URL: a relative base URL (a browser's `/api`) resolves against the page, and
    // an unparsable one must not surface as URL's own error, which quotes the input (a key in its query).
    const { method, url } = request ?? { method: op.method, url: resolveUrl(config.operationBaseUrls?.get(op.id) ?? config.baseUrl, '') };
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
    // The operation's own server (path- or operation-level `servers`) when it has one.
    const baseUrl = config.operationBaseUrls?.get(op.id) ?? config.baseUrl;
    const fresh = (): PreparedRequest => prepareRequest(baseUrl, config.headers, op, args, options.headers);
    let request = fresh();
    options.state.url = request.url;
    const hooks = config.hooks;
    // Hooks run before authentication, so no hook ever sees a credential (hooks.ts, loaded by a client that has them).
    let hooked: Hooked | undefined;
    if (hooks?.beforeRequest !== undefined || hooks?.afterResponse !== undefined) {
      const shown = request;
      const module = await loadHooks().catch((cause: unknown) => Promise.reject(this.offline(op, cause, shown)));
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
      const bare = await loadBareRequest().catch((cause: unknown) => Promise.reject(this.offline(op, cause, request)));
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
    const strategies = config.auth;
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
      const fetchImpl = transportFor(strategies, chosen) ?? config.fetch ?? globalThis.fetch;
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
      if (settle && wantsSettle(strategies, chosen)) settleAuth(strategies, chosen, request);
    }
  }
}
