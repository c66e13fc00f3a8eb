/**
 * RFC 8707 resource indicators: the single API the authorization server issues tokens for. Every
 * grant defaults to it, so every access token is a JWT (RFC 9068, `typ: at+jwt`) with
 * `aud = API_AUDIENCE`, signed RS256 by the provider's key, verifiable offline by the resource server.
 */
import { API_AUDIENCE, RESOURCE_SCOPES } from './clients.js';
import type { OidcErrorClass, ResourceServerInfo } from './oidc-provider-types.js';

/** Lifetimes that tests may change while the server runs; read on every token issued. */
export interface TokenLifetimes {
  accessTokenTTL: number;
  refreshTokenTTL: number;
}

export interface ResourceRegistry {
  /** Info for a resource indicator; throws invalid_target for any other. */
  info(resource: string): ResourceServerInfo;
}

export function createResourceRegistry(lifetimes: TokenLifetimes, InvalidTarget: OidcErrorClass): ResourceRegistry {
  return {
    info(resource) {
      if (resource !== API_AUDIENCE) throw new InvalidTarget(`unknown resource indicator`);
      return {
        scope: RESOURCE_SCOPES.join(' '),
        audience: API_AUDIENCE,
        accessTokenFormat: 'jwt',
        accessTokenTTL: lifetimes.accessTokenTTL,
        jwt: { sign: { alg: 'RS256' } },
      };
    },
  };
}

/** The `features.resourceIndicators` block of the provider configuration. */
export function resourceIndicatorsFeature(registry: ResourceRegistry): Record<string, unknown> {
  return {
    enabled: true,
    // Without a default, a request without `resource` gets an opaque token bound to userinfo.
    defaultResource: async () => API_AUDIENCE,
    getResourceServerInfo: async (_ctx: unknown, resource: string) => registry.info(resource),
    // Refresh and code exchanges reuse the granted resource even when the request repeats no `resource`.
    useGrantedResource: async () => true,
  };
}
