import type { Credential } from '../credential.js';
import { credential } from '../credential.js';
import { oauth2Strategies } from './oauth2-strategies.js';
import type { ClientCredentialsGrant } from './types.js';

/**
 * An OAuth 2.0 client credentials grant (`clientId` with `clientSecret`, a private key or a client
 * certificate) for one OAuth 2.0 or OpenID Connect scheme of a `<Name>Core`.
 *
 * Placeholder: made by the generic OAuth 2.0 construction (every flow's checks); the lean one that
 * links only this flow's code replaces it.
 */
export function clientCredentials(options: ClientCredentialsGrant): Credential<'oauth2'> {
  return credential((scheme, spec, context) => {
    const strategy = oauth2Strategies(scheme, spec, { ...options, flow: 'clientCredentials' }, context);
    if (strategy === undefined) throw new TypeError(`security scheme "${scheme}" is not an OAuth 2.0 or OpenID Connect scheme: clientCredentials() fits those only`);
    return strategy;
  });
}
