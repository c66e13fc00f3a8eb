/**
 * The public shapes of OAuth 2.0 / OpenID Connect support: what an application passes as
 * credentials and client-wide options, and what it gets back.
 */
import type { TokenSource } from '../auth-strategy.js';
import type { FetchLike } from '../client-core.js';
import type { CryptoKey, JsonWebKey } from '../web-crypto.js';
import type { EndpointOverrides } from './endpoint-overrides.js';
import type { TokenStoreError } from './token-store-error.js';

/**
 * How the client proves its identity to the token endpoint (RFC 6749 §2.3, RFC 7523, OIDC Core §9,
 * RFC 8705 §2: the two `tls_` methods authenticate with the certificate of `clientCertificate`).
 */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'tls_client_auth' | 'self_signed_tls_client_auth' | 'none';

/** The flow names of an OpenAPI OAuth Flows Object (3.2 adds deviceAuthorization). */
export type OAuthFlowName = 'clientCredentials' | 'password' | 'authorizationCode' | 'implicit' | 'deviceAuthorization';

/** Signing algorithms for `private_key_jwt` client assertions and DPoP proofs (EdDSA: Ed25519 keys). */
export type ClientAssertionAlg = 'RS256' | 'ES256' | 'PS256' | 'EdDSA';

/**
 * How a confidential client authenticates; shared by every grant that talks to the token endpoint.
 * Endpoint overrides (tokenUrl, authorizationUrl, deviceAuthorizationUrl, issuer) replace the document's.
 */
export interface ClientIdentity extends EndpointOverrides {
  clientId: string;
  clientSecret?: string | undefined;
  /** Default: `client_secret_basic` with a secret, `private_key_jwt` with a privateKey, else `none`. */
  clientAuthMethod?: ClientAuthMethod | undefined;
  /**
   * How client_secret_basic puts id and secret into the Basic value. Default `form`: each
   * form-urlencoded first, as RFC 6749 §2.3.1 requires. `raw`: as given, for servers that do not
   * decode (the id must then have no `:`).
   */
  clientSecretEncoding?: 'form' | 'raw' | undefined;
  /** For private_key_jwt: a CryptoKey, a JWK, or a PKCS#8 PEM string. */
  privateKey?: CryptoKey | JsonWebKey | string | undefined;
  /** Default: from the key (RSA → RS256, EC P-256 → ES256, RSA-PSS → PS256, Ed25519 → EdDSA). */
  privateKeyAlg?: ClientAssertionAlg | undefined;
  /** `kid` header of the client assertion; default: the JWK's kid. */
  privateKeyId?: string | undefined;
  /**
   * DPoP (RFC 9449): bind tokens to a key this client holds. `true`: a P-256 key pair made with
   * WebCrypto for this client (the private key cannot be exported). Or the application's own key.
   */
  dpop?: boolean | DpopKey | undefined;
  /** RFC 8707 resource indicators: absolute URIs of the APIs the tokens are for; sent on every token request. */
  resource?: string | readonly string[] | undefined;
  /**
   * RFC 8705: a `fetch` whose connections present the client's TLS certificate (configured as for a
   * `mutualTLS` scheme). Token, refresh, device and pushed authorization requests go through it, to
   * the metadata's `mtls_endpoint_aliases` when it has them, and so do the API calls, so tokens bound
   * to the certificate (`cnf.x5t#S256`) are accepted. Required by `tls_client_auth` and
   * `self_signed_tls_client_auth`; with another method it only binds the tokens.
   */
  clientCertificate?: ClientCertificate | undefined;
}

/** A TLS-configured fetch, as a `mutualTLS` credential takes it: the certificate and key live in it. */
export interface ClientCertificate {
  fetch: FetchLike;
}

/** The application's DPoP key; its public half goes into every proof. */
export interface DpopKey {
  /** A CryptoKey, a private JWK, or a PKCS#8 PEM string. */
  privateKey: CryptoKey | JsonWebKey | string;
  /** The public key as a JWK; optional when privateKey is a JWK (its public members are used). */
  publicJwk?: JsonWebKey | undefined;
  /** Default: ES256 for EC P-256 keys, PS256 for RSA keys, EdDSA for Ed25519 (OKP) keys. */
  alg?: ClientAssertionAlg | undefined;
}

export interface ClientCredentialsGrant extends ClientIdentity {
  flow?: 'clientCredentials' | undefined;
  /** Requested instead of the scopes each operation lists. */
  scopes?: readonly string[] | undefined;
  /** Extra token request fields (audience, resource…). */
  tokenParams?: Record<string, string> | undefined;
}

export interface PasswordGrant extends ClientIdentity {
  flow?: 'password' | undefined;
  username: string;
  password: string;
  scopes?: readonly string[] | undefined;
  tokenParams?: Record<string, string> | undefined;
}

/**
 * A user signed in through the authorization code flow (with PKCE): either run it with the client's
 * `authorization(scheme)` helpers, or pass tokens obtained earlier (e.g. restored from storage).
 */
export interface AuthorizationCodeGrant extends ClientIdentity {
  flow?: 'authorizationCode' | undefined;
  refreshToken?: string | undefined;
  accessToken?: string | undefined;
  /** When accessToken expires, epoch ms. */
  expiresAt?: number | undefined;
  /** Default redirect_uri for authorizationUrl / exchangeCode. */
  redirectUri?: string | undefined;
  /**
   * Pushed authorization requests (RFC 9126). Default: used when the server metadata names a
   * `pushed_authorization_request_endpoint`; `true` requires it, `false` never pushes.
   */
  par?: boolean | undefined;
}

/** A token the application obtained itself (the implicit flow, or any flow run elsewhere). */
export interface ImplicitGrant {
  flow?: 'implicit' | undefined;
  accessToken: TokenSource;
}

export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string | undefined;
  /** Seconds the code stays valid. */
  expiresIn: number;
}

export interface DeviceAuthorizationGrant extends ClientIdentity {
  flow?: 'deviceAuthorization' | undefined;
  scopes?: readonly string[] | undefined;
  /** Show the user code and where to enter it; the token request waits for the user. */
  onUserCode: (prompt: DeviceCodePrompt) => void | Promise<void>;
  tokenParams?: Record<string, string> | undefined;
}

export type OAuth2Credentials = ClientCredentialsGrant | PasswordGrant | AuthorizationCodeGrant | ImplicitGrant | DeviceAuthorizationGrant;
export type OpenIdConnectCredentials = ClientCredentialsGrant | PasswordGrant | AuthorizationCodeGrant;

/** What a token endpoint issued. Holds secrets: persist it only somewhere safe. */
export interface TokenSet {
  accessToken: string;
  tokenType: string;
  /** Epoch ms; absent when the server gave no expires_in (the token is then kept until a 401). */
  expiresAt?: number | undefined;
  /** Epoch ms when it was issued; scales the refresh-ahead margin. */
  issuedAt?: number | undefined;
  refreshToken?: string | undefined;
  scope?: string | undefined;
  idToken?: string | undefined;
  /**
   * True when the client asked for a DPoP-bound token and the server issued a Bearer token
   * instead: it is sent as Bearer, which anyone who steals it can use too.
   */
  dpopRefused?: boolean | undefined;
}

/**
 * Where tokens live; share one between processes to share tokens. Keys are opaque strings (one per
 * client id, scheme and scope set) that never contain a secret. A stored set whose accessToken is
 * '' holds only a refresh token. Share a store only between clients acting for the same user: keys
 * do not name the user.
 */
export interface TokenStore {
  get(key: string): Promise<TokenSet | undefined>;
  set(key: string, tokens: TokenSet): Promise<void>;
  /**
   * Deletes the entry. With `expected`, only while it still holds those tokens (same access and
   * refresh token), so clean-up never removes a set a concurrent renewal just wrote.
   */
  delete(key: string, expected?: TokenSet): Promise<void>;
  /** With leases, one holder at a time renews a key's tokens, across every process sharing the store. */
  leases?: TokenLeases | undefined;
}

/**
 * Short-lived locks per key (owner token + TTL). A holder that dies blocks others for at most the
 * TTL; a live one extends its lease while it works.
 */
export interface TokenLeases {
  /** How long a lease lasts unless extended, ms. */
  readonly ttlMs: number;
  /** How long a caller waits for another holder's result before giving up, ms. */
  readonly waitTimeoutMs: number;
  /** Takes the lease unless someone holds it: true when `owner` now holds it. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Pushes the expiry of a lease `owner` still holds; false when it was lost. */
  extend?: ((key: string, owner: string, ttlMs: number) => Promise<boolean>) | undefined;
  /** Ends the lease, only if `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
}

/** Client-wide options for the schemes whose tokens the client obtains itself. */
export interface AuthEnvironment {
  /** Relative token, authorization and discovery URLs resolve against it. */
  baseUrl: string;
  /** Used for token and discovery requests too; default: the global fetch, looked up per call. */
  fetch?: FetchLike | undefined;
  /** Default: in memory, each scheme's tokens in its strategy (one client, one process). */
  tokenStore?: TokenStore | undefined;
  /** Called with every new TokenSet (after it is stored). */
  onTokens?: ((event: { scheme: string; tokens: TokenSet }) => void | Promise<void>) | undefined;
  /**
   * Told when the token store fails (once per outage; calls go on with this process's tokens) or
   * holds an unreadable entry (treated as missing). Default: a console warning.
   */
  onStoreError?: ((error: TokenStoreError) => void) | undefined;
  /** Clock, epoch ms. */
  now?: (() => number) | undefined;
  /** Waits between retries and device-flow polls; default setTimeout. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /**
   * Default false: token, discovery and authorization endpoints must be https, except loopback
   * hosts (127.0.0.0/8, ::1, localhost).
   */
  allowInsecureHttp?: boolean | undefined;
  /**
   * Default 30 000: how long one token, discovery, metadata or device request may take in all,
   * retries and their waits included; then it fails with TokenError code `timeout`.
   */
  tokenTimeoutMs?: number | undefined;
  /** Default 1 MiB: the largest token, device or metadata answer read. */
  tokenResponseMaxBytes?: number | undefined;
}

export interface AuthorizationUrlOptions {
  /** Default: the grant's redirectUri. */
  redirectUri?: string | undefined;
  scopes?: readonly string[] | undefined;
  /** Default: a random value. */
  state?: string | undefined;
  /** More authorization request parameters (nonce, prompt, audience…); cannot replace the PKCE ones. */
  extraParams?: Record<string, string> | undefined;
}

export interface AuthorizationRequest {
  /** Send the user's browser here. */
  url: string;
  /** Keep both until the redirect comes back: exchangeCode needs them. */
  state: string;
  codeVerifier: string;
}

export interface CodeExchange {
  code: string;
  /** Must equal the one sent in authorizationUrl; default: the grant's redirectUri. */
  redirectUri?: string | undefined;
  codeVerifier: string;
  /** The state the redirect carried back, and the one authorizationUrl returned: compared when both given. */
  state?: string | undefined;
  expectedState?: string | undefined;
}

/** The authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636) for one scheme. */
export interface AuthorizationCodeFlow {
  authorizationUrl(options?: AuthorizationUrlOptions): Promise<AuthorizationRequest>;
  /** Redeems the code; the tokens are stored and used for later requests. */
  exchangeCode(exchange: CodeExchange): Promise<TokenSet>;
}
