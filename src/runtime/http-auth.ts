import type { TokenSource } from './auth-strategy.js';
import { authSchemeSpelling } from './authorization-header.js';
import { quoteScheme } from './credential-checks.js';
import { StaticAuth } from './static-auth.js';

/**
 * Any other HTTP auth scheme, sent generically as `Authorization: <Scheme> <credential>`. Schemes
 * with a challenge/response exchange (Digest, Negotiate handshakes) need their own strategy.
 */
export class HttpAuth extends StaticAuth {
  constructor(scheme: string, httpScheme: string, credential: TokenSource) {
    // RFC 9110 token: what an auth-scheme name may consist of.
    if (typeof httpScheme !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(httpScheme)) {
      throw new TypeError(`security scheme ${quoteScheme(scheme)}: ${JSON.stringify(httpScheme)} is not a valid HTTP auth scheme name`);
    }
    super(scheme, credential, 'header', 'authorization', `${authSchemeSpelling(httpScheme)} `);
  }
}
