/**
 * The oidc-provider configuration of the test authorization server. Every default function the
 * library would warn about is replaced, so a run prints nothing.
 */
import { randomBytes } from 'node:crypto';
import { findAccount } from './accounts.js';
import { clientMetadata, OIDC_SCOPES } from './clients.js';
import { devicePages } from './device-pages.js';
import { assertionClientMetadata } from './jwt-bearer-grant.js';
import { mtlsClientMetadata, mtlsEndpointAliases, mtlsFeature, type MtlsOptions } from './mtls-feature.js';
import type { ServerKeys } from './keys.js';
import type { OidcClient } from './oidc-provider-types.js';
import { resourceIndicatorsFeature, type ResourceRegistry, type TokenLifetimes } from './resource-indicators.js';

interface TokenLike {
  clientId?: string;
  resourceServer?: { accessTokenTTL?: number };
}

interface ErrorPageContext {
  type: string;
  body: unknown;
}

const MINUTE = 60;

// oidc-provider's default list, plus RFC 8705's two (it refuses clients registered with others).
const MTLS_CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_jwt', 'client_secret_post', 'private_key_jwt', 'none', 'tls_client_auth', 'self_signed_tls_client_auth'];

/** Optional behaviours a test server can switch on. */
export interface ProviderFeatures {
  /** RFC 9449 §8: every DPoP proof at the token endpoint must carry a nonce the server issued. */
  dpopNonces?: boolean;
  /** RFC 8705: features.mTLS, its clients, and `mtls_endpoint_aliases` at `origin` (the https listener). */
  mtls?: { options: MtlsOptions; origin: string };
}

/** `features.dPoP`: on (oidc-provider's default), with server nonces when asked. */
function dpopFeature(features: ProviderFeatures): Record<string, unknown> {
  if (features.dpopNonces !== true) return { enabled: true };
  return { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true };
}

export function providerConfiguration(keys: ServerKeys, lifetimes: TokenLifetimes, resources: ResourceRegistry, extra: ProviderFeatures = {}): Record<string, unknown> {
  const accessTokenTTL = (_ctx: unknown, token: TokenLike) => token.resourceServer?.accessTokenTTL ?? lifetimes.accessTokenTTL;
  const sameClient = async (_ctx: unknown, client: OidcClient, token: TokenLike) => token.clientId === client.clientId;
  const mtls = extra.mtls;
  return {
    clients: [...clientMetadata(keys), assertionClientMetadata(), ...(mtls === undefined ? [] : mtlsClientMetadata(mtls.options))],
    ...(mtls === undefined ? {} : { discovery: { mtls_endpoint_aliases: mtlsEndpointAliases(mtls.origin) }, clientAuthMethods: MTLS_CLIENT_AUTH_METHODS }),
    jwks: { keys: [keys.providerSigningJwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount,
    scopes: [...OIDC_SCOPES],
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      deviceFlow: { enabled: true, ...devicePages },
      revocation: { enabled: true, allowedPolicy: sameClient },
      introspection: { enabled: true, allowedPolicy: sameClient },
      resourceIndicators: resourceIndicatorsFeature(resources),
      dPoP: dpopFeature(extra),
      ...(mtls === undefined ? {} : { mTLS: mtlsFeature() }),
    },
    ttl: {
      AccessToken: accessTokenTTL,
      ClientCredentials: accessTokenTTL,
      RefreshToken: () => lifetimes.refreshTokenTTL,
      AuthorizationCode: MINUTE,
      DeviceCode: 10 * MINUTE,
      IdToken: 10 * MINUTE,
      Interaction: 10 * MINUTE,
      Session: 60 * MINUTE,
      Grant: 60 * MINUTE,
    },
    // Rotate on every use (the default rotates only public clients, or after 70% of the lifetime).
    rotateRefreshToken: true,
    // Any client allowed the refresh_token grant gets one; the default also demands `offline_access`,
    // which oidc-provider drops from authorization requests unless `prompt=consent` is sent.
    issueRefreshToken: async (_ctx: unknown, client: OidcClient) => client.grantTypeAllowed('refresh_token'),
    // Refresh tokens outlive the dev-login browser session they came from.
    expiresWithSession: async () => false,
    clientBasedCORS: () => true,
    async renderError(ctx: ErrorPageContext, out: Record<string, string>) {
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html><body><pre id="error">${escapeHtml(JSON.stringify(out))}</pre></body></html>`;
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
