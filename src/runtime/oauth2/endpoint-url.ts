import { checkedUrl } from '../checked-url.js';
import { must } from '../retry.js';

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
