/**
 * RFC 8705: the endpoints a client with a TLS certificate POSTs to must be https. Checked with the
 * first token request of such a client (the endpoints come from the document, the credential or
 * discovery): loaded with import() then (lazy-modules.ts), so a client without a certificate
 * never downloads it.
 */
import { tokenError } from './lazy-module-imports.js';
import type { Endpoints } from './server-metadata.js';

/** Why a certificate cannot reach an endpoint (the construction of a JWT bearer credential says it shorter). */
function notTlsReason(name: string, url: URL): string {
  return `the ${name} ${url.origin}${url.pathname} is not https, so the client certificate (clientCertificate) cannot be presented to it`;
}

/**
 * A certificate is presented only in a TLS handshake: an endpoint the client would POST to over
 * plain http could never see it. Said before anything is sent, rather than as the server's
 * `invalid_client`.
 */
export function requireTlsEndpoints(endpoints: Endpoints, scheme: string): Endpoints {
  const posted: (keyof Endpoints)[] = ['tokenUrl', 'refreshUrl', 'deviceAuthorizationUrl', 'pushedAuthorizationRequestUrl'];
  for (const name of posted) {
    const url = endpoints[name];
    if (url !== undefined && url.protocol !== 'https:') throw tokenError(scheme, 'invalid_request', notTlsReason(name, url));
  }
  return endpoints;
}

