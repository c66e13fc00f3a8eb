import { KeywayError } from '../errors.js';
import { isObject, type JsonObject } from '../json/json-object.js';
import { lookupLocalRef } from '../json/json-pointer.js';

/**
 * Follows `$ref` chains of a reusable object (parameter, request body, response, security scheme)
 * to the object itself. Returns the object and the pointer it lives at.
 */
export function deref(document: JsonObject, value: unknown, at: string): { value: JsonObject; pointer: string } {
  let current = value;
  let pointer = at;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#') || seen.has(ref)) {
      throw new KeywayError('E_REF', `cannot resolve $ref ${JSON.stringify(ref)}`, { pointer });
    }
    seen.add(ref);
    const target = localTarget(document, ref);
    if (target === undefined) throw new KeywayError('E_REF', `$ref ${JSON.stringify(ref)} points nowhere`, { pointer });
    current = target;
    pointer = ref;
  }
  if (!isObject(current)) throw new KeywayError('E_INVALID', 'expected an object', { pointer });
  return { value: current, pointer };
}

/**
 * What a local reference points at in the document, parsed and looked up once per reference: a
 * large API names the same shared responses and parameters thousands of times (GitHub's: 14,000
 * lookups). Analysis only reads the document, so an answer stays true for as long as it lives.
 */
function localTarget(document: JsonObject, ref: string): unknown {
  let targets = TARGETS.get(document);
  if (targets === undefined) TARGETS.set(document, (targets = new Map()));
  if (targets.has(ref)) return targets.get(ref);
  const target = lookupLocalRef(document, ref);
  targets.set(ref, target);
  return target;
}

const TARGETS = new WeakMap<JsonObject, Map<string, unknown>>();

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
