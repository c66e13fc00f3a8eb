import { ownValue, paramValue } from './args.js';
import type { AuthRequest } from './auth-strategy.js';
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
  // OAuth 1.0a signs form fields: strategies get the exact text that will be sent (the form encoder's).
  return { method: op.method, url, headers, body, formBody: body?.formBody };
}

/**
 * baseUrl (trailing `/` dropped) + path; a query in either is kept and our parameters follow it.
 * The base is parsed and checked on every call, not cached: a parse costs well under a microsecond,
 * and the cache with its one-string fast path cost every browser app ~140 bytes gzip.
 */
export function resolveUrl(baseUrl: string, path: string): URL {
  // The configured-URL check every option shares: refused, not quoted (a baseUrl may carry a key in its
  // query); user info refused too (fetch refuses it with an error that quotes it, password included).
  const url = checkedUrl(baseUrl, undefined, 'baseUrl', 'must be a valid absolute URL');
  // Split at the first `?` only: the query may hold more. None: an empty query, which adds nothing.
  const [pathOnly, query = ''] = path.split(/\?(.*)/s);
  url.pathname = url.pathname.replace(/\/+$/, '') + pathOnly;
  appendQuery(url, [query]);
  return url;
}
