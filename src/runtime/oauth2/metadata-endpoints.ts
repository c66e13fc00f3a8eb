/**
 * The endpoints a discovery document names (OpenID Connect Discovery 1.0, RFC 8414), checked as
 * the flow's own are. Loaded only by clients whose scheme uses discovery (see lazy-modules.ts).
 */
import type { EndpointOverrides } from './endpoint-overrides.js';
import { checkEndpoint$ as checkEndpoint, schemeWhere$ as schemeWhere, tokenError } from './lazy-module-imports.js';
import type { OAuthShared } from './oauth-environment.js';
import type { JsonObject, OAuthHttp } from './oauth-http.js';
import { loadMetadata, type Endpoints } from './server-metadata.js';

/** One endpoint from a metadata document: absolute, and https unless allowed otherwise. */
export function metadataEndpoint(http: OAuthHttp, document: JsonObject, member: string, allowInsecureHttp: boolean): URL | undefined {
  const value = document[member];
  if (value === undefined) return undefined;
  try {
    if (typeof value !== 'string') throw new TypeError('not a string');
    return checkEndpoint(new URL(value), schemeWhere(http.scheme) + member, allowInsecureHttp);
  } catch (error) {
    throw tokenError(http.scheme, 'invalid_response', `the metadata ${member} is not a usable URL`, undefined, error);
  }
}

/** Endpoints named by a metadata document; the flow's own URLs fill what it leaves out. */
export function endpointsFromMetadata(http: OAuthHttp, document: JsonObject, fallback: Endpoints, allowInsecureHttp: boolean): Endpoints {
  const tokenUrl = metadataEndpoint(http, document, 'token_endpoint', allowInsecureHttp) ?? fallback.tokenUrl;
  return {
    tokenUrl,
    // Metadata has no separate refresh endpoint: a metadata token endpoint serves refreshes too.
    refreshUrl: document['token_endpoint'] !== undefined ? tokenUrl : (fallback.refreshUrl ?? tokenUrl),
    authorizationUrl: metadataEndpoint(http, document, 'authorization_endpoint', allowInsecureHttp) ?? fallback.authorizationUrl,
    deviceAuthorizationUrl: metadataEndpoint(http, document, 'device_authorization_endpoint', allowInsecureHttp) ?? fallback.deviceAuthorizationUrl,
    pushedAuthorizationRequestUrl: metadataEndpoint(http, document, 'pushed_authorization_request_endpoint', allowInsecureHttp) ?? fallback.pushedAuthorizationRequestUrl,
  };
}

// RFC 8705 §5: the endpoints an alias may replace that this client POSTs to.
const ALIASED = ['token_endpoint', 'device_authorization_endpoint', 'pushed_authorization_request_endpoint'] as const;

/**
 * The metadata as a certificate-presenting client reads it: each endpoint `mtls_endpoint_aliases`
 * names replaces the plain one (the rest of the document is unchanged).
 */
export function withMtlsAliases(document: JsonObject): JsonObject {
  const aliases = document['mtls_endpoint_aliases'];
  if (typeof aliases !== 'object' || aliases === null || Array.isArray(aliases)) return document;
  const aliased: JsonObject = { ...document };
  for (const member of ALIASED) {
    const alias: unknown = Reflect.get(aliases, member);
    if (alias !== undefined) aliased[member] = alias;
  }
  return aliased;
}

/** What an override names wins over what a metadata document says. */
function withOverrides(endpoints: Endpoints, overridden: Endpoints, overrides: EndpointOverrides): Endpoints {
  return {
    ...endpoints,
    ...(overrides.tokenUrl !== undefined ? { tokenUrl: overridden.tokenUrl, refreshUrl: overridden.tokenUrl } : {}),
    ...(overrides.authorizationUrl !== undefined ? { authorizationUrl: overridden.authorizationUrl } : {}),
    ...(overrides.deviceAuthorizationUrl !== undefined ? { deviceAuthorizationUrl: overridden.deviceAuthorizationUrl } : {}),
  };
}

/** An issuer's discovery document (OpenID Connect Discovery 1.0 §4): at `/.well-known/openid-configuration` under its path. */
export function issuerMetadataUrl(issuer: URL): URL {
  return new URL(`${issuer.href.replace(/\/+$/, '')}/.well-known/openid-configuration`);
}

/**
 * What discovery gives a flow: the metadata document at `url` (fetched once per client, kept in
 * `shared`), the flow's own endpoints (`fromSpec`, the spec's and the overrides', resolved) filling
 * its gaps, the credential's `overrides` winning. `url`: the metadata URL, or the issuer when the
 * overrides name one, resolved and checked when the client was made. `certificate`: the client
 * presents a TLS certificate, so it takes the metadata's mTLS endpoint aliases (RFC 8705 §5).
 * Positional (the construction calls it: client-credentials.ts, endpoint-source.ts): an object of six named fields cost
 * every app with an OAuth builder ~20 B gzip in its entry.
 */
export async function discoveredEndpoints(shared: OAuthShared, http: OAuthHttp, url: URL, fromSpec: Endpoints, overrides: EndpointOverrides, certificate: boolean): Promise<Endpoints> {
  const document = await loadMetadata((shared.metadata ??= new Map()), http, overrides.issuer !== undefined ? issuerMetadataUrl(url) : url);
  return withOverrides(endpointsFromMetadata(http, certificate ? withMtlsAliases(document) : document, fromSpec, shared.allowInsecureHttp), fromSpec, overrides);
}
