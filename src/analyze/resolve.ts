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
  // most values are no reference, or one to the object itself: the set is made for chains only
  let seen: Set<string> | undefined;
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#') || seen?.has(ref)) {
      throw new KeywayError('E_REF', `cannot resolve $ref ${JSON.stringify(ref)}`, { pointer });
    }
    (seen ??= new Set()).add(ref);
    const target = lookupLocalRef(document, ref);
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
