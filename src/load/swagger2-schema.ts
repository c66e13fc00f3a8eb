import { isObject, type JsonObject } from '../json/json-object.js';

/** Specification extensions (`x-…`) of an object, to carry over unchanged. */
export function extensionsOf(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([key]) => key.startsWith('x-')));
}

/**
 * A Swagger 2.0 Schema Object in OpenAPI 3.0 form: `x-nullable` → `nullable`, `type: file` →
 * binary string, `discriminator: 'prop'` → `{propertyName: 'prop'}`; recursively through every
 * keyword that holds schemas. `$ref`s are left for the document-wide rewrite.
 */
export function convertSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'x-nullable') {
      // kept next to a $ref too: 3.0 ignores it there, but it is the author's intent and analysis may use it
      if (typeof value === 'boolean') out['nullable'] = value;
    } else if (key === 'type' && value === 'file') {
      out['type'] = 'string';
      out['format'] = 'binary';
    } else if (key === 'discriminator' && typeof value === 'string') {
      out['discriminator'] = { propertyName: value };
    } else if (key === 'properties' && isObject(value)) {
      out[key] = mapValues(value, convertSchema);
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && isObject(value)) {
      out[key] = convertSchema(value);
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'items') && Array.isArray(value)) {
      out[key] = value.map(convertSchema);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The keywords a 2.0 non-body parameter, header or items object shares with a schema. */
const SIMPLE_SCHEMA_KEYS = [
  'type', 'format', 'items', 'default', 'enum', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf',
] as const;

/**
 * The schema part of a 2.0 parameter/header/items object (`collectionFormat` is serialization,
 * handled by the caller). Nested `items` are converted the same way.
 */
export function simpleSchemaOf(object: JsonObject): JsonObject {
  const schema: JsonObject = {};
  for (const key of SIMPLE_SCHEMA_KEYS) {
    if (object[key] === undefined) continue;
    schema[key] = key === 'items' && isObject(object[key]) ? simpleSchemaOf(object[key]) : object[key];
  }
  if (typeof object['$ref'] === 'string') schema['$ref'] = object['$ref'];
  if (schema['type'] === 'file') Object.assign(schema, { type: 'string', format: 'binary' });
  if (object['x-nullable'] === true) schema['nullable'] = true;
  return schema;
}

export function mapValues(object: JsonObject, convert: (value: unknown, key: string) => unknown): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, convert(value, key)]));
}
