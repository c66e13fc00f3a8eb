/** The token source of each flow: how it gets a first token and how it refreshes one. */
import { loadDeviceFlow } from './lazy-modules.js';
import { FUNCTION, option, STRING, type OptionKind } from './option-checks.js';
import type { OAuthClient } from './token-endpoint.js';
import { offlineError } from './token-error.js';
import { clientCredentialsRunner, tokenGrantRunner } from './token-grant.js';
import type { GrantRunner } from './token-manager.js';
import type { DeviceAuthorizationGrant } from './types.js';

export type ManagedFlow = 'clientCredentials' | 'password' | 'authorizationCode' | 'deviceAuthorization';

/** `where` starts each message (`security scheme "name": `). */
export function grantRunnerFor(flow: ManagedFlow, oauth: OAuthClient, credential: object, where: string): GrantRunner {
  if (flow === 'clientCredentials') return clientCredentialsRunner(oauth, where);
  // Refresh tokens go to its token endpoint.
  const refresh = oauth;
  // Only the user can grant a new code: without a refresh token the app must sign them in again.
  if (flow === 'authorizationCode') {
    return {
      refresh,
      request: (_scopes, refused) =>
        Promise.reject(offlineError(oauth.http.scheme, 'login_required', `${refused ? 'the refresh token was rejected' : 'there is no usable refresh token'}: sign the user in again (authorization code flow)`, refused)),
    };
  }
  const required = (name: string, kind: OptionKind) => option(credential, name, kind, where, true);
  if (flow === 'deviceAuthorization') {
    const onUserCode = required('onUserCode', FUNCTION) as DeviceAuthorizationGrant['onUserCode'];
    return { refresh, request: async (scopes) => (await loadDeviceFlow()).runDeviceFlow(oauth, scopes, onUserCode) };
  }
  return tokenGrantRunner(oauth, { grant_type: 'password', username: required('username', STRING) as string, password: required('password', STRING) as string });
}
