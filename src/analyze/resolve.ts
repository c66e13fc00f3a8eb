import { KeywayError } from '../errors.js';

/** A JSON object as found in the document. */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decodes a URI-fragment JSON pointer (`#/a/~1b`) into raw segments (`['a', '/b']`). A stray `%`
 * (`#/components/parameters/50%`) is taken literally instead of throwing, as the loader does.
 */
export function pointerSegments(ref: string): string[] {
  const fragment = safeDecode(ref.slice(1));
  if (fragment === '') return [];
  return fragment
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Looks a local `#/...` pointer up in the document; undefined when it leads nowhere. */
export function lookupPointer(document: Json, ref: string): unknown {
  let node: unknown = document;
  for (const segment of pointerSegments(ref)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * Follows `$ref` chains of a reusable object (parameter, request body, response, security scheme)
 * to the object itself. Returns the object and the pointer it lives at.
 */
export function deref(document: Json, value: unknown, at: string): { value: Json; pointer: string } {
  let current = value;
  let pointer = at;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#') || seen.has(ref)) {
      throw new KeywayError('E_REF', `cannot resolve $ref ${JSON.stringify(ref)}`, { pointer });
    }
    seen.add(ref);
    const target = lookupPointer(document, ref);
    if (target === undefined) throw new KeywayError('E_REF', `$ref ${JSON.stringify(ref)} points nowhere`, { pointer });
    current = target;
    pointer = ref;
  }
  if (!isObject(current)) throw new KeywayError('E_INVALID', 'expected an object', { pointer });
  return { value: current, pointer };
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
