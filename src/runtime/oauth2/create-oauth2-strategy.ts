/** Builds the strategy for an oauth2 or openIdConnect scheme from the credential the app passed. */
import type { AuthStrategy, SchemeSpec } from '../auth-strategy.js';
import { BearerAuth } from '../bearer-auth.js';
import { quoteScheme, requireAccessToken } from '../credential-checks.js';
import { loadOnce } from '../lazy-core-modules.js';
import { ClientAuthenticator } from './client-auth.js';
import { FLOW_ORDER, flowEndpoints, usableFlows, type EndpointOverrides } from './endpoint-overrides.js';
import { resolveEndpoint } from './endpoint-url.js';
import { dpopProverFor } from './dpop-option.js';
import { grantResources, seedTokens } from './grant-options.js';
import { grantRunnerFor, type ManagedFlow } from './grants.js';
import { inferFlow } from './infer-flow.js';
import type { JwtBearerCredentials } from './jwt-bearer.js';
import { jwtBearerIdentity, jwtBearerShape, serviceAccountTokenUri } from './jwt-bearer-credential.js';
import { lazyAuthorizationCode } from './lazy-authorization-code.js';
import { loadJwtBearer, loadMetadataEndpoints, loadTlsEndpoints } from './lazy-modules.js';
import { OAuth2Auth, type OAuth2Grant } from './oauth2-auth.js';
import { checkOptions, schemeWhere, type OptionKind } from './option-checks.js';
import type { OAuthShared } from './oauth-environment.js';
import type { OAuthHttp } from './oauth-http.js';
import { SecretSources } from './secret-sources.js';
import type { Endpoints } from './server-metadata.js';
import { certificateHttp, clientCertificateFetch, notTlsReason } from './tls-client-auth.js';
import type { OAuthClient } from './token-endpoint.js';
import { unloaded } from './token-error.js';
import type { GrantRunner } from './token-manager.js';
import type { ClientIdentity, OAuthFlowName } from './types.js';

type OAuthSchemeSpec = Extract<SchemeSpec, { type: 'oauth2' | 'openIdConnect' }>;

/** The options of a credential the construction reads, as OPTION_KINDS checked them. */
interface CredentialOptions extends EndpointOverrides {
  flow?: OAuthFlowName;
  scopes?: readonly string[];
  tokenParams?: Record<string, string>;
  redirectUri?: string;
  par?: boolean;
  refreshToken?: string;
  expiresAt?: number;
}

/**
 * What each option the construction reads must be, checked in one pass when the client is made
 * (the grants check the fields their flow requires, the authenticator the client's own, the JWT
 * bearer check its fields on the first token request). The endpoint overrides replace the document's.
 */
const OPTION_KINDS: Readonly<Record<keyof CredentialOptions, OptionKind>> = {
  tokenUrl: 'url',
  authorizationUrl: 'url',
  deviceAuthorizationUrl: 'url',
  issuer: 'url',
  flow: FLOW_ORDER,
  scopes: 'strings',
  tokenParams: 'map',
  redirectUri: 'string',
  par: 'boolean',
  refreshToken: 'string',
  expiresAt: 'time',
};

/**
 * The endpoints of one flow (overrides, then the spec), resolved now so a bad URL fails at
 * construction; with a discovery document (an issuer override, the scheme's metadata URL), what it
 * names fills in the rest on the first token request. `certificate`: the client presents a TLS
 * certificate, so it takes the metadata's mTLS endpoint aliases (RFC 8705 §5).
 */
function endpointSource(spec: OAuthSchemeSpec, flow: OAuthFlowName, overrides: EndpointOverrides, shared: OAuthShared, http: OAuthHttp, certificate: boolean): () => Promise<Endpoints> {
  const resolve = (raw: string, what: string) => resolveEndpoint(raw, what, http.scheme, shared);
  const fromSpec: Endpoints = {};
  for (const [name, raw] of Object.entries(flowEndpoints(spec.type === 'oauth2' ? spec.flows : {}, flow, overrides))) fromSpec[name as keyof Endpoints] = resolve(raw, name);
  const { issuer } = overrides;
  const metadataUrl = issuer !== undefined ? `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration` : spec.type === 'oauth2' ? spec.metadataUrl : spec.url;
  if (!metadataUrl) return () => Promise.resolve(fromSpec);
  const url = resolve(metadataUrl, issuer !== undefined ? 'issuer' : spec.type === 'oauth2' ? 'oauth2MetadataUrl' : 'openIdConnectUrl');
  const discovery = { documents: shared.metadata, http, url, fromSpec, overrides, certificate, allowInsecureHttp: shared.allowInsecureHttp };
  return async () => (await loadMetadataEndpoints()).discoveredEndpoints(discovery);
}

/** A source loaded with the first token request (once; a failed load is tried again by the next one). */
function lazySource(load: () => Promise<GrantRunner>): GrantRunner {
  const loaded = loadOnce(load);
  return { request: async (scopes, refused) => (await loaded()).request(scopes, refused), refresh: async (tokens) => (await loaded()).refresh(tokens) };
}

export function createOAuth2Strategy(scheme: string, spec: OAuthSchemeSpec, credential: unknown, shared: OAuthShared): AuthStrategy {
  const where = schemeWhere(scheme);
  // `{ serviceAccount }`, `{ jwtBearer }` or `{ assertion }`: the JWT bearer grant, whatever flows the scheme declares.
  // Its fields are checked with the first token request (jwt-bearer-check.ts, lazy).
  const what = `the credential for security scheme ${quoteScheme(scheme)}`;
  if (typeof credential !== 'object' || credential === null) throw new TypeError(`${what} must be an object (see its OAuth2 grant types)`);
  const jwt = jwtBearerShape(credential, scheme);
  const options: CredentialOptions = checkOptions(credential, OPTION_KINDS, where);
  const overrides = options;
  let flow: OAuth2Grant = 'jwtBearer';
  if (!jwt) {
    // OpenID Connect providers say which grants they support in discovery, not in the spec; an
    // issuer override makes discovery the source of endpoints for an oauth2 scheme too.
    const openId = new Set(FLOW_ORDER.slice(0, 4));
    let declared = openId;
    let usable = openId;
    if (spec.type === 'oauth2') {
      if (typeof spec.flows !== 'object' || spec.flows === null) throw new TypeError(`${where}oauth2 needs flows`);
      declared = new Set(FLOW_ORDER.filter((name) => spec.flows[name] !== undefined));
      usable = overrides.issuer !== undefined ? new Set([...openId, ...declared]) : usableFlows(spec.flows, overrides);
    }
    flow = inferFlow(credential, declared, what, usable);
    if (flow === 'implicit') return new BearerAuth(scheme, requireAccessToken(credential, scheme));
  }
  const grant = credential as ClientIdentity;
  // The shared settings as they are (fetch, clock, sleep, time budget, size limit), plus this scheme's own.
  const http: OAuthHttp = { ...shared, scheme, secrets: new SecretSources(grant) };
  const dpop = dpopProverFor(grant, scheme);
  const tokenParams = Object.freeze({ ...options.tokenParams });
  // RFC 8705: metadata comes through the client's fetch; what is POSTed (to the metadata's mTLS
  // aliases) through the certificate's, and the API calls too, so a certificate-bound token is
  // presented over a connection that proves its possession.
  const certificateFetch = clientCertificateFetch(grant, scheme);
  const certificate = !!certificateFetch;
  const posting = certificateFetch ? certificateHttp(http, certificateFetch) : http;
  // Resolved now, so a bad URL fails at construction; a JWT bearer credential reads them only
  // when it fixes no token endpoint itself, at its first token request.
  let found = jwt ? undefined : endpointSource(spec, flow as OAuthFlowName, overrides, shared, http, certificate);
  const endpoints = async (): Promise<Endpoints> => {
    const known = await (found ??= endpointSource(spec, 'clientCredentials', overrides, shared, http, certificate))();
    return certificate ? (await loadTlsEndpoints().catch(unloaded(scheme, 'the mTLS endpoints (RFC 8705)'))).requireTlsEndpoints(known, scheme) : known;
  };
  let oauth: OAuthClient | undefined;
  let source: GrantRunner;
  if (jwt) {
    // The token endpoint a JWT bearer credential fixes itself (its tokenUrl, a service account's token_uri).
    const fixed = overrides.tokenUrl ?? (jwt === 'serviceAccount' ? serviceAccountTokenUri(grant) : undefined);
    const fixedUrl = fixed === undefined ? undefined : resolveEndpoint(fixed, 'tokenUrl', scheme, shared);
    if (certificate && fixedUrl && fixedUrl.protocol !== 'https:') throw new TypeError(`${where}${notTlsReason('tokenUrl', fixedUrl)}`);
    // The signing and the token requests are loaded with the first token request.
    source = lazySource(async () => (await loadJwtBearer().catch(unloaded(scheme, 'the JWT bearer grant'))).jwtBearerRunner(credential as JwtBearerCredentials, scheme, { http: posting, endpoints, fixedUrl, tokenParams, dpop }));
  } else {
    oauth = { http: posting, client: new ClientAuthenticator(grant, scheme), endpoints, tokenParams, resources: grantResources(grant, where), dpop };
    source = grantRunnerFor(flow as ManagedFlow, oauth, grant, where);
  }
  const code = flow === 'authorizationCode';
  // The caller's `scopes` replace each operation's own.
  const { scopes } = options;
  return new OAuth2Auth(scheme, {
    flow,
    clientId: oauth?.client.clientId ?? jwtBearerIdentity(grant, jwt!),
    store: shared.store,
    onTokens: shared.onTokens,
    now: shared.now,
    source,
    seed: code ? seedTokens(grant, where, options.refreshToken, options.expiresAt) : undefined,
    scopes: scopes && Object.freeze([...scopes]),
    authorizationCode: code ? (tokens) => lazyAuthorizationCode(oauth!, tokens, options.redirectUri, spec.type === 'openIdConnect', options.par) : undefined,
    dpop,
    transport: certificateFetch,
  });
}
