/**
 * The JWT bearer grant (RFC 7523 §2.1), which oidc-provider does not ship, registered as a custom
 * grant type for the public client `keyway-assertion`. The assertion must be signed by one of the
 * keyway-jwt client's keys, with `iss` keyway-assertion and `aud` the issuer or the token URL.
 *
 * DPoP is oidc-provider's own: the custom grant calls the library's DPoP validation (signature with
 * the embedded key, htm, htu, iat, server nonces) and binding (jti replay check, `cnf.jkt`), and its
 * certificate binding for clients registered with certificate-bound tokens (`cnf.x5t#S256`), the
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
/** The PEM of the client certificate when the client's tokens are certificate-bound (features.mTLS), else undefined; a bound client without one is invalid_grant. */
type CheckMtlsCert = (provider: OidcProvider, ctx: KoaContext) => string | undefined;

async function bindingHelpers(): Promise<{ validateDpop: ValidateDpop; applyDpopBinding: ApplyDpopBinding; checkMtlsCert: CheckMtlsCert }> {
  // Variable specifiers: the package ships no declarations.
  const validate: string = 'oidc-provider/lib/helpers/validate_dpop.js';
  const common: string = 'oidc-provider/lib/helpers/grant_common.js';
  const constraints: string = 'oidc-provider/lib/helpers/sender_constraints.js';
  const [validation, binding, sender] = (await Promise.all([import(validate), import(common), import(constraints)])) as [
    { default: ValidateDpop },
    { applyDpopBinding: ApplyDpopBinding },
    { checkMtlsCert: CheckMtlsCert },
  ];
  return { validateDpop: validation.default, applyDpopBinding: binding.applyDpopBinding, checkMtlsCert: sender.checkMtlsCert };
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
  const { validateDpop, applyDpopBinding, checkMtlsCert } = await bindingHelpers();
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
    // RFC 8705 §3, as oidc-provider's client_credentials grant binds: x5t#S256 of the presented certificate.
    const certificate = checkMtlsCert(provider, ctx);
    if (certificate !== undefined) (accessToken as unknown as { setThumbprint(kind: 'x5t', pem: string): void }).setThumbprint('x5t', certificate);
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
