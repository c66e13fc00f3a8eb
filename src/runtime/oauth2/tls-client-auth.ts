/**
 * RFC 8705 (OAuth with a TLS client certificate): what the plain credential's flow inference reads.
 * The https check of the endpoints is tls-endpoints.ts (lazy). The certificate itself is a part of its own (client-certificate.ts).
 */
import type { ClientAuthMethod } from './types.js';

/** The client authentication methods whose proof is the certificate itself. */
export const TLS_CLIENT_AUTH_METHODS: readonly ClientAuthMethod[] = ['tls_client_auth', 'self_signed_tls_client_auth'];

