import type { ParameterModel } from '../model/index.js';
import type { JsonObject } from '../json/json-object.js';
import { deref } from './resolve.js';

/**
 * How the client fills in a required parameter whose schema allows exactly one value (a
 * single-value `enum`, or `const`): the caller is not asked for it. AWS-converted documents
 * declare `Action`, `Version` and `X-Amz-Target` so. A query parameter that allows an empty value
 * and whose one value is `true` is aws2openapi's way of writing a valueless key (`?acl`): it is
 * sent as a bare flag. Undefined when the client cannot fill it in.
 */
export function fixedValue(document: JsonObject, raw: JsonObject, location: ParameterModel['in'], schemaAt: string): ParameterModel['fixed'] {
  if (raw.schema === undefined) return undefined;
  let schema: JsonObject;
  try {
    schema = deref(document, raw.schema, schemaAt).value;
  } catch {
    return undefined; // not an object, or a reference the schema analysis reports on its own
  }
  const only = onlyValue(schema);
  if (only === undefined) return undefined;
  if (location === 'query' && raw.allowEmptyValue === true && only.value === true) return { flag: true };
  return only;
}

/** The one value a schema allows; `null` never counts, since a null parameter is not sent at all. */
function onlyValue(schema: JsonObject): { value: string | number | boolean } | undefined {
  const candidates = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : [];
  if (candidates.length !== 1 || schema.nullable === true) return undefined;
  const [value] = candidates;
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    // an enum value the schema's own const contradicts allows nothing at all: leave it to the caller
    if ('const' in schema && Array.isArray(schema.enum) && !schema.enum.includes(value)) return undefined;
    return { value };
  }
  return undefined; // objects and arrays: no one serialization to fill in
}
