/**
 * The endpoints a discovery document names (OpenID Connect Discovery 1.0, RFC 8414), checked as
 * the flow's own are. Loaded only by clients whose scheme uses discovery (see lazy-modules.ts).
 */
import { checkEndpoint, TokenError } from './lazy-module-imports.js';
import type { JsonObject, OAuthHttp } from './oauth-http.js';
import type { Endpoints } from './server-metadata.js';

/** One endpoint from a metadata document: absolute, and https unless allowed otherwise. */
export function metadataEndpoint(http: OAuthHttp, document: JsonObject, member: string, allowInsecureHttp: boolean): URL | undefined {
  const value = document[member];
  if (value === undefined) return undefined;
  try {
    if (typeof value !== 'string') throw new TypeError('not a string');
    return checkEndpoint(new URL(value), member, http.scheme, allowInsecureHttp);
  } catch (error) {
    throw new TokenError({ scheme: http.scheme, error: 'invalid_response', errorDescription: `the metadata ${member} is not a usable URL`, cause: error });
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
