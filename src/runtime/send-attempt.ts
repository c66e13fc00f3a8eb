/**
 * One attempt of a call: the request built, hooks run, authentication applied, redirects followed
 * by hand, and one more send when a strategy renewed its credentials after a 401 or 403.
 */
import { applyAuth, renewAfterRefusal, settleAuth, transportFor, wantsSettle } from './apply-auth.js';
import { prepareRequest, type PreparedRequest } from './build-request.js';
import type { AttemptOptions, SentRequest } from './call-state.js';
import type { CoreConfig } from './client-core.js';
import type { RequestRedirect } from './fetch-types.js';
import { fromHookRequest, toHookRequest, type HookContext } from './hooks.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody } from './parse-response.js';
import { appendedQueryPairs, dropBodyHeaders, dropCredentialHeaders, isIdempotent, REDIRECT_LIMIT, redirectTarget, withoutQueryPairs } from './redirects.js';
import { sendFetch } from './send-fetch.js';

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
    if (!(await renewAfterRefusal(this.#config.auth, op.id, chosen, sent, options.signal, notes))) return sent;
    await discardBody(sent.response);
    return this.#send(op, args, options, chosen);
  }

  /**
   * One send, redirects included. Redirects are followed here (`redirect: 'manual'`), at most
   * REDIRECT_LIMIT times: authentication is applied again on the API's own origin and nowhere else,
   * where the request goes without Authorization, Cookie or a query API key. Browsers hide
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
    if (hooks?.beforeRequest !== undefined) {
      const shown = toHookRequest(request);
      hookRequest = (await hooks.beforeRequest(shown, hookContext!)) ?? shown;
      if (!(hookRequest instanceof Request)) throw new TypeError('hooks.beforeRequest must return a Request or nothing');
      request = await fromHookRequest(request, shown, hookRequest);
    } else if (hooks?.afterResponse !== undefined) {
      hookRequest = toHookRequest(request);
    }
    const apiOrigin = request.url.origin;
    const queryBeforeAuth = request.url.search;
    if (chosen.length > 0) {
      const pending = this.#authenticate(request, op, chosen, options);
      if (pending !== undefined) await pending;
    }
    const authQuery = request.url.search === queryBeforeAuth ? [] : appendedQueryPairs(queryBeforeAuth, request.url.search);
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
      const fresh = prepareRequest(baseUrl, config.headers, op, args, options.headers);
      request = { ...fresh, url: withoutQueryPairs(target.url, authQuery), method: target.method, body: target.keepBody ? fresh.body : undefined };
      if (!target.keepBody) dropBodyHeaders(request.headers);
      authenticated = request.url.origin === apiOrigin;
      if (authenticated) await this.#authenticate(request, op, chosen, options);
      else dropCredentialHeaders(request.headers);
      // Another origin gets no credentials at all: not even a client certificate (mutual TLS transport).
      response = await this.#fetchSettled(op, request, options, authenticated ? chosen : [], 'manual');
    }
    if (hooks?.afterResponse !== undefined) await hooks.afterResponse(response, hookRequest!, hookContext!);
    return { request, response, authenticated };
  }

  async #afterHiddenRedirect(op: OperationSpec, args: Args, options: AttemptOptions, chosen: readonly SchemeUseSpec[], request: PreparedRequest): Promise<SentRequest> {
    this.#browserFollowsRedirects = true;
    if (isIdempotent(request.method) && request.body?.replayable !== false) return this.#send(op, args, options, chosen);
    throw new TypeError(`${op.id}: the server answered with a redirect this environment hides from scripts; the ${request.method} was not repeated (later requests follow redirects)`);
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
