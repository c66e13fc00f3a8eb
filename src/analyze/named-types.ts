import { childPointer } from '../json/json-pointer.js';
import type { NamedType } from '../model/index.js';
import { isObject, type JsonObject } from '../json/json-object.js';
import { optionalString } from './resolve.js';
import { breakAliasCycles } from './schema/alias-cycles.js';
import { valueNotes } from './schema/value-notes.js';
import { schemaToType, type SchemaContext } from './schema-to-type.js';

/** components/schemas → named types, in spec order, with no alias cycle TypeScript would reject. */
export function analyzeNamedTypes(ctx: SchemaContext): NamedType[] {
  const components = isObject(ctx.document.components) ? ctx.document.components : {};
  const schemas: JsonObject = isObject(components.schemas) ? components.schemas : {};
  const types = Object.keys(schemas).map((key): NamedType => {
    const schema = schemas[key];
    const pointer = childPointer('#', 'components', 'schemas', key);
    return {
      key,
      type: schemaToType(schema, pointer, ctx),
      description: isObject(schema) ? (optionalString(schema.description) ?? optionalString(schema.title)) : undefined,
      deprecated: isObject(schema) && schema.deprecated === true ? true : undefined,
      notes: valueNotes(schema),
      pointer,
    };
  });
  return breakAliasCycles(types);
}
