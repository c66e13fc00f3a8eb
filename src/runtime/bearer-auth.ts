import type { TokenSource } from './auth-strategy.js';
import { HttpAuth } from './http-auth.js';

/** `Authorization: Bearer <token>`; a function source is asked for the token on every request. The HTTP scheme `bearer`, so HttpAuth's placement. */
export class BearerAuth extends HttpAuth {
  constructor(scheme: string, token: TokenSource) {
    super(scheme, 'bearer', token);
  }
}
