import { ApiKeyAuth } from './api-key-auth.js';
import type { TokenSource } from './auth-strategy.js';
import { credential, unfitScheme, type Credential } from './credential.js';

/** An API key (a string, or a function called for every request) for an `apiKey` scheme of a `<Name>Core`: sent where the scheme says. */
export function apiKey(key: TokenSource): Credential<'apiKey'> {
  return credential((scheme, spec) => {
    if (spec.type !== 'apiKey') throw unfitScheme(scheme, 'an API key scheme', 'apiKey()');
    return new ApiKeyAuth(scheme, spec, key);
  });
}
