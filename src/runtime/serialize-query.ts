import { definedEntries, isPropertyMap } from './args.js';
import type { ParamFields, RequestParts } from './operation.js';
import { encodeAllowReserved, encodeUnreserved, toParamText } from './uri-encoding.js';

const ARRAY_DELIMITERS: Readonly<Record<string, string>> = {
  form: ',',
  spaceDelimited: '%20',
  pipeDelimited: '%7C',
};

/**
 * One query parameter as already-encoded `name=value` pairs (none when the value is absent).
 * An empty array yields nothing when exploded (there is no item to repeat) and `name=` otherwise.
 */
export function serializeQueryParam(param: ParamFields, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const name = encodeUnreserved(param.name ?? param.key);
  const encodeValue = param.allowReserved === true ? encodeAllowReserved : encodeUnreserved;
  if (param.contentType !== undefined) return [`${name}=${encodeValue(JSON.stringify(value))}`];
  const style = param.style ?? 'form';
  if (style === 'deepObject' && isPropertyMap(value)) return deepObjectPairs(name, value, encodeValue);
  const explode = param.explode ?? style === 'form';
  const delimiter = ARRAY_DELIMITERS[style] ?? ',';
  if (Array.isArray(value)) {
    const items = value.map((item) => encodeValue(toParamText(item)));
    if (explode) return items.map((item) => `${name}=${item}`);
    return [`${name}=${items.join(delimiter)}`];
  }
  if (isPropertyMap(value)) {
    const pairs = definedEntries(value).map(([k, v]) => [encodeUnreserved(k), encodeValue(toParamText(v))] as const);
    if (explode) return pairs.map(([k, v]) => `${k}=${v}`);
    return [`${name}=${pairs.flat().join(delimiter)}`];
  }
  return [`${name}=${encodeValue(toParamText(value))}`];
}

/**
 * An OpenAPI 3.2 `querystring` parameter: the whole query. Form media types serialize an object as
 * exploded `key=value` pairs; anything else (JSON) is the percent-encoded serialization itself.
 */
export function serializeQueryString(param: ParamFields, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const form = param.contentType === undefined || param.contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
  if (form && isPropertyMap(value)) {
    return definedEntries(value).flatMap(([k, v]) => serializeQueryParam({ key: k }, v));
  }
  if (typeof value === 'string') return [encodeAllowReserved(value)];
  return [encodeUnreserved(JSON.stringify(value))];
}

/** The ParamSerializer of a query parameter. */
export function writeQueryParam(param: ParamFields, value: unknown, parts: RequestParts): void {
  parts.query.push(...serializeQueryParam(param, value));
}

/**
 * The ParamSerializer of a query parameter in the default style (form, exploded, percent-encoded,
 * no content type): what serializeQueryParam writes for it, without the other styles' code. A
 * scalar is one pair, an array repeats the name, an object's defined properties are its pairs.
 */
export function writeFormQuery(param: ParamFields, value: unknown, parts: RequestParts): void {
  const name = encodeUnreserved(param.name ?? param.key);
  const pair = (key: string, item: unknown): number => parts.query.push(`${key}=${encodeUnreserved(toParamText(item))}`);
  if (Array.isArray(value)) for (const item of value) pair(name, item);
  else if (isPropertyMap(value)) for (const [key, item] of definedEntries(value)) pair(encodeUnreserved(key), item);
  else if (value !== undefined && value !== null) pair(name, value);
}

/** The ParamSerializer of a `querystring` parameter. */
export function writeQueryString(param: ParamFields, value: unknown, parts: RequestParts): void {
  parts.query.push(...serializeQueryString(param, value));
}

/** `name[prop]=value`; nested objects nest brackets, arrays repeat the key. */
function deepObjectPairs(prefix: string, value: Readonly<Record<string, unknown>>, encodeValue: (text: string) => string): string[] {
  const pairs: string[] = [];
  for (const [key, inner] of definedEntries(value)) {
    if (inner === null) continue;
    const path = `${prefix}[${encodeUnreserved(key)}]`;
    if (isPropertyMap(inner)) pairs.push(...deepObjectPairs(path, inner, encodeValue));
    else if (Array.isArray(inner)) pairs.push(...inner.map((item) => `${path}=${encodeValue(toParamText(item))}`));
    else pairs.push(`${path}=${encodeValue(toParamText(inner))}`);
  }
  return pairs;
}

/**
 * Appends encoded pairs to the URL's query (none, or only an empty one: nothing). The raw
 * `search` setter keeps our encoding as is; `searchParams.append` would re-serialize the whole
 * query and undo `allowReserved`.
 */
export function appendQuery(url: URL, pairs: readonly string[]): void {
  const query = pairs.join('&');
  // `search` is '' for an empty query (no `&` then) and starts with `?` otherwise, which the setter takes off again.
  if (query) url.search += (url.search && '&') + query;
}
