/**
 * The parts of an OAuth 2.0 strategy every grant is made of, whether from a plain credential
 * (create-oauth2-strategy.ts, every flow): the
 * authorization-server transport, DPoP, the client certificate, the token-endpoint client and the
 * strategy itself. Each part checks its options when the client is made.
 */
import type { FetchLike } from '../client-core.js';
import { clientAuthenticator } from './client-auth.js';
import { certificateHttp, clientCertificateFetch } from './client-certificate.js';
import { dpopProverFor, type DpopHandle } from './dpop-option.js';
import { grantResources } from './grant-options.js';
import { AuthorizationCodeAuth } from './authorization-code-auth.js';
import { OAuth2Auth, type OAuth2AuthOptions } from './oauth2-auth.js';
import type { OAuthShared } from './oauth-environment.js';
import type { OAuthHttp } from './oauth-http.js';
import { credentialSecrets } from './secret-sources.js';
import type { Endpoints } from './server-metadata.js';
import type { OAuthClient } from './token-endpoint.js';
import type { TokenManager } from './token-manager.js';
import type { AuthorizationCodeFlow, ClientIdentity } from './types.js';

/** How one scheme talks to its authorization server. */
export interface GrantParts {
  /** The shared settings as they are (fetch, clock, sleep, time budget, size limit), plus this scheme's own: for metadata. */
  http: OAuthHttp;
  /** For what is POSTed (token requests): through the certificate's fetch when there is one. */
  posting: OAuthHttp;
  dpop: DpopHandle | undefined;
  /** RFC 8705: the credential's certificate-presenting fetch, for the API calls too (bound tokens). */
  certificateFetch: FetchLike | undefined;
  tokenParams: Readonly<Record<string, string>>;
}

/** The transport parts of `grant` (its dpop and clientCertificate checked now). `tokenParams` was checked with the other options. */
export function grantParts(grant: ClientIdentity, scheme: string, shared: OAuthShared, tokenParams: Record<string, string> | undefined): GrantParts {
  const http: OAuthHttp = { ...shared, scheme, secrets: credentialSecrets(grant) };
  const dpop = dpopProverFor(grant, scheme);
  const frozen = Object.freeze({ ...tokenParams });
  // RFC 8705: metadata comes through the client's fetch; what is POSTed (to the metadata's mTLS
  // aliases) through the certificate's, and the API calls too, so a certificate-bound token is
  // presented over a connection that proves its possession.
  const certificateFetch = clientCertificateFetch(grant, scheme);
  return { http, posting: certificateFetch ? certificateHttp(http, certificateFetch) : http, dpop, certificateFetch, tokenParams: frozen };
}

/** The token-endpoint client of a grant that authenticates as a client (its identity and resource indicators checked now). */
export function grantClient(parts: GrantParts, endpoints: () => Promise<Endpoints>, grant: ClientIdentity, scheme: string, where: string): OAuthClient {
  return { http: parts.posting, client: clientAuthenticator(grant, scheme), endpoints, tokenParams: parts.tokenParams, resources: grantResources(grant, where), dpop: parts.dpop };
}

/** What a grant gives its strategy; the authorization code flow, its sign-in helpers too (made with the strategy's tokens). */
export type GrantOptions = Pick<OAuth2AuthOptions, 'flow' | 'clientId' | 'source' | 'seed'> & { authorizationCode?: ((tokens: TokenManager) => AuthorizationCodeFlow) | undefined };

/** The strategy: the grant's own parts, the client's shared token store and clock. The caller's `scopes` replace each operation's own. */
export function grantStrategy(scheme: string, shared: OAuthShared, parts: GrantParts, grant: GrantOptions, scopes: readonly string[] | undefined): OAuth2Auth {
  const { authorizationCode, ...own } = grant;
  const options: OAuth2AuthOptions = { ...own, store: shared.store, onTokens: shared.onTokens, now: shared.now, scopes: scopes && Object.freeze([...scopes]), dpop: parts.dpop, transport: parts.certificateFetch };
  return authorizationCode ? new AuthorizationCodeAuth(scheme, options, authorizationCode) : new OAuth2Auth(scheme, options);
}
