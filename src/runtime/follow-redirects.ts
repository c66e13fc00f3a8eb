/**
 * Follows an API's redirects by hand (client-core.ts sends with `redirect: 'manual'`), at most
 * REDIRECT_LIMIT times: authentication is applied again on the API's own origin and nowhere else,
 * where the request goes without Authorization, Cookie or a query API key. Loaded with setbacks.ts
 * (an answer outside 2xx), so an app whose API answers with a 2xx never downloads it; it takes
 * what it needs of the attempt as arguments.
 */
import type { PreparedRequest } from './build-request.js';
import type { RequestRedirect } from './fetch-types.js';
import { appendedQueryPairs, isIdempotent, REDIRECT_LIMIT, redirectTarget, withoutQueryPairs } from './redirects.js';
import { discardUnread } from './discard-unread.js';
import { dropBodyHeaders, dropCredentialHeaders } from './request-headers.js';

/** Where the redirects ended; `resend` when a browser hid one and the request is harmless to repeat. */
export type Followed = { request: PreparedRequest; response: Response; authenticated: boolean } | 'resend';

/** Sends a hop, with the attempt's credentials (transport included) only when `authenticated`. */
export type HopSender = (request: PreparedRequest, authenticated: boolean, redirect: RequestRedirect) => Promise<Response>;

/**
 * Follows the 3xx `response` answered to `request` (authenticated on its origin; `queryBeforeAuth`:
 * its query before authentication, so what authentication appended is removed from a Location that
 * echoes it). `fresh` builds the request afresh (headers, body) for the next hop, `authenticate`
 * applies the attempt's credentials to it, `send` sends it; `browserHidesRedirects` is told when a
 * browser hid a redirect (an opaqueredirect response): fetch follows them itself from then on.
 * Positional, not an object of named members: the core that calls it is in every app's download.
 */
export async function followRedirects(
  operation: string,
  request: PreparedRequest,
  response: Response,
  queryBeforeAuth: string,
  fresh: () => PreparedRequest,
  authenticate: (request: PreparedRequest) => Promise<void>,
  send: HopSender,
  browserHidesRedirects: () => void,
): Promise<Followed> {
  const apiOrigin = request.url.origin;
  const authQuery = request.url.search === queryBeforeAuth ? [] : appendedQueryPairs(queryBeforeAuth, request.url.search);
  let authenticated = true;
  for (let hops = 0; ; hops++) {
    if (response.type === 'opaqueredirect') {
      browserHidesRedirects();
      if (isIdempotent(request.method) && request.body?.replayable !== false) return 'resend';
      throw new TypeError(`${operation}: the server answered with a redirect this environment hides from scripts; the ${request.method} was not repeated (later requests follow redirects)`);
    }
    const target = redirectTarget(response, request.url, request.method);
    if (target === undefined || (target.keepBody && request.body?.replayable === false)) break;
    if (hops === REDIRECT_LIMIT) {
      await discardUnread(response);
      throw new TypeError(`${operation}: more than ${REDIRECT_LIMIT} redirects`);
    }
    await discardUnread(response);
    const next = fresh();
    request = { ...next, url: withoutQueryPairs(target.url, authQuery), method: target.method, body: target.keepBody ? next.body : undefined };
    if (!target.keepBody) dropBodyHeaders(request.headers);
    authenticated = request.url.origin === apiOrigin;
    if (authenticated) await authenticate(request);
    else dropCredentialHeaders(request.headers);
    // Another origin gets no credentials at all: not even a client certificate (mutual TLS transport).
    response = await send(request, authenticated, 'manual');
  }
  return { request, response, authenticated };
}
