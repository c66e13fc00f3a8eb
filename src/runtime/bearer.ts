import type { TokenSource } from './auth-strategy.js';
import { BearerAuth } from './bearer-auth.js';
import { credential, unfitScheme, type Credential } from './credential.js';

/**
 * A bearer token (a string, or a function called for every request) for a `<Name>Core`: an HTTP
 * `bearer` scheme's, or the access token of an OAuth 2.0 or OpenID Connect scheme obtained
 * elsewhere (as `{ accessToken }` is to the client class). Sent as `Authorization: Bearer <token>`.
 */
export function bearer(token: TokenSource): Credential<'http-bearer' | 'oauth2'> {
  return credential((scheme, spec) => {
    const fits = spec.type === 'http' ? spec.scheme.toLowerCase() === 'bearer' : spec.type === 'oauth2' || spec.type === 'openIdConnect' || spec.type === 'accessToken';
    if (!fits) throw unfitScheme(scheme, 'an HTTP bearer, OAuth 2.0 or OpenID Connect scheme', 'bearer()');
    return new BearerAuth(scheme, token);
  });
}
