/**
 * One attempt of a call: the request built, hooks run, authentication applied, redirects followed
 * by hand, and one more send when a strategy renewed its credentials after a 401 or 403.
 */
import { applyAuth, settleAuth, transportFor, wantsSettle } from './apply-auth.js';
import { prepareRequest, type PreparedRequest } from './build-request.js';
import type { AttemptOptions, SentRequest } from './call-state.js';
import type { CoreConfig } from './client-core.js';
import type { RequestRedirect } from './fetch-types.js';
import type { HookContext } from './hooks.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody } from './parse-response.js';
import type { RedirectContext } from './follow-redirects.js';
import { loadFollowRedirects, loadHooks, loadRenewAfterRefusal } from './lazy-core-modules.js';
import { dropBodyHeaders, dropCredentialHeaders } from './request-headers.js';
import { sendFetch } from './send-fetch.js';
import { ApiConnectionError } from './transport-errors.js';

type Args = Readonly<Record<string, unknown>> | undefined;

// RFC 9110 §9.2.1: requests without effects on the server.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
   * One send, redirects included. Redirects are followed by hand (`redirect: 'manual'`, see
   * follow-redirects.ts, loaded with the first 3xx): authentication is applied again on the API's
   * own origin and nowhere else, where the request goes without Authorization, Cookie or a query
   * API key. Browsers hide
   * redirects from `manual` (an opaqueredirect response): the first one seen makes fetch follow
   * redirects itself for this client from then on (browsers drop Authorization across origins),
   * and the request is sent again only if repeating it is harmless (idempotent method).
   */
  async #send(op: OperationSpec, args: Args, options: AttemptOptions, chosen: readonly SchemeUseSpec[]): Promise<SentRequest> {
    const config = this.#config;
    // The operation's own server (path- or operation-level `servers`) when it has one.
    const baseUrl = config.operationBaseUrls?.get(op.id) ?? config.baseUrl;
    let request = prepareRequest(baseUrl, config.headers, op, args, options.headers);
    options.state.url = request.url;
    const hooks = config.hooks;
    const hookContext: HookContext | undefined = hooks === undefined ? undefined : { operation: op.id, attempt: options.state.attempt };
    // Built before authentication, so no hook ever sees a credential.
    let hookRequest: Request | undefined;
    if (hooks?.beforeRequest !== undefined || hooks?.afterResponse !== undefined) {
      const { toHookRequest, fromHookRequest } = await hookRequests(op, request);
      if (hooks.beforeRequest !== undefined) {
        const shown = toHookRequest(request);
        hookRequest = (await hooks.beforeRequest(shown, hookContext!)) ?? shown;
        if (!(hookRequest instanceof Request)) throw new TypeError('hooks.beforeRequest must return a Request or nothing');
        request = await fromHookRequest(request, shown, hookRequest);
      } else {
        hookRequest = toHookRequest(request);
      }
    }
    const apiOrigin = request.url.origin;
    const queryBeforeAuth = request.url.search;
    if (chosen.length > 0) {
      const pending = this.#authenticate(request, op, chosen, options);
      if (pending !== undefined) await pending;
    }
    const redirect = this.#browserFollowsRedirects ? 'follow' : 'manual';
    let response = await this.#fetchSettled(op, request, options, chosen, redirect);
    let authenticated = true;
    // A 3xx without a Location (304, most 300s) is the answer: nothing to load the redirect code for.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.headers.has('location'))) {
      const context: RedirectContext = {
        operation: op.id,
        request,
        response,
        apiOrigin,
        queryBeforeAuth,
        fresh: () => prepareRequest(baseUrl, config.headers, op, args, options.headers),
        authenticate: async (next) => this.#authenticate(next, op, chosen, options),
        send: (next, withCredentials, hopRedirect) => this.#fetchSettled(op, next, options, withCredentials ? chosen : [], hopRedirect),
        discard: discardBody,
        dropBodyHeaders,
        dropCredentialHeaders,
        browserHidesRedirects: () => {
          this.#browserFollowsRedirects = true;
        },
      };
      const followed = await followRedirects(context);
      if (followed === 'resend') return this.#send(op, args, options, chosen);
      ({ request, response, authenticated } = followed);
    }
    if (hooks?.afterResponse !== undefined) await hooks.afterResponse(response, hookRequest!, hookContext!);
    return { request, response, authenticated };
  }

  #authenticate(request: PreparedRequest, op: OperationSpec, chosen: readonly SchemeUseSpec[], options: AttemptOptions): void | Promise<void> {
    const probe = (): Promise<Response> => {
      // Without body and credentials, and never redirected: it only asks the server for its
      // challenge. A method with effects is probed with HEAD, lest a server that asks for no
      // credentials act on a body-less POST.
      const method = SAFE_METHODS.has(request.method.toUpperCase()) ? request.method : 'HEAD';
      const bare: PreparedRequest = { ...request, method, headers: new Headers(request.headers), body: undefined };
      dropBodyHeaders(bare.headers);
      dropCredentialHeaders(bare.headers);
      return sendFetch(this.#config, op, bare, options, transportFor(this.#config.auth, chosen), 'manual');
    };
    return applyAuth(this.#config.auth, request, op.id, chosen, options.signal, probe);
  }

  /** sendFetch, then tells the strategies that authenticated the request that it is done. */
  #fetchSettled(op: OperationSpec, request: PreparedRequest, options: AttemptOptions, chosen: readonly SchemeUseSpec[], redirect: RequestRedirect): Promise<Response> {
    const strategies = this.#config.auth;
    if (chosen.length === 0) return sendFetch(this.#config, op, request, options, undefined, redirect);
    const sent = sendFetch(this.#config, op, request, options, transportFor(strategies, chosen), redirect);
    return wantsSettle(strategies, chosen) ? sent.finally(() => settleAuth(strategies, chosen, request)) : sent;
  }
}

/**
 * The redirect-following module, or when it cannot be loaded (a browser gone offline) the 3xx
 * itself as the answer, which the call then rejects with as an ApiError of that status.
 */
async function followRedirects(context: RedirectContext): ReturnType<typeof import('./follow-redirects.js').followRedirects> {
  let follow: typeof import('./follow-redirects.js');
  try {
    follow = await loadFollowRedirects();
  } catch {
    return { request: context.request, response: context.response, authenticated: true };
  }
  return follow.followRedirects(context);
}

/**
 * The Request conversions hooks see (hooks.ts, loaded with the first call of a client that has
 * hooks). When they cannot be loaded (a browser gone offline), the call rejects with an
 * ApiConnectionError before anything is sent.
 */
async function hookRequests(op: OperationSpec, request: PreparedRequest): Promise<typeof import('./hooks.js')> {
  try {
    return await loadHooks();
  } catch (error) {
    throw new ApiConnectionError({ operation: op.id, method: request.method, url: request.url, cause: error });
  }
}
