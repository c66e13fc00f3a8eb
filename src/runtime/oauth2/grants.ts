/** The token source of each flow: how it gets a first token and how it refreshes one. */
import { loadDeviceFlow } from './lazy-modules.js';
import { option, schemeWhere } from './option-checks.js';
import { refreshTokens, requestTokens, requireEndpoint, scopeParam, type OAuthClient } from './token-endpoint.js';
import type { GrantRunner } from './token-manager.js';
import type { DeviceAuthorizationGrant } from './types.js';

export type ManagedFlow = 'clientCredentials' | 'password' | 'authorizationCode' | 'deviceAuthorization';

export function grantRunnerFor(flow: ManagedFlow, oauth: OAuthClient, credential: object): GrantRunner {
  const refresh = (tokens: Parameters<GrantRunner['refresh']>[0]) => refreshTokens(oauth, tokens);
  const where = schemeWhere(oauth.http.scheme);
  // Only the user can grant a new code: without a refresh token the app must sign them in again.
  if (flow === 'authorizationCode') return { refresh, request: undefined };
  if (flow === 'deviceAuthorization') {
    const onUserCode = option(credential, 'onUserCode', 'function', where, true) as DeviceAuthorizationGrant['onUserCode'];
    return { refresh, request: async (scopes) => (await loadDeviceFlow()).runDeviceFlow(oauth, scopes, onUserCode) };
  }
  let fields: Record<string, string> = { grant_type: 'client_credentials' };
  if (flow === 'password') {
    fields = { grant_type: 'password', username: option(credential, 'username', 'string', where, true) as string, password: option(credential, 'password', 'string', where, true) as string };
  } else if (!oauth.client.confidential) throw new TypeError(`${where}client credentials need a clientSecret or privateKey`);
  return { refresh, request: async (scopes) => requestTokens(oauth, await requireEndpoint(oauth, 'tokenUrl', 'token endpoint'), { ...fields, ...scopeParam(scopes) }, scopeParam(scopes)) };
}
