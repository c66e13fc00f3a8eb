import { documentBase } from '../document-base.js';
import { schemeWhere } from './option-checks.js';

/** http(s) only; credentials-bearing endpoints must be https unless loopback or explicitly allowed. */
export function checkEndpoint(url: URL, what: string, scheme: string, allowInsecureHttp: boolean): URL {
  // Loopback hosts never leave the machine, so plain http to them exposes nothing.
  if (url.protocol === 'https:' || (url.protocol === 'http:' && (allowInsecureHttp || /^(localhost|\[::1\]|127(\.\d{1,3}){3})$/i.test(url.hostname)))) return url;
  throw new TypeError(`${schemeWhere(scheme)}the ${what} must be an https URL (got ${url.protocol}//${url.host}); set allowInsecureHttp to permit http`);
}

/**
 * An endpoint URL from the spec or the credential, which may be relative to the client's baseUrl
 * (OpenAPI resolves relative URLs against the server URL). A URL carrying user:password is
 * refused: fetch would quote it in its errors.
 */
export function resolveEndpoint(raw: string, what: string, scheme: string, { baseUrl, allowInsecureHttp }: { baseUrl: string | undefined; allowInsecureHttp: boolean }): URL {
  const where = `${schemeWhere(scheme)}the ${what}`;
  let url: URL;
  try {
    url = new URL(raw, baseUrl === undefined ? documentBase() : new URL(baseUrl, documentBase()));
  } catch {
    throw new TypeError(`${where} ${JSON.stringify(raw)} is not a URL (relative ones need the client's baseUrl)`);
  }
  if (url.username || url.password) throw new TypeError(`${where} must not contain a user name or password`);
  url.hash = '';
  return checkEndpoint(url, what, scheme, allowInsecureHttp);
}
