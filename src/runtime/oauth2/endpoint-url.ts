import { checkedUrl } from '../checked-url.js';
import { must } from '../retry.js';
import type { EndpointOverrides } from './endpoint-overrides.js';
import { loadMetadataEndpoints } from './lazy-modules.js';
import type { OAuthShared } from './oauth-environment.js';
import type { OAuthHttp } from './oauth-http.js';
import { schemeWhere } from './option-checks.js';
import type { Endpoints } from './server-metadata.js';

/** http(s) only; credentials-bearing endpoints must be https unless loopback or explicitly allowed. `where`: the message's start, `security scheme "name": tokenUrl`. */
export function checkEndpoint(url: URL, where: string, allowInsecureHttp: boolean): URL {
  // Loopback hosts never leave the machine, so plain http to them exposes nothing.
  must(url.protocol === 'https:' || (url.protocol === 'http:' && (allowInsecureHttp || /^(localhost|\[::1\]|127(\.\d{1,3}){3})$/i.test(url.hostname))), where, 'an https URL');
  return url;
}

/**
 * An endpoint URL from the spec or the credential, which may be relative to the client's baseUrl
 * (OpenAPI resolves relative URLs against the server URL), checked as every configured URL is
 * (checked-url.ts: no user name or password), then as an endpoint (checkEndpoint).
 */
export function resolveEndpoint(raw: string, what: string, scheme: string, { baseUrl, allowInsecureHttp }: { baseUrl: string | undefined; allowInsecureHttp: boolean }): URL {
  const where = schemeWhere(scheme) + what;
  return checkEndpoint(checkedUrl(raw, baseUrl, where, 'must be a valid absolute URL, or relative to baseUrl'), where, allowInsecureHttp);
}

/**
 * A scheme's endpoints as the token requests read them: `fromSpec` (the spec's and the overrides',
 * resolved), filled in on the first request from the discovery document at `url` when there is one
 * (an issuer override, else the scheme's metadata URL: resolved by the construction with its
 * endpoints, so a bad one fails then); the rest is set up where discovery runs (metadata-endpoints.ts, lazy).
 * `certificate`: the client presents a TLS certificate, so it takes the metadata's mTLS aliases.
 */
export function knownEndpoints(url: URL | undefined, fromSpec: Endpoints, overrides: EndpointOverrides, shared: OAuthShared, http: OAuthHttp, certificate: boolean): () => Promise<Endpoints> {
  return url ? async () => (await loadMetadataEndpoints()).discoveredEndpoints(shared, http, url, fromSpec, overrides, certificate) : async () => fromSpec;
}
