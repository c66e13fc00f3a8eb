import { ownValue, paramValue } from './args.js';
import type { AuthRequest } from './auth-strategy.js';
import { documentBase } from './document-base.js';
import type { EncodedBody } from './encode-body.js';
import type { HeadersInit } from './fetch-types.js';
import type { OperationSpec, RequestParts } from './operation.js';
import { checkedUrl } from './checked-url.js';
import { appendQuery } from './serialize-query.js';
import { encodeUnreserved } from './uri-encoding.js';

export interface PreparedRequest extends AuthRequest {
  body: EncodedBody | undefined;
}

/**
 * Everything about the request except authentication. Header precedence, later wins: the client's
 * default headers, header parameters, the body's Content-Type and the operation's Accept (only if
 * none was set), then the call's own headers. Built afresh for every attempt so a retry re-sends
 * a new body. Each parameter goes through the serializer its spec names, the body through its encoder.
 */
export function prepareRequest(
  baseUrl: string,
  defaultHeaders: HeadersInit | undefined,
  op: OperationSpec,
  args: Readonly<Record<string, unknown>> | undefined,
  callHeaders: HeadersInit | undefined,
): PreparedRequest {
  // A spec whose path has parameters names expandPath; without them its path is sent as it is.
  const url = resolveUrl(baseUrl, op.expand ? op.expand(op, args) : op.path);
  const headers = new Headers(defaultHeaders);
  const parts: RequestParts = { query: [], headers };
  for (const param of op.params) {
    // Path parameters are in the URL already; a flag is its bare name.
    if (param.in === 'path') continue;
    const value = paramValue(param, args);
    if (param.flag) parts.query.push(encodeUnreserved(param.name));
    else if (value != null) param.serialize(param, value, parts);
    else if (param.required) throw new TypeError(`${op.id}: missing required ${param.in} parameter "${param.key}"`);
  }
  appendQuery(url, parts.query);

  const spec = op.body;
  const bodyValue = spec && ownValue(args, spec.key);
  const body = bodyValue === undefined ? undefined : spec!.encode(spec!, bodyValue, op.id);
  // Multipart must not carry a Content-Type of ours: fetch writes it with the boundary.
  if (body) body.contentType === undefined ? headers.delete('content-type') : headers.set('content-type', body.contentType);
  if (op.accept && !headers.has('accept')) headers.set('accept', op.accept);
  if (callHeaders) new Headers(callHeaders).forEach((value, name) => headers.set(name, value));
  // OAuth 1.0a signs form fields: give strategies the exact text that will be sent.
  return { method: op.method, url, headers, body, formBody: body && spec!.encoding === 'form' ? String(body.body) : undefined };
}

/**
 * Paths for which parsing `prefix + path + query` gives what setting `pathname` does: empty or
 * starting with `/`, without `#` (the setter escapes it, the parser cuts there) and without
 * spaces or control characters (the parser drops tabs and newlines, and trims the ends).
 */
const PARSES_AS_SET = /^(?:\/[^#\0-\x20\x7F]*)?$/;

/**
 * A client sends every request against the same base: it is parsed and checked once. The last one
 * parsed: [baseUrl, the page's URL it was resolved against, its href without hash, its path without
 * trailing `/`, its query, `scheme://host` + path for http(s) bases (a request URL is then parsed from one string)].
 */
let lastBase: [string, string | undefined, string, string, string, string | undefined] | undefined;

/** baseUrl (trailing `/` dropped) + path; a query in either is kept and our parameters follow it. */
export function resolveUrl(baseUrl: string, path: string): URL {
  const page = documentBase();
  if (lastBase?.[0] !== baseUrl || lastBase[1] !== page) {
    // The configured-URL check every option shares: refused, not quoted (a baseUrl may carry a key in its
    // query); user info refused too (fetch refuses it with an error that quotes it, password included).
    const url = checkedUrl(baseUrl, undefined, 'baseUrl', 'must be a valid absolute URL');
    const trimmed = url.pathname.replace(/\/+$/, '');
    lastBase = [baseUrl, page, url.href, trimmed, url.search, /^https?:$/.test(url.protocol) ? `${url.protocol}//${url.host}${trimmed}` : undefined];
  }
  const [, , href, basePath, search, prefix] = lastBase;
  const queryStart = path.indexOf('?');
  const pathPart = queryStart < 0 ? path : path.slice(0, queryStart);
  let url: URL;
  if (prefix && PARSES_AS_SET.test(pathPart)) url = new URL(prefix + pathPart + search);
  else {
    url = new URL(href);
    url.pathname = basePath + pathPart;
  }
  if (queryStart >= 0) appendQuery(url, [path.slice(queryStart + 1)]);
  return url;
}
