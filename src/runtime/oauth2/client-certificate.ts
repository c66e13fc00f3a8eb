/**
 * RFC 8705: OAuth with a TLS client certificate, as built parts of `clientCredentials()`. The
 * certificate lives in a TLS-configured `fetch` (as for a `mutualTLS` scheme),
 * `clientCertificate({ fetch })`. With one:
 * - requests to the authorization server's POST endpoints (token, refresh, device, pushed
 *   authorization) go through it, to the `mtls_endpoint_aliases` of the metadata when it names
 *   them (§5: a server may serve certificate-authenticated requests on other hosts), and must be
 *   https (tls-endpoints.ts, loaded with the first token request);
 * - the API calls go through it too, so a token bound to the certificate (`cnf.x5t#S256`, §3) is
 *   presented over a connection that proves its possession;
 * - `tlsClientAuth()` / `selfSignedTlsClientAuth()` (§2) authenticate the client with it alone:
 *   only `client_id` goes into the form.
 * The plain credential's `clientCertificate: { fetch }` and TLS `clientAuthMethod`s become these.
 */
import type { FetchLike } from '../client-core.js';
import { requireTlsFetch } from '../mtls/tls-fetch.js';
import type { ClientAuthenticator } from './client-secret.js';
import { loadTlsEndpoints } from './lazy-modules.js';
import type { OAuthHttp } from './oauth-http.js';
import { OAUTH_PART, type OAuthPart, type PartHandOver } from './oauth-part.js';
import { own, schemeWhere } from './option-checks.js';
import type { Endpoints } from './server-metadata.js';
import { unloaded } from './token-error.js';
import type { ClientCertificate } from './types.js';

/** `clientCertificate({ fetch })`: a fetch whose connections present the client's TLS certificate (Node: an undici Agent as dispatcher; Deno: Deno.createHttpClient). */
export function clientCertificate(options: ClientCertificate): OAuthPart<'clientCertificate', PartHandOver> {
  return {
    [OAUTH_PART]: 'clientCertificate',
    make(where, scheme) {
      const certificateFetch = requireTlsFetch(options, `${where}clientCertificate`);
      // The token requests go through it (to endpoints checked to be https), and the API calls too.
      return (oauth, strategy) => {
        oauth.http = certificateHttp(oauth.http, certificateFetch);
        oauth.endpoints = certificateEndpoints(oauth.endpoints, scheme);
        strategy.transport = certificateFetch;
      };
    },
  };
}

/** The certificate-presenting fetch of a plain credential's `clientCertificate`; undefined without one. */
export function clientCertificateFetch(grant: object, scheme: string): FetchLike | undefined {
  const option = own(grant, 'clientCertificate');
  return option === undefined ? undefined : requireTlsFetch(option, `${schemeWhere(scheme)}clientCertificate`);
}

/** The endpoints `known` gives, checked (lazily) to be reachable over TLS (RFC 8705). */
export function certificateEndpoints(known: () => Promise<Endpoints>, scheme: string): () => Promise<Endpoints> {
  return async () => {
    const endpoints = await known();
    return (await loadTlsEndpoints().catch(unloaded(scheme, 'the mTLS endpoints (RFC 8705)'))).requireTlsEndpoints(endpoints, scheme);
  };
}

/** The same authorization-server client, sending through the certificate fetch. */
export function certificateHttp(http: OAuthHttp, certificateFetch: FetchLike): OAuthHttp {
  return { ...http, fetch: () => certificateFetch };
}

function tlsMethod(name: string): OAuthPart<'clientAuth', ClientAuthenticator> {
  return {
    [OAUTH_PART]: 'clientAuth',
    make(where, _scheme, given) {
      if (given['clientCertificate'] === undefined) throw new TypeError(`${where}clientAuth ${name}() needs clientCertificate: clientCertificate({ fetch })`);
      const clientId = given['clientId'] as string;
      return { clientId, confidential: true, authenticate: (form) => void form.set('client_id', clientId) };
    },
  };
}

/** `tls_client_auth` (RFC 8705 §2.1): the client's CA-issued certificate authenticates it; pass `clientCertificate` too. */
export const tlsClientAuth = (): OAuthPart<'clientAuth', ClientAuthenticator> => tlsMethod('tlsClientAuth');

/** `self_signed_tls_client_auth` (RFC 8705 §2.2): a self-signed certificate registered with the server authenticates the client; pass `clientCertificate` too. */
export const selfSignedTlsClientAuth = (): OAuthPart<'clientAuth', ClientAuthenticator> => tlsMethod('selfSignedTlsClientAuth');
