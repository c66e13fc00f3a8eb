import type { TokenSource } from './auth-strategy.js';
import { credential, unfitScheme, type Credential } from './credential.js';
import { HttpAuth } from './http-auth.js';

// These have builders (or, digest and OAuth 1.0a, strategies) of their own.
const OWN_BUILDER = /^(basic|bearer|digest|oauth)$/i;

/**
 * The credential of any other HTTP scheme (`negotiate`, a vendor's own) for a `<Name>Core`, a
 * string or a function called for every request: sent as `Authorization: <Scheme> <credential>`.
 */
export function httpToken(token: TokenSource): Credential<'http'> {
  return credential((scheme, spec) => {
    if (spec.type !== 'http' || OWN_BUILDER.test(spec.scheme)) throw unfitScheme(scheme, 'an HTTP scheme other than basic, bearer, digest and OAuth 1.0a', 'httpToken()');
    return new HttpAuth(scheme, spec.scheme.toLowerCase(), token);
  });
}
