/**
 * `clientCredentials({ … })`: the built credential for an OAuth 2.0 client credentials grant. It
 * makes its strategy directly, with this flow's checks only: an app that builds its credentials
 * links no other flow's construction (no flow inference, no password, device, authorization code
 * or JWT bearer code). The checks and messages are those of the plain credential (the shared
 * modules below make both).
 */
import type { Credential } from '../credential.js';
import { credential, unfitScheme } from '../credential.js';
import { quoteScheme } from '../credential-checks.js';
import { certificateEndpoints, endpointSource } from './endpoint-source.js';
import { grantClient, grantParts, grantStrategy, OVERRIDE_KINDS, REQUEST_KINDS } from './grant-construction.js';
import { sharedOAuth } from './oauth-environment.js';
import { checkOptions, schemeWhere } from './option-checks.js';
import { acceptFlow, schemeFlows } from './scheme-flows.js';
import { clientCredentialsRunner } from './token-grant.js';
import type { ClientCredentialsGrant } from './types.js';

const OPTION_KINDS = { ...OVERRIDE_KINDS, ...REQUEST_KINDS };

/**
 * An OAuth 2.0 client credentials grant (`clientId` with `clientSecret`, a private key or a client
 * certificate) for one OAuth 2.0 or OpenID Connect scheme of a `<Name>Core`. Checked when the client
 * is made: a TypeError names the scheme and the option, never a value.
 */
export function clientCredentials(options: ClientCredentialsGrant): Credential<'oauth2'> {
  return credential((scheme, spec, context) => {
    if (spec.type !== 'oauth2' && spec.type !== 'openIdConnect') throw unfitScheme(scheme, 'an OAuth 2.0 or OpenID Connect scheme', 'clientCredentials()');
    const shared = sharedOAuth(context);
    const where = schemeWhere(scheme);
    const what = `the credential for security scheme ${quoteScheme(scheme)}`;
    if (typeof options !== 'object' || options === null) throw new TypeError(`${what} must be an object (see its OAuth2 grant types)`);
    const checked: Pick<ClientCredentialsGrant, keyof typeof OPTION_KINDS> = checkOptions(options, OPTION_KINDS, where);
    acceptFlow('clientCredentials', schemeFlows(spec, checked, where).usable, what);
    const parts = grantParts(options, scheme, shared, checked.tokenParams);
    const certificate = !!parts.certificateFetch;
    const endpoints = certificateEndpoints(endpointSource(spec, 'clientCredentials', checked, shared, parts.http, certificate), certificate, scheme);
    const oauth = grantClient(parts, endpoints, options, scheme, where);
    return grantStrategy(scheme, shared, parts, { flow: 'clientCredentials', clientId: oauth.client.clientId, source: clientCredentialsRunner(oauth, where) }, checked.scopes);
  });
}
