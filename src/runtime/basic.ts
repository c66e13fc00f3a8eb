import type { BasicCredentials } from './auth-strategy.js';
import { BasicAuth } from './basic-auth.js';
import { credential, unfitScheme, type Credential } from './credential.js';

/** A username and password for an HTTP `basic` scheme of a `<Name>Core`: `Authorization: Basic base64(utf8(username:password))`. */
export function basic(credentials: BasicCredentials): Credential<'http-basic'> {
  return credential((scheme, spec) => {
    if (spec.type !== 'http' || spec.scheme.toLowerCase() !== 'basic') throw unfitScheme(scheme, 'an HTTP basic scheme', 'basic()');
    return new BasicAuth(scheme, credentials);
  });
}
