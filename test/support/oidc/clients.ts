/**
 * The registered clients, scopes and audience of the test authorization server. Client ids and
 * secrets are fixed so tests (and generated-client configs) can name them; keys are per server.
 */
import type { ServerKeys } from './keys.js';

/** `aud` of every access token: the one resource server this authorization server knows. */
export const API_AUDIENCE = 'https://api.keyway.test';
/** Scopes of that resource server; they end up in the JWT's `scope` claim. */
export const RESOURCE_SCOPES = ['pets:read', 'pets:write'] as const;
/** OpenID Connect scopes the provider knows (`offline_access` is not needed for refresh tokens here). */
export const OIDC_SCOPES = ['openid', 'offline_access', 'profile', 'email'] as const;

const CONFIDENTIAL_REDIRECT_URI = 'https://app.keyway.test/callback';
/** Loopback redirect of the native public client; any port matches (RFC 8252 §7.3). */
const LOOPBACK_REDIRECT_URI = 'http://127.0.0.1/callback';
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export const CLIENTS = {
  /** Confidential, `Authorization: Basic`. Grants: client_credentials, password, authorization_code, refresh_token. */
  basic: {
    clientId: 'keyway-basic',
    clientSecret: 'basic-secret-4f1c9e',
    authMethod: 'client_secret_basic',
    redirectUri: CONFIDENTIAL_REDIRECT_URI,
  },
  /** Confidential, `client_secret` in the form body. Grants: client_credentials, password, refresh_token. */
  post: { clientId: 'keyway-post', clientSecret: 'post-secret-8b27d0', authMethod: 'client_secret_post' },
  /** Confidential, signed `client_assertion` (RS256, ES256 or EdDSA key from `server.clientKeys`). Grants: client_credentials, password, refresh_token. */
  jwt: { clientId: 'keyway-jwt', authMethod: 'private_key_jwt' },
  /** Public native app, PKCE (S256) required. Grants: authorization_code, refresh_token. */
  public: { clientId: 'keyway-public', authMethod: 'none', redirectUri: LOOPBACK_REDIRECT_URI },
  /** Public device (RFC 8628). Grants: device_code, refresh_token. */
  device: { clientId: 'keyway-device', authMethod: 'none' },
  /**
   * Confidential Basic client whose id and secret only work when each is form-urlencoded before
   * base64 (RFC 6749 §2.3.1): `:` in the id breaks a naive split, `+` decodes to a space and `%/`
   * is an invalid escape. Non-ASCII is impossible here: RFC 6749 Appendix A limits both to VSCHAR
   * (0x20-0x7E) and oidc-provider enforces it, so non-ASCII is exercised by the user's password.
   */
  odd: { clientId: 'keyway:odd client', clientSecret: 'p:ss w+rd%/&=~"', authMethod: 'client_secret_basic' },
  /**
   * FAPI 2.0-shaped: private_key_jwt (the keys of `jwt`), pushed authorization requests and
   * DPoP-bound tokens required. Grants: authorization_code (PKCE), refresh_token.
   */
  fapi: { clientId: 'keyway-fapi', authMethod: 'private_key_jwt', redirectUri: CONFIDENTIAL_REDIRECT_URI },
} as const;

export type ClientName = keyof typeof CLIENTS;

const NON_INTERACTIVE = { response_types: [], redirect_uris: [] };

/** Client metadata in oidc-provider's (snake_case, RFC 7591) form. */
export function clientMetadata(keys: ServerKeys): Record<string, unknown>[] {
  const { basic, post, jwt, odd, fapi } = CLIENTS;
  return [
    {
      client_id: basic.clientId,
      client_secret: basic.clientSecret,
      token_endpoint_auth_method: basic.authMethod,
      grant_types: ['client_credentials', 'password', 'authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [basic.redirectUri],
    },
    {
      client_id: post.clientId,
      client_secret: post.clientSecret,
      token_endpoint_auth_method: post.authMethod,
      grant_types: ['client_credentials', 'password', 'refresh_token'],
      ...NON_INTERACTIVE,
    },
    {
      client_id: jwt.clientId,
      token_endpoint_auth_method: jwt.authMethod,
      jwks: { keys: [keys.client.RS256.publicJwk, keys.client.ES256.publicJwk, keys.client.EdDSA.publicJwk] },
      grant_types: ['client_credentials', 'password', 'refresh_token'],
      ...NON_INTERACTIVE,
    },
    {
      client_id: CLIENTS.public.clientId,
      token_endpoint_auth_method: 'none',
      application_type: 'native',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [CLIENTS.public.redirectUri],
    },
    {
      client_id: CLIENTS.device.clientId,
      token_endpoint_auth_method: 'none',
      grant_types: [DEVICE_CODE_GRANT, 'refresh_token'],
      ...NON_INTERACTIVE,
    },
    {
      client_id: fapi.clientId,
      token_endpoint_auth_method: fapi.authMethod,
      jwks: { keys: [keys.client.RS256.publicJwk, keys.client.ES256.publicJwk] },
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [fapi.redirectUri],
      require_pushed_authorization_requests: true,
      dpop_bound_access_tokens: true,
    },
    {
      client_id: odd.clientId,
      client_secret: odd.clientSecret,
      token_endpoint_auth_method: odd.authMethod,
      grant_types: ['client_credentials'],
      ...NON_INTERACTIVE,
    },
  ];
}
