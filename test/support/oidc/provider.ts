/**
 * A real OAuth 2.0 / OpenID Connect authorization server for tests: oidc-provider 9.13.3 running
 * in-process on 127.0.0.1 (port chosen by the OS), configured in provider-config.ts.
 *
 * Grants: client_credentials, password (custom, password-grant.ts), authorization_code + PKCE,
 * refresh_token (rotated on every use), device_code (RFC 8628). Every access token is an RS256 JWT
 * (`typ: at+jwt`) for `API_AUDIENCE`, whether or not the request names `resource`.
 *
 *   const auth = await startAuthServer({ accessTokenTTL: 2 });
 *   auth.tokenUrl; auth.clients.basic.clientSecret; auth.tokenRequests; await auth.stop();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { USERS } from './accounts.js';
import { API_AUDIENCE, CLIENTS, RESOURCE_SCOPES } from './clients.js';
import { createDevicePolling } from './device-polling.js';
import { generateServerKeys, type ClientKeyAlg, type ClientSigningKey } from './keys.js';
import { constructProvider, loadOidcProvider } from './load-provider.js';
import { ASSERTION_CLIENT, createJwtBearerGrant, JWT_BEARER_GRANT, JWT_BEARER_GRANT_PARAMS } from './jwt-bearer-grant.js';
import { createPasswordGrant, PASSWORD_GRANT, PASSWORD_GRANT_PARAMS } from './password-grant.js';
import { MTLS_CLIENTS, type MtlsOptions } from './mtls-feature.js';
import { strictClientAuth } from './strict-client-auth.js';
import { providerConfiguration } from './provider-config.js';
import { createRequestLog, DISCOVERY_PATH, OAUTH_METADATA_PATH, type DeviceAuthorizationRecord, type TokenRequestRecord } from './request-log.js';
import { createResourceRegistry, type TokenLifetimes } from './resource-indicators.js';
import { approveDeviceCode, authorizeAtUrl, authorizeWithCode, type AuthorizationResult, type AuthorizeOptions, type DeviceApprovalOptions } from './user-flows.js';

export { API_AUDIENCE, ASSERTION_CLIENT, CLIENTS, MTLS_CLIENTS, RESOURCE_SCOPES, USERS };
export type { MtlsOptions };
export type { AuthorizationResult, AuthorizeOptions, DeviceApprovalOptions, TokenRequestRecord, DeviceAuthorizationRecord };

export interface AuthServerOptions {
  /** Lifetime of access tokens in seconds; default 6. Change later with setAccessTokenTTL(). */
  accessTokenTTL?: number;
  /** Lifetime of refresh tokens in seconds; default 3600. */
  refreshTokenTTL?: number;
  /** Device flow `interval` in seconds, added to the device authorization response and enforced; default 1. */
  deviceInterval?: number;
  /**
   * Refuse a client secret sent by the transport the client did not register (Basic vs form);
   * default true. oidc-provider itself accepts either.
   */
  strictClientAuth?: boolean;
  /** Seconds a slow_down adds to a device code's interval; default 5 (RFC 8628 §3.5). */
  slowDownIncrement?: number;
  /** DPoP proofs at the token endpoint must carry a server nonce (`use_dpop_nonce` first); default false. */
  dpopNonces?: boolean;
  /**
   * RFC 8705: also listen on https (asking for client certificates), publish that listener's
   * endpoints as `mtls_endpoint_aliases`, and register MTLS_CLIENTS (see mtls-feature.ts).
   */
  mtls?: MtlsOptions;
}

export interface AuthServer {
  /** `http://127.0.0.1:<port>`, no trailing slash; the `iss` of every token. */
  issuer: string;
  /** `<issuer>/.well-known/openid-configuration`. */
  discoveryUrl: string;
  /** `<issuer>/.well-known/oauth-authorization-server` (RFC 8414): same document, counted separately. */
  oauthMetadataUrl: string;
  authorizationUrl: string;
  tokenUrl: string;
  deviceAuthorizationUrl: string;
  /** Where the user enters a device user code (`verification_uri`). */
  deviceVerificationUrl: string;
  jwksUri: string;
  revocationUrl: string;
  /** `aud` of every access token. */
  audience: string;
  clients: typeof CLIENTS;
  /** Private keys of the private_key_jwt client `clients.jwt`. */
  clientKeys: Readonly<Record<ClientKeyAlg, ClientSigningKey>>;
  users: typeof USERS;
  /** Every POST /token, in arrival order (live array). */
  readonly tokenRequests: readonly TokenRequestRecord[];
  readonly deviceAuthorizationRequests: readonly DeviceAuthorizationRecord[];
  /** How many metadata documents were fetched (either well-known path). */
  readonly discoveryRequests: number;
  readonly discoveryPaths: readonly string[];
  /** Empties tokenRequests, deviceAuthorizationRequests and the discovery count. */
  resetCounters(): void;
  /** Applies to tokens issued from now on. */
  setAccessTokenTTL(seconds: number): void;
  /** The next `count` authorization_pending device polls get slow_down instead, however well timed. */
  slowDownNext(count?: number): void;
  /** Deletes one refresh token; its next use gets invalid_grant. False if it was not found. */
  revokeRefreshToken(refreshToken: string): Promise<boolean>;
  /** Revokes every token of the grant a refresh token belongs to (as a user revoking consent would). */
  revokeGrantOf(refreshToken: string): Promise<boolean>;
  /** Scripts login + consent for an authorization request and returns the code. */
  authorizeWithCode(options: AuthorizeOptions): Promise<AuthorizationResult>;
  /** The same for a whole authorization URL, as the client built it. */
  authorizeAtUrl(url: string, login?: string): Promise<AuthorizationResult>;
  /** Every POST to the pushed authorization request endpoint (RFC 9126), in order. */
  readonly pushedAuthorizationRequests: readonly TokenRequestRecord[];
  /** `<issuer>/request`. */
  pushedAuthorizationRequestUrl: string;
  /** Scripts the user's side of the device flow for a user_code. */
  approveDeviceCode(userCode: string, options?: DeviceApprovalOptions): Promise<void>;
  /** With `mtls`: `https://127.0.0.1:<port>` of the listener the mtls_endpoint_aliases point at. */
  mtlsOrigin: string | undefined;
  stop(): Promise<void>;
}

async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

async function close(server: Server | undefined): Promise<void> {
  if (server === undefined || !server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startAuthServer(options: AuthServerOptions = {}): Promise<AuthServer> {
  const [module, keys] = await Promise.all([loadOidcProvider(), generateServerKeys()]);
  const lifetimes: TokenLifetimes = { accessTokenTTL: options.accessTokenTTL ?? 6, refreshTokenTTL: options.refreshTokenTTL ?? 3600 };

  // The issuer must contain the port, which is known only after listening: listen first, then build the provider.
  let handle: Handler = (_req, res) => res.writeHead(503).end();
  const http = createServer((req, res) => handle(req, res));
  const issuer = `http://127.0.0.1:${await listenOnLoopback(http)}`;
  const tls = options.mtls;
  const https =
    tls === undefined ? undefined : createHttpsServer({ ...tls.server, ca: tls.ca, requestCert: true, rejectUnauthorized: false }, (req, res) => handle(req, res));
  const mtlsOrigin = https === undefined ? undefined : `https://127.0.0.1:${await listenOnLoopback(https)}`;

  const resources = createResourceRegistry(lifetimes, module.errors.InvalidTarget);
  const provider = constructProvider(module, issuer, providerConfiguration(keys, lifetimes, resources, { dpopNonces: options.dpopNonces ?? false, ...(tls === undefined ? {} : { mtls: { options: tls, origin: mtlsOrigin! } }) }));
  provider.registerGrantType(PASSWORD_GRANT, createPasswordGrant(provider, module.errors, resources), PASSWORD_GRANT_PARAMS);
  const assertionSigners = Object.values(keys.client).map((key) => key.publicJwk);
  provider.registerGrantType(JWT_BEARER_GRANT, await createJwtBearerGrant(provider, module.errors, resources, assertionSigners, `${issuer}/token`), JWT_BEARER_GRANT_PARAMS);
  const { log, middleware, noteError } = createRequestLog();
  provider.use(middleware);
  provider.on('grant.error', noteError);
  provider.on('server_error', noteError);
  // Registered after the log, so it runs inside it and the log records the rewritten answers.
  const polling = createDevicePolling({ interval: options.deviceInterval ?? 1, slowDownIncrement: options.slowDownIncrement ?? 5 });
  provider.use(polling.middleware);
  if (options.strictClientAuth ?? true) provider.use(strictClientAuth);
  handle = provider.callback();

  const authorizationUrl = `${issuer}/auth`;
  const deviceVerificationUrl = `${issuer}/device`;

  return {
    issuer,
    discoveryUrl: `${issuer}${DISCOVERY_PATH}`,
    oauthMetadataUrl: `${issuer}${OAUTH_METADATA_PATH}`,
    authorizationUrl,
    tokenUrl: `${issuer}/token`,
    deviceAuthorizationUrl: `${issuer}/device/auth`,
    deviceVerificationUrl,
    jwksUri: `${issuer}/jwks`,
    revocationUrl: `${issuer}/token/revocation`,
    audience: API_AUDIENCE,
    clients: CLIENTS,
    clientKeys: keys.client,
    users: USERS,
    get tokenRequests() {
      return log.tokenRequests;
    },
    get deviceAuthorizationRequests() {
      return log.deviceAuthorizationRequests;
    },
    get discoveryRequests() {
      return log.discoveryPaths.length;
    },
    get discoveryPaths() {
      return log.discoveryPaths;
    },
    resetCounters() {
      log.tokenRequests.length = 0;
      log.deviceAuthorizationRequests.length = 0;
      log.pushedAuthorizationRequests.length = 0;
      log.discoveryPaths.length = 0;
    },
    setAccessTokenTTL(seconds) {
      lifetimes.accessTokenTTL = seconds;
    },
    slowDownNext: (count) => polling.slowDownNext(count),
    async revokeRefreshToken(refreshToken) {
      const found = await provider.RefreshToken.find(refreshToken, { ignoreExpiration: true });
      await found?.destroy();
      return found !== undefined;
    },
    async revokeGrantOf(refreshToken) {
      const found = await provider.RefreshToken.find(refreshToken, { ignoreExpiration: true });
      const grantId = found?.grantId;
      if (grantId === undefined) return false;
      const grant = await provider.Grant.find(grantId, { ignoreExpiration: true });
      await Promise.all([provider.RefreshToken.revokeByGrantId(grantId), provider.AccessToken.revokeByGrantId(grantId), grant?.destroy()]);
      return true;
    },
    authorizeWithCode: (authorize) => authorizeWithCode(issuer, authorizationUrl, authorize),
    authorizeAtUrl: (url, login) => authorizeAtUrl(issuer, url, login),
    get pushedAuthorizationRequests() {
      return log.pushedAuthorizationRequests;
    },
    pushedAuthorizationRequestUrl: `${issuer}/request`,
    approveDeviceCode: (userCode, approval) => approveDeviceCode(deviceVerificationUrl, userCode, approval),
    mtlsOrigin,
    async stop() {
      await Promise.all([close(http), close(https)]);
    },
  };
}
