/** The token source of the grants that POST their fields to the token endpoint (client credentials, password). */
import { requestTokens, requireEndpoint, scopeParam, type OAuthClient } from './token-endpoint.js';
import type { GrantRunner } from './token-manager.js';

/** Asks the token endpoint with `fields` (grant_type and the grant's own) and the scopes; refreshes there too (token-refresh.ts). */
export function tokenGrantRunner(oauth: OAuthClient, fields: Readonly<Record<string, string>>): GrantRunner {
  return {
    refresh: oauth,
    request: async (scopes) => requestTokens(oauth, await requireEndpoint(oauth, 'tokenUrl', 'token endpoint'), { ...fields, ...scopeParam(scopes) }, scopeParam(scopes)),
  };
}

/** RFC 6749 §4.4: client credentials need a client that can authenticate (a public one signs users in). `where` starts the message. */
export function clientCredentialsRunner(oauth: OAuthClient, where: string): GrantRunner {
  if (!oauth.client.confidential) throw new TypeError(`${where}client credentials need a clientSecret or privateKey`);
  return tokenGrantRunner(oauth, { grant_type: 'client_credentials' });
}
