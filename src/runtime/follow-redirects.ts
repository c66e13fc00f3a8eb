/**
 * Follows an API's redirects by hand (client-core.ts sends with `redirect: 'manual'`), at most
 * REDIRECT_LIMIT times: authentication is applied again on the API's own origin and nowhere else,
 * where the request goes without Authorization, Cookie or a query API key. Loaded with import()
 * (lazy-core-modules.ts) the first time an API answers with a 3xx, so an app whose API never
 * redirects never downloads it; it takes what it needs of the attempt through `RedirectContext`.
 */
import type { PreparedRequest } from './build-request.js';
import type { RequestRedirect } from './fetch-types.js';
import { appendedQueryPairs, isIdempotent, REDIRECT_LIMIT, redirectTarget, withoutQueryPairs } from './redirects.js';
import { dropBodyHeaders, dropCredentialHeaders } from './request-headers.js';

/** The attempt a 3xx answered, and what following it needs of the sender. */
export interface RedirectContext {
  operation: string;
  request: PreparedRequest;
  response: Response;
  /** The origin authentication was applied on; a hop elsewhere goes without credentials. */
  apiOrigin: string;
  /** The query before authentication: what authentication appended is removed from a Location that echoes it. */
  queryBeforeAuth: string;
  /** The request built afresh (headers, body) for the next hop. */
  fresh(): PreparedRequest;
  authenticate(request: PreparedRequest): Promise<void>;
  /** Sends a hop, with the attempt's credentials (transport included) only when `authenticated`. */
  send(request: PreparedRequest, authenticated: boolean, redirect: RequestRedirect): Promise<Response>;
  discard(response: Response): Promise<void>;
  /** A browser hid a redirect (an opaqueredirect response): fetch follows them itself from now on. */
  browserHidesRedirects(): void;
}

/** Where the redirects ended; `resend` when a browser hid one and the request is harmless to repeat. */
export type Followed = { request: PreparedRequest; response: Response; authenticated: boolean } | 'resend';

export async function followRedirects(context: RedirectContext): Promise<Followed> {
  let { request, response } = context;
  const authQuery = request.url.search === context.queryBeforeAuth ? [] : appendedQueryPairs(context.queryBeforeAuth, request.url.search);
  let authenticated = true;
  for (let hops = 0; ; hops++) {
    if (response.type === 'opaqueredirect') {
      context.browserHidesRedirects();
      if (isIdempotent(request.method) && request.body?.replayable !== false) return 'resend';
      throw new TypeError(`${context.operation}: the server answered with a redirect this environment hides from scripts; the ${request.method} was not repeated (later requests follow redirects)`);
    }
    const target = redirectTarget(response, request.url, request.method);
    if (target === undefined || (target.keepBody && request.body?.replayable === false)) break;
    if (hops === REDIRECT_LIMIT) {
      await context.discard(response);
      throw new TypeError(`${context.operation}: more than ${REDIRECT_LIMIT} redirects`);
    }
    await context.discard(response);
    const fresh = context.fresh();
    request = { ...fresh, url: withoutQueryPairs(target.url, authQuery), method: target.method, body: target.keepBody ? fresh.body : undefined };
    if (!target.keepBody) dropBodyHeaders(request.headers);
    authenticated = request.url.origin === context.apiOrigin;
    if (authenticated) await context.authenticate(request);
    else dropCredentialHeaders(request.headers);
    // Another origin gets no credentials at all: not even a client certificate (mutual TLS transport).
    response = await context.send(request, authenticated, 'manual');
  }
  return { request, response, authenticated };
}
