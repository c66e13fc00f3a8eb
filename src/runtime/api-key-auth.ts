import type { AuthRequest, AuthStrategy, TokenSource } from './auth-strategy.js';
import { quoteScheme, requireHeaderSafe, requireTokenSource, resolveToken } from './credential-checks.js';
import { appendQuery } from './serialize-query.js';
import { appendCookies, encodeCookieValue } from './serialize-header.js';
import { encodeUnreserved } from './uri-encoding.js';

export type ApiKeyLocation = 'header' | 'query' | 'cookie';

/** An API key sent as a header, a query parameter or a cookie under the name the spec gives. */
export class ApiKeyAuth implements AuthStrategy {
  readonly scheme: string;
  readonly location: ApiKeyLocation;
  readonly paramName: string;
  readonly #key: TokenSource;

  constructor(scheme: string, where: { in: ApiKeyLocation; name: string }, key: TokenSource) {
    if (where.in !== 'header' && where.in !== 'query' && where.in !== 'cookie') {
      throw new TypeError(`security scheme ${quoteScheme(scheme)}: an API key goes in a header, query or cookie`);
    }
    if (typeof where.name !== 'string' || where.name === '') {
      throw new TypeError(`security scheme ${quoteScheme(scheme)}: the API key needs a parameter name`);
    }
    this.scheme = scheme;
    this.location = where.in;
    this.paramName = where.name;
    this.#key = requireTokenSource(key, scheme);
  }

  apply(request: AuthRequest): void | Promise<void> {
    if (typeof this.#key === 'string') return this.#send(request, this.#key);
    return resolveToken(this.#key, this.scheme).then((key) => this.#send(request, key));
  }

  #send(request: AuthRequest, key: string): void {
    switch (this.location) {
      case 'header':
        request.headers.set(this.paramName, requireHeaderSafe(key, this.scheme));
        return;
      case 'query':
        appendQuery(request.url, [`${encodeUnreserved(this.paramName)}=${encodeUnreserved(key)}`]);
        return;
      case 'cookie':
        appendCookies(request.headers, [`${encodeUnreserved(this.paramName)}=${encodeCookieValue(key)}`]);
        return;
    }
  }
}
