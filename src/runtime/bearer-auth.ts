import type { AuthRequest, AuthStrategy, TokenSource } from './auth-strategy.js';
import { formatAuthorization } from './authorization-header.js';
import { isHeaderSafe, requireHeaderSafe, requireTokenSource, resolveToken } from './credential-checks.js';

/** `Authorization: Bearer <token>`; a function source is asked for the token on every request. */
export class BearerAuth implements AuthStrategy {
  readonly scheme: string;
  readonly #token: TokenSource;
  // A fixed token's header value, checked once at construction.
  readonly #fixed: string | undefined;

  constructor(scheme: string, token: TokenSource) {
    this.scheme = scheme;
    this.#token = requireTokenSource(token, scheme);
    // An unsafe one is refused on each request, as a function's would be.
    this.#fixed = typeof this.#token === 'string' && isHeaderSafe(this.#token) ? formatAuthorization('bearer', this.#token) : undefined;
  }

  apply(request: AuthRequest): void | Promise<void> {
    if (this.#fixed !== undefined) return void request.headers.set('authorization', this.#fixed);
    return this.#applyResolved(request);
  }

  async #applyResolved(request: AuthRequest): Promise<void> {
    const token = requireHeaderSafe(await resolveToken(this.#token, this.scheme), this.scheme);
    request.headers.set('authorization', formatAuthorization('bearer', token));
  }
}
