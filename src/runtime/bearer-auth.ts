import type { AuthRequest, AuthStrategy, TokenSource } from './auth-strategy.js';
import { formatAuthorization } from './authorization-header.js';
import { requireHeaderSafe, requireTokenSource, resolveToken } from './credential-checks.js';

/** `Authorization: Bearer <token>`; a function source is asked for the token on every request. */
export class BearerAuth implements AuthStrategy {
  readonly scheme: string;
  readonly #token: TokenSource;

  constructor(scheme: string, token: TokenSource) {
    this.scheme = scheme;
    this.#token = requireTokenSource(token, scheme);
  }

  async apply(request: AuthRequest): Promise<void> {
    const token = requireHeaderSafe(await resolveToken(this.#token, this.scheme), this.scheme);
    request.headers.set('authorization', formatAuthorization('bearer', token));
  }
}
