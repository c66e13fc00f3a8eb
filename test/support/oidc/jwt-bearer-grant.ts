/**
 * The JWT bearer grant (RFC 7523 §2.1), which oidc-provider does not ship, registered as a custom
 * grant type for the public client `keyway-assertion`. The assertion must be signed by one of the
 * keyway-jwt client's keys, with `iss` keyway-assertion and `aud` the issuer or the token URL.
 *
 * DPoP is oidc-provider's own: the custom grant calls the library's DPoP validation (signature with
 * the embedded key, htm, htu, iat, server nonces) and binding (jti replay check, `cnf.jkt`), the
 * same functions its built-in grants call. They are internal modules, imported by path (the
 * package has no `exports` map), so they share the running provider's state.
 */
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import { API_AUDIENCE, RESOURCE_SCOPES } from './clients.js';
import type { KoaContext, OidcProvider, OidcProviderModule } from './oidc-provider-types.js';
import type { ResourceRegistry } from './resource-indicators.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const JWT_BEARER_GRANT_PARAMS = new Set(['assertion', 'scope', 'resource']);
export const ASSERTION_CLIENT = { clientId: 'keyway-assertion', issuer: 'keyway-assertion' } as const;

interface DpopResult {
  thumbprint: string;
  jti: string;
}

type ValidateDpop = (provider: OidcProvider, ctx: KoaContext) => Promise<DpopResult | undefined>;
type ApplyDpopBinding = (provider: OidcProvider, ctx: KoaContext, dPoP: DpopResult | undefined, token: object) => Promise<void>;

async function dpopHelpers(): Promise<{ validateDpop: ValidateDpop; applyDpopBinding: ApplyDpopBinding }> {
  // Variable specifiers: the package ships no declarations.
  const validate: string = 'oidc-provider/lib/helpers/validate_dpop.js';
  const common: string = 'oidc-provider/lib/helpers/grant_common.js';
  const [validation, binding] = (await Promise.all([import(validate), import(common)])) as [{ default: ValidateDpop }, { applyDpopBinding: ApplyDpopBinding }];
  return { validateDpop: validation.default, applyDpopBinding: binding.applyDpopBinding };
}

/** The registration of the public client that uses the grant. */
export function assertionClientMetadata(): Record<string, unknown> {
  return { client_id: ASSERTION_CLIENT.clientId, token_endpoint_auth_method: 'none', grant_types: [JWT_BEARER_GRANT], response_types: [], redirect_uris: [] };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function createJwtBearerGrant(
  provider: OidcProvider,
  errors: OidcProviderModule['errors'],
  resources: ResourceRegistry,
  signers: readonly JWK[],
  tokenUrl: string,
): Promise<(ctx: KoaContext) => Promise<void>> {
  const { validateDpop, applyDpopBinding } = await dpopHelpers();
  const keys = createLocalJWKSet({ keys: [...signers] });
  const resourceScopes = new Set<string>(RESOURCE_SCOPES);
  return async function jwtBearerGrant(ctx) {
    const oidc = ctx.oidc;
    const client = oidc?.client;
    if (oidc === undefined || client === undefined) throw new Error('jwt-bearer grant ran outside the token endpoint');
    const dPoP = await validateDpop(provider, ctx);
    let subject: string;
    try {
      const { payload } = await jwtVerify(single(oidc.params['assertion']) ?? '', keys, { issuer: ASSERTION_CLIENT.issuer, audience: [provider.issuer, tokenUrl], requiredClaims: ['sub', 'exp'] });
      subject = payload.sub!;
    } catch (error) {
      throw new errors.InvalidGrant('invalid assertion', error instanceof Error ? error.message : undefined);
    }
    const scope = (single(oidc.params['scope']) ?? '').split(' ').filter((name) => resourceScopes.has(name)).join(' ');
    const resource = single(oidc.params['resource']) ?? API_AUDIENCE;
    const accessToken = new provider.AccessToken({ accountId: subject, client, gty: JWT_BEARER_GRANT, scope: scope || undefined });
    accessToken.resourceServer = new provider.ResourceServer(resource, resources.info(resource));
    await applyDpopBinding(provider, ctx, dPoP, accessToken);
    oidc.entity('AccessToken', accessToken);
    ctx.body = {
      access_token: await accessToken.save(),
      token_type: accessToken.tokenType,
      expires_in: accessToken.expiration,
      ...(scope ? { scope } : {}),
    };
  };
}
