/**
 * RFC 8705: OAuth with a TLS client certificate. The certificate lives in a TLS-configured `fetch`
 * (as for a `mutualTLS` scheme), given as the credential's `clientCertificate`. With one:
 * - requests to the authorization server's POST endpoints (token, refresh, device, pushed
 *   authorization) go through it, to the `mtls_endpoint_aliases` of the metadata when it names
 *   them (§5: a server may serve certificate-authenticated requests on other hosts);
 * - the API calls go through it too, so a token bound to the certificate (`cnf.x5t#S256`, §3) is
 *   presented over a connection that proves its possession;
 * - `tls_client_auth` / `self_signed_tls_client_auth` (§2) authenticate the client with it alone:
 *   only `client_id` goes into the form.
 */
import type { FetchLike } from '../client-core.js';
import { requireTlsFetch } from '../mtls/tls-fetch.js';
import type { OAuthHttp } from './oauth-http.js';
import { own, schemeWhere } from './option-checks.js';
import type { ClientAuthMethod } from './types.js';

/** The client authentication methods whose proof is the certificate itself. */
export const TLS_CLIENT_AUTH_METHODS: readonly ClientAuthMethod[] = ['tls_client_auth', 'self_signed_tls_client_auth'];


/** The certificate-presenting fetch of a credential's `clientCertificate`; undefined without one. */
export function clientCertificateFetch(grant: object, scheme: string): FetchLike | undefined {
  const option = own(grant, 'clientCertificate');
  return option === undefined ? undefined : requireTlsFetch(option, `${schemeWhere(scheme)}clientCertificate`);
}

/** The same authorization-server client, sending through the certificate fetch. */
export function certificateHttp(http: OAuthHttp, certificateFetch: FetchLike): OAuthHttp {
  return { ...http, fetch: () => certificateFetch };
}

/** Why a certificate cannot reach an endpoint: said the same whether found at construction or from metadata. */
export function notTlsReason(name: string, url: URL): string {
  return `the ${name} ${url.origin}${url.pathname} is not https, so the client certificate (clientCertificate) cannot be presented to it`;
}
