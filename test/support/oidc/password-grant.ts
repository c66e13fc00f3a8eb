/**
 * The resource owner password credentials grant (RFC 6749 §4.3), which oidc-provider does not ship.
 * Registered with `provider.registerGrantType('password', …)`; client authentication, grant-type
 * allow-lists and duplicate-parameter checks have already run in the token endpoint when it is called.
 *
 * It records its grant the way the built-in grants do (Grant + AccessToken + RefreshToken models
 * sharing one grantId and carrying `resource`), so the built-in refresh_token grant can refresh,
 * rotate and revoke these tokens like any other.
 */
import { checkPassword } from './accounts.js';
import { API_AUDIENCE, OIDC_SCOPES, RESOURCE_SCOPES } from './clients.js';
import type { KoaContext, OidcProvider, OidcProviderModule } from './oidc-provider-types.js';
import type { ResourceRegistry } from './resource-indicators.js';

export const PASSWORD_GRANT = 'password';
export const PASSWORD_GRANT_PARAMS = new Set(['username', 'password', 'scope', 'resource']);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const KNOWN_SCOPES = new Set<string>([...OIDC_SCOPES, ...RESOURCE_SCOPES]);
const RESOURCE_SCOPE_SET = new Set<string>(RESOURCE_SCOPES);

export function createPasswordGrant(
  provider: OidcProvider,
  errors: OidcProviderModule['errors'],
  resources: ResourceRegistry,
): (ctx: KoaContext) => Promise<void> {
  return async function passwordGrant(ctx) {
    const oidc = ctx.oidc;
    const client = oidc?.client;
    if (oidc === undefined || client === undefined) throw new Error('password grant ran outside the token endpoint');

    const username = single(oidc.params['username']);
    const password = single(oidc.params['password']);
    if (!username || !password) throw new errors.InvalidRequest("missing required parameter 'username' or 'password'");
    const user = checkPassword(username, password);
    // Same error for an unknown user and a wrong password (RFC 6749 §5.2 invalid_grant).
    if (user === undefined) throw new errors.InvalidGrant('invalid resource owner credentials');

    const requested = (single(oidc.params['scope']) ?? '').split(' ').filter(Boolean);
    const unknown = requested.filter((scope) => !KNOWN_SCOPES.has(scope));
    if (unknown.length > 0) throw new errors.InvalidScope('requested scope is not allowed', unknown.join(' '));
    const resource = single(oidc.params['resource']) ?? API_AUDIENCE;
    const info = resources.info(resource);
    const resourceScope = requested.filter((scope) => RESOURCE_SCOPE_SET.has(scope)).join(' ');
    const oidcScope = requested.filter((scope) => !RESOURCE_SCOPE_SET.has(scope)).join(' ');

    const accountId = user.claims.sub;
    const grant = new provider.Grant({ accountId, clientId: client.clientId });
    if (oidcScope) grant.addOIDCScope(oidcScope);
    if (resourceScope) grant.addResourceScope(resource, resourceScope);
    const grantId = await grant.save();

    const accessToken = new provider.AccessToken({ accountId, client, grantId, gty: PASSWORD_GRANT, scope: resourceScope || undefined });
    accessToken.resourceServer = new provider.ResourceServer(resource, info);
    oidc.entity('AccessToken', accessToken);
    const accessTokenValue = await accessToken.save();

    let refreshTokenValue: string | undefined;
    if (client.grantTypeAllowed('refresh_token')) {
      const refreshToken = new provider.RefreshToken({
        accountId,
        client,
        grantId,
        gty: PASSWORD_GRANT,
        scope: requested.join(' ') || undefined,
        resource,
        rotations: 0,
        authTime: Math.floor(Date.now() / 1000),
      });
      oidc.entity('RefreshToken', refreshToken);
      refreshTokenValue = await refreshToken.save();
    }

    ctx.body = {
      access_token: accessTokenValue,
      token_type: accessToken.tokenType,
      expires_in: accessToken.expiration,
      ...(refreshTokenValue === undefined ? {} : { refresh_token: refreshTokenValue }),
      ...(resourceScope ? { scope: resourceScope } : {}),
    };
  };
}
