import type { AuthRequest, AuthStrategy, TokenSource } from './auth-strategy.js';
import { isHeaderSafe, requireHeaderSafe, requireTokenSource, resolveToken } from './credential-checks.js';
import { appendCookies, encodeCookieValue } from './serialize-header.js';
import { appendQuery } from './serialize-query.js';
import { encodeUnreserved } from './uri-encoding.js';

/**
 * The one placement of the static schemes (apiKey, HTTP basic, bearer and the other
 * `Authorization: <Scheme> <credential>` schemes): a credential, fixed or asked of a function on
 * every request, put in a header (after `prefix`), the query or a cookie under `name`.
 */
export class StaticAuth implements AuthStrategy {
  readonly scheme: string;
  readonly #source: TokenSource;
  readonly #in: 'header' | 'query' | 'cookie';
  readonly #name: string;
  readonly #prefix: string;
  // A fixed credential's header value, checked once; an unsafe one is refused on each request, as a function's would be.
  readonly #header: string | undefined;

  constructor(scheme: string, source: TokenSource, where: 'header' | 'query' | 'cookie', name: string, prefix = '') {
    this.scheme = scheme;
    this.#source = requireTokenSource(source, scheme);
    this.#in = where;
    this.#name = name;
    this.#prefix = prefix;
    if (where === 'header' && typeof source === 'string' && isHeaderSafe(source)) this.#header = prefix + source;
  }

  apply(request: AuthRequest): void | Promise<void> {
    if (this.#header !== undefined) return void request.headers.set(this.#name, this.#header);
    const source = this.#source;
    // A fixed header credential gets here only when unsafe: refused as a function's would be, by the promise.
    if (typeof source === 'string' && this.#in !== 'header') return this.#place(request, source);
    return resolveToken(source, this.scheme).then((credential) => this.#place(request, credential));
  }

  #place(request: AuthRequest, credential: string): void {
    const name = this.#name;
    if (this.#in === 'header') request.headers.set(name, this.#prefix + requireHeaderSafe(credential, this.scheme));
    else if (this.#in === 'query') appendQuery(request.url, [`${encodeUnreserved(name)}=${encodeUnreserved(credential)}`]);
    else appendCookies(request.headers, [`${encodeUnreserved(name)}=${encodeCookieValue(credential)}`]);
  }
}
