/**
 * The check every URL a client is configured with gets (its baseUrl, an OAuth endpoint): one
 * function, so the request core and the OAuth construction carry one copy of it.
 */
import { documentBase } from './document-base.js';

/**
 * `raw` resolved against `baseUrl` (itself resolved against the page, in a browser), or against
 * the page without one; its fragment dropped. A TypeError starts with `what` (`<what> <notUrl>`
 * when either does not parse); a URL carrying a user name or password is refused, as fetch would
 * quote it, password included, in its errors. No message quotes a URL: its query may hold a key.
 * A `raw` that is not a string is refused as one that does not parse.
 */
export function checkedUrl(raw: string, baseUrl: string | undefined, what: string, notUrl: string): URL {
  const page = documentBase();
  let url: URL;
  try {
    // Given by JavaScript as something else (a number, an object), it is no URL: new URL would
    // stringify it, and in a page a relative "123" resolves.
    if (typeof raw !== 'string') throw raw;
    url = new URL(raw, baseUrl === undefined ? page : new URL(baseUrl, page));
  } catch {
    throw new TypeError(`${what} ${notUrl}`);
  }
  if (url.username || url.password) throw new TypeError(`${what} must not contain a user name or password`);
  url.hash = '';
  return url;
}
