/**
 * The canonical request of Signature Version 4 (AWS IAM user guide, "Create a canonical request"):
 * the exact text both sides hash, so every byte here is dictated by AWS, not by taste.
 */
import { encodeUnreserved } from '../uri-encoding.js';

/**
 * The path as AWS canonicalizes it. Every service but S3 normalizes it (empty, `.` and `..`
 * segments) and encodes the already-encoded path a second time; S3 signs the path exactly as sent.
 */
export function canonicalUri(encodedPath: string, s3: boolean): string {
  const path = encodedPath === '' ? '/' : encodedPath;
  if (s3) return path;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${trailing}`;
  return encodeUnreserved(normalized).replace(/%2F/g, '/');
}

/**
 * S3 signs the path as sent, and computes its own side by encoding each segment once with RFC 3986
 * unreserved characters kept. A path the URL parser left with raw sub-delimiters (`'`, `(`, `!`…)
 * is sent in that form instead, so the two sides agree.
 */
export function s3WirePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => encodeUnreserved(decodeComponent(segment)))
    .join('/');
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray `%`: sent as is, and AWS decodes it no further either
  }
}

/**
 * The query (`?` included or not) as AWS canonicalizes it: each key and value decoded, then encoded
 * with RFC 3986 unreserved characters only, sorted by key then value; a key without `=` has an
 * empty value.
 */
export function canonicalQuery(search: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return '';
  const pairs: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = equals === -1 ? part : part.slice(0, equals);
    const value = equals === -1 ? '' : part.slice(equals + 1);
    pairs.push([encodeUnreserved(decodeComponent(key)), encodeUnreserved(decodeComponent(value))]);
  }
  // Encoded text is ASCII, so code-unit order is the byte order AWS sorts by.
  pairs.sort(([keyA, valueA], [keyB, valueB]) => compare(keyA, keyB) || compare(valueA, valueB));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A header value as signed: trimmed, inner runs of spaces and tabs (and line breaks) made one space. */
export function canonicalHeaderValue(value: string): string {
  return value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
}

export interface CanonicalInput {
  method: string;
  /** Path and query exactly as they go on the wire. */
  url: URL;
  /** Lower-case name → value of every header to sign. */
  signedHeaders: ReadonlyMap<string, string>;
  payloadHash: string;
  s3: boolean;
}

/** `name1;name2;…`, sorted: the list the Authorization header repeats. */
export function signedHeaderList(signedHeaders: ReadonlyMap<string, string>): string {
  return [...signedHeaders.keys()].sort().join(';');
}

export function canonicalRequest(input: CanonicalInput): string {
  const names = [...input.signedHeaders.keys()].sort();
  const headerLines = names.map((name) => `${name}:${canonicalHeaderValue(input.signedHeaders.get(name)!)}\n`).join('');
  return [
    input.method.toUpperCase(),
    canonicalUri(input.url.pathname, input.s3),
    canonicalQuery(input.url.search),
    headerLines,
    names.join(';'),
    input.payloadHash,
  ].join('\n');
}
