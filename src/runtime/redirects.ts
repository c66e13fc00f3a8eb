/**
 * Redirects, followed by the client rather than by fetch, so that credentials go only to the API's
 * own origin: fetch's `follow` would re-send an API key header, a cookie or a query key to any host
 * a redirect names. The method and body rules are the Fetch standard's (HTTP-redirect fetch, 4.4).
 * Loaded with follow-redirects.ts, when an API answers with a redirect.
 */

/** Fetch allows 20; an API that needs more than this is looping. */
export const REDIRECT_LIMIT = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// RFC 9110 §9.2.2: repeating these has the effect of sending them once.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

export interface RedirectTarget {
  url: URL;
  method: string;
  /** False when the redirect turns the request into a body-less GET. */
  keepBody: boolean;
}

/** Where a 3xx response sends the request next; undefined when it is not a redirect to follow. */
export function redirectTarget(response: Response, from: URL, method: string): RedirectTarget | undefined {
  if (!REDIRECT_STATUSES.has(response.status)) return undefined;
  const location = response.headers.get('location');
  if (location === null) return undefined;
  let url: URL;
  try {
    url = new URL(location, from);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // A Location without a fragment inherits the request's (Fetch), though we never send one.
  if (url.hash === '' && from.hash !== '') url.hash = from.hash;
  const upper = method.toUpperCase();
  const toGet = (response.status === 303 && upper !== 'GET' && upper !== 'HEAD') || ((response.status === 301 || response.status === 302) && upper === 'POST');
  return toGet ? { url, method: 'GET', keepBody: false } : { url, method, keepBody: true };
}

/** The raw `name=value` pairs authentication appended to a query (API keys in the query). */
export function appendedQueryPairs(before: string, after: string): string[] {
  const was = before.replace(/^\?/, '');
  const is = after.replace(/^\?/, '');
  if (is === was || !is.startsWith(was)) return [];
  return is.slice(was.length).split('&').filter((pair) => pair !== '');
}

/**
 * A query pair as the server reads it: `%2f` and `%2F`, `+` and `%20` are the same. A pair that
 * does not decode is compared as it is.
 */
function decodedPair(pair: string): string {
  const equals = pair.indexOf('=');
  const [name, value] = equals < 0 ? [pair, undefined] : [pair.slice(0, equals), pair.slice(equals + 1)];
  const decode = (part: string): string => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return part;
    }
  };
  return JSON.stringify([decode(name), value === undefined ? null : decode(value)]);
}

/**
 * Removes those pairs from a URL, should a server echo them back in its Location, whatever
 * percent-encoding it chose for them.
 */
export function withoutQueryPairs(url: URL, pairs: readonly string[]): URL {
  if (pairs.length === 0 || url.search === '') return url;
  const drop = new Set(pairs.map(decodedPair));
  const kept = url.search.slice(1).split('&').filter((pair) => !drop.has(decodedPair(pair)));
  const stripped = new URL(url);
  stripped.search = kept.length === 0 ? '' : `?${kept.join('&')}`;
  return stripped;
}

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}
