/**
 * RFC 8705 at the test authorization server: oidc-provider's `features.mTLS` (tls_client_auth,
 * self_signed_tls_client_auth, certificate-bound access tokens) reading the client certificate
 * from the TLS socket of a second, https listener that asks for one, and published as the
 * discovery document's `mtls_endpoint_aliases` (oidc-provider does not add them itself).
 *
 * The https listener requests a certificate but does not refuse connections without one (or with a
 * self-signed one): judging it is oidc-provider's job, so a missing certificate is its
 * `invalid_client`, not a failed handshake.
 */
import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { KoaContext } from './oidc-provider-types.js';
import { assertionClientMetadata } from './jwt-bearer-grant.js';

export interface MtlsOptions {
  /** PEM of the CA tls_client_auth certificates must chain to. */
  ca: string;
  /** Certificate and key of the https listener (for 127.0.0.1). */
  server: { cert: string; key: string };
  /** Subject DN registered for `keyway-mtls` (tls_client_auth), e.g. `CN=keyway-mtls-client`. */
  subjectDn: string;
  /** PEM of the self-signed certificate registered (JWKS `x5c`) for `keyway-mtls-self-signed`. */
  selfSignedCert: string;
}

/** The certificate-authenticated clients; all get certificate-bound tokens. Grant: client_credentials unless said. */
export const MTLS_CLIENTS = {
  tls: { clientId: 'keyway-mtls', authMethod: 'tls_client_auth' },
  selfSigned: { clientId: 'keyway-mtls-self-signed', authMethod: 'self_signed_tls_client_auth' },
  /** tls_client_auth for a web app: authorization_code (PAR allowed) and refresh_token, at `redirectUri`. */
  app: { clientId: 'keyway-mtls-app', authMethod: 'tls_client_auth', redirectUri: 'https://app.keyway.test/callback' },
  /** client_secret_basic, but its tokens are bound to whatever certificate it presents. */
  boundBasic: { clientId: 'keyway-mtls-basic', clientSecret: 'bound-basic-secret-7d31', authMethod: 'client_secret_basic' },
  /** A public client of the JWT bearer grant (jwt-bearer-grant.ts) whose tokens are bound to the certificate it presents. */
  assertion: { clientId: 'keyway-mtls-assertion', authMethod: 'none' },
  /**
   * tls_client_auth whose tokens must be DPoP-bound instead (oidc-provider allows one
   * proof-of-possession mechanism per token: no certificate binding for this one).
   */
  dpop: { clientId: 'keyway-mtls-dpop', authMethod: 'tls_client_auth' },
} as const;

/** The certificate the peer presented on this connection, if it is a TLS connection with one. */
export function peerCertificate(socket: unknown): X509Certificate | undefined {
  const tls = socket as Partial<TLSSocket>;
  if (typeof tls.getPeerCertificate !== 'function') return undefined;
  const raw = tls.getPeerCertificate().raw as Buffer | undefined;
  return raw === undefined || raw.length === 0 ? undefined : new X509Certificate(raw);
}

/** `features.mTLS`. */
export function mtlsFeature(): Record<string, unknown> {
  const certificateOf = (ctx: KoaContext) => peerCertificate(ctx.req.socket);
  return {
    enabled: true,
    certificateBoundAccessTokens: true,
    tlsClientAuth: true,
    selfSignedTlsClientAuth: true,
    // PEM: what oidc-provider's thumbprint helper and x5t#S256 binding take.
    getCertificate: (ctx: KoaContext) => certificateOf(ctx)?.toString(),
    // Verified against the listener's CA during the handshake (requestCert, rejectUnauthorized: false).
    certificateAuthorized: (ctx: KoaContext) => (ctx.req.socket as TLSSocket).authorized === true,
    certificateSubjectMatches: (ctx: KoaContext, property: string, expected: string) => property === 'tls_client_auth_subject_dn' && certificateOf(ctx)?.subject === expected,
  };
}

/** RFC 8705 §5: the endpoints served on the https listener, under the same paths. */
export function mtlsEndpointAliases(origin: string): Record<string, string> {
  return {
    token_endpoint: `${origin}/token`,
    revocation_endpoint: `${origin}/token/revocation`,
    introspection_endpoint: `${origin}/token/introspection`,
    device_authorization_endpoint: `${origin}/device/auth`,
    pushed_authorization_request_endpoint: `${origin}/request`,
  };
}

const MACHINE = { grant_types: ['client_credentials'], response_types: [], redirect_uris: [], tls_client_certificate_bound_access_tokens: true };

export function mtlsClientMetadata(options: MtlsOptions): Record<string, unknown>[] {
  const selfSigned = new X509Certificate(options.selfSignedCert);
  const publicJwk = selfSigned.publicKey.export({ format: 'jwk' });
  return [
    { client_id: MTLS_CLIENTS.tls.clientId, token_endpoint_auth_method: 'tls_client_auth', tls_client_auth_subject_dn: options.subjectDn, ...MACHINE },
    {
      client_id: MTLS_CLIENTS.selfSigned.clientId,
      token_endpoint_auth_method: 'self_signed_tls_client_auth',
      // The certificate itself is the registration: oidc-provider matches the x5c's SHA-256 thumbprint.
      jwks: { keys: [{ ...publicJwk, use: 'sig', x5c: [selfSigned.raw.toString('base64')] }] },
      ...MACHINE,
    },
    {
      client_id: MTLS_CLIENTS.app.clientId,
      token_endpoint_auth_method: 'tls_client_auth',
      tls_client_auth_subject_dn: options.subjectDn,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [MTLS_CLIENTS.app.redirectUri],
      tls_client_certificate_bound_access_tokens: true,
    },
    { client_id: MTLS_CLIENTS.boundBasic.clientId, client_secret: MTLS_CLIENTS.boundBasic.clientSecret, token_endpoint_auth_method: 'client_secret_basic', ...MACHINE },
    { ...assertionClientMetadata(), client_id: MTLS_CLIENTS.assertion.clientId, tls_client_certificate_bound_access_tokens: true },
    {
      client_id: MTLS_CLIENTS.dpop.clientId,
      token_endpoint_auth_method: 'tls_client_auth',
      tls_client_auth_subject_dn: options.subjectDn,
      ...MACHINE,
      tls_client_certificate_bound_access_tokens: false,
      dpop_bound_access_tokens: true,
    },
  ];
}
