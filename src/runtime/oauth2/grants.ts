/** The token source of each flow: how it gets a first token and how it refreshes one. */
import { quoteScheme } from '../credential-checks.js';
import { loadDeviceFlow } from './lazy-modules.js';
import { refreshTokens, requestedScope, requestTokens, requireEndpoint, scopeParam, type OAuthClient } from './token-endpoint.js';
import type { GrantRunner } from './token-manager.js';
import type { DeviceAuthorizationGrant, PasswordGrant } from './types.js';

type ManagedFlow = 'clientCredentials' | 'password' | 'authorizationCode' | 'deviceAuthorization';

function requireString(value: unknown, name: string, scheme: string): string {
  if (typeof value !== 'string') throw new TypeError(`security scheme ${quoteScheme(scheme)}: ${name} must be a string`);
  return value;
}

export function grantRunnerFor(flow: ManagedFlow, oauth: OAuthClient, credential: object): GrantRunner {
  const refresh = (tokens: Parameters<GrantRunner['refresh']>[0]) => refreshTokens(oauth, tokens);
  const scheme = oauth.http.scheme;
  switch (flow) {
    case 'clientCredentials':
      if (!oauth.client.confidential) throw new TypeError(`security scheme ${quoteScheme(scheme)}: client credentials need a clientSecret or privateKey`);
      return {
        refresh,
        request: async (scopes) =>
          requestTokens(oauth, await requireEndpoint(oauth, 'tokenUrl', 'token endpoint'), { grant_type: 'client_credentials', ...scopeParam(scopes) }, requestedScope(scopes)),
      };
    case 'password': {
      const grant = credential as PasswordGrant;
      const username = requireString(grant.username, 'username', scheme);
      const password = requireString(grant.password, 'password', scheme);
      return {
        refresh,
        request: async (scopes) =>
          requestTokens(oauth, await requireEndpoint(oauth, 'tokenUrl', 'token endpoint'), { grant_type: 'password', username, password, ...scopeParam(scopes) }, requestedScope(scopes)),
      };
    }
    case 'deviceAuthorization': {
      const { onUserCode } = credential as DeviceAuthorizationGrant;
      if (typeof onUserCode !== 'function') throw new TypeError(`security scheme ${quoteScheme(scheme)}: onUserCode must be a function`);
      return { refresh, request: async (scopes) => (await loadDeviceFlow()).runDeviceFlow(oauth, scopes, onUserCode) };
    }
    case 'authorizationCode':
      // Only the user can grant a new code: without a refresh token the app must sign them in again.
      return { refresh, request: undefined };
  }
}
