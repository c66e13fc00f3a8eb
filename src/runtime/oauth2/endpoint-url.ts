import { quoteScheme } from '../credential-checks.js';
import { documentBase } from '../document-base.js';

// These never leave the machine, so plain http to them exposes nothing.
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** http(s) only; credentials-bearing endpoints must be https unless loopback or explicitly allowed. */
export function checkEndpoint(url: URL, what: string, scheme: string, allowInsecureHttp: boolean): URL {
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && (allowInsecureHttp || isLoopback(url.hostname))) return url;
  throw new TypeError(
    `security scheme ${quoteScheme(scheme)}: the ${what} must be an https URL (got ${url.protocol}//${url.host}); set allowInsecureHttp to permit http`,
  );
}

/**
 * An endpoint URL from the spec, which may be relative to the client's baseUrl (OpenAPI resolves
 * relative URLs against the server URL). A URL carrying user:password is refused: fetch would
 * quote it in its errors.
 */
export function resolveEndpoint(raw: string, baseUrl: string | undefined, what: string, scheme: string, allowInsecureHttp: boolean): URL {
  let url: URL;
  try {
    const base = baseUrl === undefined ? documentBase() : new URL(baseUrl, documentBase()).href;
    url = new URL(raw, base);
  } catch {
    throw new TypeError(`security scheme ${quoteScheme(scheme)}: the ${what} ${JSON.stringify(raw)} is not a URL (relative ones need the client's baseUrl)`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(`security scheme ${quoteScheme(scheme)}: the ${what} must not contain a user name or password`);
  }
  url.hash = '';
  return checkEndpoint(url, what, scheme, allowInsecureHttp);
}
