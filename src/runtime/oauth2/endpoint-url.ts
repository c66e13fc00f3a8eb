import type { SchemeSpec } from '../auth-strategy.js';
import { checkedUrl } from '../checked-url.js';
import { must } from '../retry.js';
import type { EndpointOverrides } from './endpoint-overrides.js';
import { loadMetadataEndpoints } from './lazy-modules.js';
import type { OAuthShared } from './oauth-environment.js';
import type { OAuthHttp } from './oauth-http.js';
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
 * (checked-url.ts: no user name or password), then as an endpoint (checkEndpoint). `where`: the
 * messages' start, the scheme and the endpoint's name (`security scheme "name": tokenUrl`), which
 * the construction has at hand.
 */
export function resolveEndpoint(raw: string, where: string, { baseUrl, allowInsecureHttp }: { baseUrl: string | undefined; allowInsecureHttp: boolean }): URL {
  return checkEndpoint(checkedUrl(raw, baseUrl, where, 'must be a valid absolute URL, or relative to baseUrl'), where, allowInsecureHttp);
}

/**
 * A scheme's endpoints as the token requests read them: `fromSpec` (the spec's and the overrides',
 * resolved), filled in on the first request from a discovery document when there is one (an issuer
 * override, else the scheme's metadata URL). Only that URL is resolved now, so a bad one fails at
 * construction (an issuer's document is on its host, so the issuer's URL is checked as the
 * document's is); the rest is set up where discovery runs (metadata-endpoints.ts, lazy). `where`:
 * the messages' start (`security scheme "name": `). `certificate`: the client presents a TLS
 * certificate, so it takes the metadata's mTLS aliases.
 */
export function knownEndpoints(spec: Extract<SchemeSpec, { type: 'oauth2' | 'openIdConnect' }>, where: string, fromSpec: Endpoints, overrides: EndpointOverrides, shared: OAuthShared, http: OAuthHttp, certificate: boolean): () => Promise<Endpoints> {
  // The issuer, checked, is a non-empty string or absent.
  const [name, raw] = overrides.issuer ? ['issuer', overrides.issuer] : spec.type === 'oauth2' ? ['oauth2MetadataUrl', spec.metadataUrl] : ['openIdConnectUrl', spec.url];
  if (!raw) return async () => fromSpec;
  const url = resolveEndpoint(raw, where + name, shared);
  return async () => (await loadMetadataEndpoints()).discoveredEndpoints(shared, http, url, fromSpec, overrides, certificate);
}
