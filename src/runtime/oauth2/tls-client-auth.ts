/**
 * RFC 8705 (OAuth with a TLS client certificate): what the plain credential's flow inference and
 * the lazy endpoint checks read. The certificate itself is a part of its own (client-certificate.ts).
 */
import type { ClientAuthMethod } from './types.js';

/** The client authentication methods whose proof is the certificate itself. */
export const TLS_CLIENT_AUTH_METHODS: readonly ClientAuthMethod[] = ['tls_client_auth', 'self_signed_tls_client_auth'];

/** Why a certificate cannot reach an endpoint: said the same whether found at construction or from metadata. */
export function notTlsReason(name: string, url: URL): string {
  return `the ${name} ${url.origin}${url.pathname} is not https, so the client certificate (clientCertificate) cannot be presented to it`;
}
