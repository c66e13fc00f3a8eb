import { definedEntries, isPropertyMap } from './args.js';
import type { ParamFields } from './operation.js';
import { serializePathValue } from './serialize-path.js';
import { encodeUnreserved, toParamText } from './uri-encoding.js';

/**
 * The path styles other than `simple` (RFC 6570 label and matrix expansion), as PathSerializers a
 * generated spec names for the parameters that use them: other clients do not carry them.
 */

/** A value's percent-encoded parts: a list's items, an object's pairs, or a scalar's text. */
type Parts = { items: string[] } | { pairs: Array<readonly [string, string]> } | { text: string };

function partsOf(value: unknown): Parts {
  if (Array.isArray(value)) return { items: value.map((item) => encodeUnreserved(toParamText(item))) };
  if (isPropertyMap(value)) return { pairs: definedEntries(value).map(([k, v]) => [encodeUnreserved(k), encodeUnreserved(toParamText(v))] as const) };
  return { text: encodeUnreserved(toParamText(value)) };
}

/** `.a.b` (exploded) or `.a,b`; objects `.k=v.k2=v2` or `.k,v,k2,v2`. */
export function labelPathValue(param: ParamFields, value: unknown): string {
  if (param.contentType !== undefined) return serializePathValue(param, value);
  const explode = param.explode ?? false;
  const parts = partsOf(value);
  if ('items' in parts) return '.' + parts.items.join(explode ? '.' : ',');
  if ('pairs' in parts) return '.' + (explode ? parts.pairs.map(([k, v]) => `${k}=${v}`).join('.') : parts.pairs.flat().join(','));
  return '.' + parts.text;
}

/** `;name=a;name=b` (exploded) or `;name=a,b`; objects `;k=v;k2=v2` or `;name=k,v,k2,v2`; `;name` for an empty value. */
export function matrixPathValue(param: ParamFields, value: unknown): string {
  if (param.contentType !== undefined) return serializePathValue(param, value);
  const explode = param.explode ?? false;
  const name = encodeUnreserved(param.name ?? param.key);
  const parts = partsOf(value);
  if ('items' in parts) return explode ? parts.items.map((item) => `;${name}=${item}`).join('') : `;${name}=${parts.items.join(',')}`;
  if ('pairs' in parts) return explode ? parts.pairs.map(([k, v]) => `;${k}=${v}`).join('') : `;${name}=${parts.pairs.flat().join(',')}`;
  return parts.text === '' ? `;${name}` : `;${name}=${parts.text}`;
}
