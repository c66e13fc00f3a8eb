/**
 * Where a grant finds its endpoints: the credential's overrides, then the document's URLs, resolved
 * when the client is made (a bad URL fails at construction); with a discovery document, what it
 * names fills in the rest on the first token request. Shared by every grant's construction.
 */
import type { SchemeSpec } from '../auth-strategy.js';
import { flowEndpoints, type EndpointOverrides } from './endpoint-overrides.js';
import { knownEndpoints, resolveEndpoint } from './endpoint-url.js';
import { schemeWhere } from './option-checks.js';
import type { OAuthShared } from './oauth-environment.js';
import type { OAuthHttp } from './oauth-http.js';
import type { Endpoints } from './server-metadata.js';
import type { OAuthFlowName } from './types.js';

export type OAuthSchemeSpec = Extract<SchemeSpec, { type: 'oauth2' | 'openIdConnect' }>;

/**
 * The endpoints of one flow (overrides, then the spec), resolved now so a bad URL fails at
 * construction; with a discovery document (an issuer override, the scheme's metadata URL), what it
 * names fills in the rest on the first token request. `certificate`: the client presents a TLS
 * certificate, so it takes the metadata's mTLS endpoint aliases (RFC 8705 §5).
 */
export function endpointSource(spec: OAuthSchemeSpec, flow: OAuthFlowName, overrides: EndpointOverrides, shared: OAuthShared, http: OAuthHttp, certificate: boolean): () => Promise<Endpoints> {
  const resolve = (raw: string, what: string) => resolveEndpoint(raw, schemeWhere(http.scheme) + what, shared);
  const fromSpec: Endpoints = {};
  for (const [name, raw] of Object.entries(flowEndpoints(spec.type === 'oauth2' ? spec.flows : {}, flow, overrides))) fromSpec[name as keyof Endpoints] = resolve(raw, name);
  return knownEndpoints(spec, schemeWhere(http.scheme), fromSpec, overrides, shared, http, certificate);
}
