/** Builds the strategy for an oauth2 or openIdConnect scheme from the credential the app passed. */
import type { AuthStrategy, SchemeSpec } from '../auth-strategy.js';
import { BearerAuth } from '../bearer-auth.js';
import { requireAccessToken } from '../credential-checks.js';
import { ClientAuthenticator } from './client-auth.js';
import { ENDPOINT_NAMES, endpointOverrides, flowEndpoints, usableFlows, type EndpointOverrides, type RawEndpoints } from './endpoint-overrides.js';
import { resolveEndpoint } from './endpoint-url.js';
import { dpopProverFor } from './dpop-option.js';
import { grantResources, grantScopes, grantTokenParams, seedTokens } from './grant-options.js';
import { grantRunnerFor, type ManagedFlow } from './grants.js';
import { inferFlow } from './infer-flow.js';
import type { JwtBearerCredentials } from './jwt-bearer.js';
import { jwtBearerIdentity, jwtBearerShape, serviceAccountTokenUri } from './jwt-bearer-credential.js';
import { lazyAuthorizationCode } from './lazy-authorization-code.js';
import { loadJwtBearer, loadMetadataEndpoints, loadTlsEndpoints } from './lazy-modules.js';
import { OAuth2Auth, type OAuth2Grant } from './oauth2-auth.js';
import { option, schemeWhere } from './option-checks.js';
import { httpFor, type OAuthShared } from './oauth-environment.js';
import type { OAuthHttp } from './oauth-http.js';
import { SecretSources } from './secret-sources.js';
import type { Endpoints } from './server-metadata.js';
import { certificateHttp, clientCertificateFetch, notTlsReason } from './tls-client-auth.js';
import type { OAuthClient } from './token-endpoint.js';
import { unloaded } from './token-error.js';
import type { GrantRunner } from './token-manager.js';
import type { ClientIdentity, OAuthFlowName } from './types.js';

type OAuthSchemeSpec = Extract<SchemeSpec, { type: 'oauth2' | 'openIdConnect' }>;

// OpenID Connect providers say which grants they support in discovery, not in the spec.
const OPENID_FLOWS: ReadonlySet<OAuthFlowName> = new Set(['clientCredentials', 'password', 'authorizationCode', 'deviceAuthorization']);

/** The flows the scheme declares (preferred when a credential's shape fits several), and those it can run. */
function flowsOf(spec: OAuthSchemeSpec, overrides: EndpointOverrides, scheme: string): { declared: ReadonlySet<OAuthFlowName>; usable: ReadonlySet<OAuthFlowName> } {
  if (spec.type === 'openIdConnect') return { declared: OPENID_FLOWS, usable: OPENID_FLOWS };
  if (typeof spec.flows !== 'object' || spec.flows === null) throw new TypeError(`${schemeWhere(scheme)}oauth2 needs flows`);
  const names: OAuthFlowName[] = ['clientCredentials', 'password', 'authorizationCode', 'implicit', 'deviceAuthorization'];
  const declared = new Set(names.filter((name) => spec.flows[name] !== undefined));
  // An issuer override makes discovery the source of endpoints, as for OpenID Connect.
  return { declared, usable: overrides.issuer !== undefined ? new Set([...OPENID_FLOWS, ...declared]) : usableFlows(spec.flows, overrides) };
}

/** The endpoints for one flow (overrides, then the spec), resolved now so a bad URL fails at construction. */
function knownEndpoints(raw: RawEndpoints, shared: OAuthShared, scheme: string): Endpoints {
  const known: Endpoints = {};
  for (const name of ENDPOINT_NAMES) {
    const value = raw[name];
    if (value !== undefined) known[name] = resolveEndpoint(value, shared.baseUrl, name, scheme, shared.allowInsecureHttp);
  }
  return known;
}

/** `certificate`: the client presents a TLS certificate, so it takes the metadata's mTLS endpoint aliases (RFC 8705 §5). */
function endpointSource(spec: OAuthSchemeSpec, flow: OAuthFlowName, overrides: EndpointOverrides, shared: OAuthShared, http: OAuthHttp, certificate = false): () => Promise<Endpoints> {
  const scheme = http.scheme;
  const fromSpec = knownEndpoints(spec.type === 'oauth2' ? flowEndpoints(spec.flows, flow, overrides) : flowEndpoints({}, flow, overrides), shared, scheme);
  const issuerUrl = overrides.issuer === undefined ? undefined : `${overrides.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const metadataUrl = issuerUrl ?? (spec.type === 'oauth2' ? spec.metadataUrl : spec.url);
  if (metadataUrl === undefined || metadataUrl === '') return () => Promise.resolve(fromSpec);
  const what = issuerUrl !== undefined ? 'issuer' : spec.type === 'oauth2' ? 'oauth2MetadataUrl' : 'openIdConnectUrl';
  const url = resolveEndpoint(metadataUrl, shared.baseUrl, what, scheme, shared.allowInsecureHttp);
  const discovery = { documents: shared.metadata, http, url, fromSpec, overrides, certificate, allowInsecureHttp: shared.allowInsecureHttp };
  return async () => (await loadMetadataEndpoints()).discoveredEndpoints(discovery);
}

export function createOAuth2Strategy(scheme: string, spec: OAuthSchemeSpec, credential: unknown, shared: OAuthShared): AuthStrategy {
  // `{ serviceAccount }`, `{ jwtBearer }` or `{ assertion }`: the JWT bearer grant, whatever flows the scheme declares.
  // Its fields are checked with the first token request (jwt-bearer-check.ts, lazy).
  const jwt = jwtBearerShape(credential, scheme);
  const overrides = typeof credential === 'object' && credential !== null ? endpointOverrides(credential, scheme) : {};
  let flow: OAuth2Grant = 'jwtBearer';
  if (jwt === undefined) {
    const { declared, usable } = flowsOf(spec, overrides, scheme);
    flow = inferFlow(credential, declared, scheme, usable);
    if (flow === 'implicit') return new BearerAuth(scheme, requireAccessToken(credential, scheme));
  }
  const grant = credential as ClientIdentity;
  const where = schemeWhere(scheme);
  const http = httpFor(shared, scheme, new SecretSources(grant));
  const dpop = dpopProverFor(grant, scheme);
  const tokenParams = grantTokenParams(grant, scheme);
  // RFC 8705: metadata comes through the client's fetch; what is POSTed (to the metadata's mTLS
  // aliases) through the certificate's, and the API calls too, so a certificate-bound token is
  // presented over a connection that proves its possession.
  const certificateFetch = clientCertificateFetch(grant, scheme);
  const certificate = certificateFetch !== undefined;
  // The token endpoint a JWT bearer credential fixes itself (its tokenUrl, a service account's token_uri).
  const fixed = jwt && (overrides.tokenUrl ?? (jwt === 'serviceAccount' ? serviceAccountTokenUri(grant) : undefined));
  const fixedUrl = fixed === undefined ? undefined : resolveEndpoint(fixed, shared.baseUrl, 'tokenUrl', scheme, shared.allowInsecureHttp);
  if (certificate && fixedUrl !== undefined && fixedUrl.protocol !== 'https:') throw new TypeError(`${where}${notTlsReason('tokenUrl', fixedUrl)}`);
  // Resolved now, so a bad URL fails at construction; a JWT bearer credential reads them only
  // when it fixes no token endpoint itself, at its first token request.
  let found = jwt === undefined ? endpointSource(spec, flow as OAuthFlowName, overrides, shared, http, certificate) : undefined;
  const endpoints = async (): Promise<Endpoints> => {
    const known = await (found ??= endpointSource(spec, 'clientCredentials', overrides, shared, http, certificate))();
    return certificate ? (await loadTlsEndpoints().catch(unloaded(scheme, 'the mTLS endpoints (RFC 8705)'))).requireTlsEndpoints(known, scheme) : known;
  };
  const posting = certificate ? certificateHttp(http, certificateFetch) : http;
  let oauth: OAuthClient | undefined;
  let source: GrantRunner;
  if (jwt === undefined) {
    oauth = { http: posting, client: new ClientAuthenticator(grant, scheme), endpoints, tokenParams, resources: grantResources(grant, scheme), dpop };
    source = grantRunnerFor(flow as ManagedFlow, oauth, grant);
  } else {
    // The signing and the token requests are loaded with the first token request.
    let runner: Promise<GrantRunner> | undefined;
    // A failed load (offline) is not kept: the next token request loads again.
    const forget = (error: unknown): never => {
      runner = undefined;
      throw error;
    };
    const load = () => (runner ??= loadJwtBearer().catch(unloaded(scheme, 'the JWT bearer grant')).then(({ jwtBearerRunner }) => jwtBearerRunner(credential as JwtBearerCredentials, scheme, { http: posting, endpoints, fixedUrl, tokenParams, dpop }), forget));
    source = { request: async (scopes) => (await load()).request!(scopes), refresh: async (tokens) => (await load()).refresh(tokens) };
  }
  const clientId = oauth?.client.clientId ?? jwtBearerIdentity(grant, jwt!);
  const seed = flow === 'authorizationCode' ? seedTokens(grant, scheme) : undefined;
  const signIn = flow === 'authorizationCode' ? ([option(grant, 'redirectUri', 'string', where) as string | undefined, spec.type === 'openIdConnect', option(grant, 'par', 'boolean', where) as boolean | undefined] as const) : undefined;
  return new OAuth2Auth(scheme, {
    flow,
    clientId,
    store: shared.store,
    onTokens: shared.onTokens,
    now: shared.now,
    source,
    seed,
    scopes: grantScopes(grant, scheme),
    authorizationCode: signIn && ((tokens) => lazyAuthorizationCode(oauth!, tokens, ...signIn)),
    dpop,
    transport: certificateFetch,
  });
}
