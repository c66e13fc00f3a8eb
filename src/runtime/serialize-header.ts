import { definedEntries, isPropertyMap } from './args.js';
import type { ParamFields, RequestParts } from './operation.js';
import { encodeUnreserved, toParamText } from './uri-encoding.js';

/** Header parameter, style `simple`. Header values are not percent-encoded. */
export function serializeHeaderValue(param: ParamFields, value: unknown): string {
  if (param.contentType !== undefined) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map(toParamText).join(',');
  if (isPropertyMap(value)) {
    // Exploded `k=v,k2=v2`, else `k,v,k2,v2`.
    const between = param.explode === true ? '=' : ',';
    return definedEntries(value)
      .map(([k, v]) => k + between + toParamText(v))
      .join(',');
  }
  return toParamText(value);
}

/** The ParamSerializer of a header parameter. */
export function writeHeaderParam(param: ParamFields, value: unknown, parts: RequestParts): void {
  parts.headers.set(param.name ?? param.key, serializeHeaderValue(param, value));
}

// RFC 6265 cookie-octet: printable ASCII except space, DQUOTE, comma, semicolon and backslash.
const COOKIE_UNSAFE = /[^\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]/gu;

/** Percent-encodes only what a cookie value cannot carry, so typical tokens are sent unchanged. */
export function encodeCookieValue(text: string): string {
  return text.replace(COOKIE_UNSAFE, (char) => encodeURIComponent(char));
}

/**
 * Cookie parameter as `name=value` pairs. Style `form` percent-encodes like a query (OpenAPI 3.0/3.1);
 * style `cookie` (OpenAPI 3.2) sends values as they are, escaping only what a cookie cannot hold.
 */
export function serializeCookieParam(param: ParamFields, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const encode = param.style === 'cookie' ? encodeCookieValue : encodeUnreserved;
  const name = encodeUnreserved(param.name ?? param.key);
  if (param.contentType !== undefined) return [`${name}=${encode(JSON.stringify(value))}`];
  const explode = param.explode ?? true;
  if (Array.isArray(value)) {
    const items = value.map((item) => encode(toParamText(item)));
    return explode ? items.map((item) => `${name}=${item}`) : [`${name}=${items.join(',')}`];
  }
  if (isPropertyMap(value)) {
    const pairs = definedEntries(value).map(([k, v]) => [encodeUnreserved(k), encode(toParamText(v))] as const);
    return explode ? pairs.map(([k, v]) => `${k}=${v}`) : [`${name}=${pairs.flat().join(',')}`];
  }
  return [`${name}=${encode(toParamText(value))}`];
}

/** The ParamSerializer of a cookie parameter: its pairs join the single `Cookie` header, in parameter order. */
export function writeCookieParam(param: ParamFields, value: unknown, parts: RequestParts): void {
  appendCookies(parts.headers, serializeCookieParam(param, value));
}

/** Adds cookie pairs to the single `Cookie` header, after any cookies already there. */
export function appendCookies(headers: Headers, pairs: readonly string[]): void {
  if (pairs.length === 0) return;
  const existing = headers.get('cookie');
  headers.set('cookie', [...(existing === null || existing === '' ? [] : [existing]), ...pairs].join('; '));
}
