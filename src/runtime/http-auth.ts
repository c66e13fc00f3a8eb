import type { AuthRequest, AuthStrategy, TokenSource } from './auth-strategy.js';
import { formatAuthorization, isAuthSchemeToken } from './authorization-header.js';
import { isHeaderSafe, quoteScheme, requireHeaderSafe, requireTokenSource, resolveToken } from './credential-checks.js';

/**
 * Any other HTTP auth scheme, sent generically as `Authorization: <Scheme> <credential>`. Schemes
 * with a challenge/response exchange (Digest, Negotiate handshakes) need their own strategy.
 */
export class HttpAuth implements AuthStrategy {
  readonly scheme: string;
  readonly httpScheme: string;
  readonly #credential: TokenSource;
  // A fixed credential's header value, checked once at construction.
  readonly #fixed: string | undefined;

  constructor(scheme: string, httpScheme: string, credential: TokenSource) {
    if (typeof httpScheme !== 'string' || !isAuthSchemeToken(httpScheme)) {
      throw new TypeError(`security scheme ${quoteScheme(scheme)}: ${JSON.stringify(httpScheme)} is not a valid HTTP auth scheme name`);
    }
    this.scheme = scheme;
    this.httpScheme = httpScheme;
    this.#credential = requireTokenSource(credential, scheme);
    // An unsafe one is refused on each request, as a function's would be.
    this.#fixed = typeof this.#credential === 'string' && isHeaderSafe(this.#credential) ? formatAuthorization(httpScheme, this.#credential) : undefined;
  }

  apply(request: AuthRequest): void | Promise<void> {
    if (this.#fixed !== undefined) return void request.headers.set('authorization', this.#fixed);
    return this.#applyResolved(request);
  }

  async #applyResolved(request: AuthRequest): Promise<void> {
    const credential = requireHeaderSafe(await resolveToken(this.#credential, this.scheme), this.scheme);
    request.headers.set('authorization', formatAuthorization(this.httpScheme, credential));
  }
}
