/**
 * The oidc-provider configuration of the test authorization server. Every default function the
 * library would warn about is replaced, so a run prints nothing.
 */
import { randomBytes } from 'node:crypto';
import { findAccount } from './accounts.js';
import { clientMetadata, OIDC_SCOPES } from './clients.js';
import { devicePages } from './device-pages.js';
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

/** Optional behaviours a test server can switch on. */
export interface ProviderFeatures {
  /** RFC 9449 §8: every DPoP proof at the token endpoint must carry a nonce the server issued. */
  dpopNonces?: boolean;
}

/** `features.dPoP`: on (oidc-provider's default), with server nonces when asked. */
function dpopFeature(features: ProviderFeatures): Record<string, unknown> {
  if (features.dpopNonces !== true) return { enabled: true };
  return { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true };
}

export function providerConfiguration(keys: ServerKeys, lifetimes: TokenLifetimes, resources: ResourceRegistry, extra: ProviderFeatures = {}): Record<string, unknown> {
  const accessTokenTTL = (_ctx: unknown, token: TokenLike) => token.resourceServer?.accessTokenTTL ?? lifetimes.accessTokenTTL;
  const sameClient = async (_ctx: unknown, client: OidcClient, token: TokenLike) => token.clientId === client.clientId;
  return {
    clients: clientMetadata(keys),
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
