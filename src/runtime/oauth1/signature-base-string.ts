import { encodeUnreserved } from '../uri-encoding.js';

/** A decoded name/value pair, as RFC 5849 §3.4.1.3 collects them. */
export type OAuthParam = readonly [name: string, value: string];

/**
 * RFC 5849 §3.4.1.2: scheme and host lower-case, the port only when not the scheme's default, the
 * path as sent, no query or fragment. WHATWG URL already lower-cases and drops default ports.
 */
export function baseStringUri(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * RFC 5849 §3.4.1.3.1: the query and (for a form-urlencoded body) the body, both decoded as
 * `application/x-www-form-urlencoded` (so `+` is a space), followed by the protocol parameters.
 */
export function collectParameters(url: URL, formBody: string | undefined, protocolParams: readonly OAuthParam[]): OAuthParam[] {
  const params: OAuthParam[] = [...new URLSearchParams(url.search)];
  if (formBody !== undefined) params.push(...new URLSearchParams(formBody));
  params.push(...protocolParams);
  return params;
}

/** RFC 5849 §3.4.1.3.2: encode, sort by name then value (byte order), join as `n=v&n=v`. */
export function normalizeParameters(params: readonly OAuthParam[]): string {
  return params
    .map(([name, value]) => [encodeUnreserved(name), encodeUnreserved(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** RFC 5849 §3.4.1.1: METHOD&encoded-base-uri&encoded-normalized-parameters. */
export function signatureBaseString(method: string, url: URL, params: readonly OAuthParam[]): string {
  return [method.toUpperCase(), baseStringUri(url), normalizeParameters(params)].map(encodeUnreserved).join('&');
}

// Encoded text is ASCII, so UTF-16 code unit order is byte order.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
