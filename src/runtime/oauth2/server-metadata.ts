/**
 * Authorization server metadata: OpenID Connect Discovery 1.0 and RFC 8414. Each document is
 * fetched once per client, by one request however many callers wait for it. Loaded with
 * metadata-endpoints.ts, only by clients whose scheme uses discovery (see lazy-modules.ts).
 */
import { sendToServer$ as sendToServer, tokenError } from './lazy-module-imports.js';
import type { JsonObject, OAuthHttp } from './oauth-http.js';

const OIDC_SUFFIX = '/.well-known/openid-configuration';
const RFC8414_PREFIX = '/.well-known/oauth-authorization-server';

/** The endpoints a flow may need, each absolute. */
export interface Endpoints {
  tokenUrl?: URL | undefined;
  refreshUrl?: URL | undefined;
  authorizationUrl?: URL | undefined;
  deviceAuthorizationUrl?: URL | undefined;
  /** RFC 9126; only metadata names one. */
  pushedAuthorizationRequestUrl?: URL | undefined;
}

/** Where a document at this address says it comes from, when the well-known rules fix it. */
function expectedIssuer(url: URL): string | undefined {
  if (url.search !== '') return undefined;
  if (url.pathname.endsWith(OIDC_SUFFIX)) return url.origin + url.pathname.slice(0, -OIDC_SUFFIX.length);
  if (url.pathname.startsWith(RFC8414_PREFIX)) return url.origin + url.pathname.slice(RFC8414_PREFIX.length);
  return undefined;
}

function sameIssuer(a: string, b: string): boolean {
  // `https://as.example/` and `https://as.example` name the same issuer in practice.
  return a.replace(/\/$/, '') === b.replace(/\/$/, '');
}

/** The documents fetched (or being fetched) by URL: one map for all schemes of a client, so two schemes on one provider share its discovery. */
export type MetadataDocuments = Map<string, Promise<JsonObject>>;

export function loadMetadata(documents: MetadataDocuments, http: OAuthHttp, url: URL): Promise<JsonObject> {
  let document = documents.get(url.href);
  if (document === undefined) {
    document = fetchMetadata(http, url);
    documents.set(url.href, document);
    // A failure is not cached: the next request tries again.
    document.catch(() => documents.delete(url.href));
  }
  return document;
}

async function fetchMetadata(http: OAuthHttp, url: URL): Promise<JsonObject> {
  const document = await sendToServer(http, url, () => Promise.resolve({ init: { method: 'GET', headers: { accept: 'application/json' } } }), 'authorization server metadata', true);
  const issuer = document['issuer'];
  const expected = expectedIssuer(url);
  // Mix-up defence (RFC 8414 §3.3, OIDC Discovery §4.3): a document must speak for its own issuer.
  if (expected !== undefined && (typeof issuer !== 'string' || !sameIssuer(issuer, expected))) {
    throw tokenError(http.scheme, 'invalid_response', 'the metadata document names a different issuer than its URL');
  }
  return document;
}
