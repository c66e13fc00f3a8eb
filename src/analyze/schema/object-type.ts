import type { ObjectNode, PropertyNode, TypeNode } from '../../model/index.js';
import { isSchemaObject, keyword, stringList, type Convert, type SchemaObject } from './keywords.js';
import { childAt, type SchemaAt } from './schema-at.js';
import { union } from './simplify.js';
import { valueNotes } from './value-notes.js';

/**
 * `properties` + `required` → property list in spec order. Names listed in `required` without a
 * declared property are ignored: they would only add `name: unknown` noise.
 *
 * Extra properties: `additionalProperties: true | {}` → `true`, a schema → its type, `false` or
 * absent → none declared. Absent is deliberately not "anything": an index signature on every object
 * would hide typos in property names. `patternProperties` count as additional properties (TS has no
 * pattern keys). An object that declares nothing at all is `Record<string, unknown>`.
 */
export function objectType(schema: SchemaObject, pointer: SchemaAt, convert: Convert): ObjectNode {
  const declared = keyword(schema, 'properties');
  const properties: PropertyNode[] = [];
  if (isSchemaObject(declared)) {
    const required = requiredNames(keyword(schema, 'required'));
    // for-in: the same own keys in the same order as Object.keys (parsed documents inherit no
    // enumerable key), without a key array per object, and each member read once
    for (const name in declared) {
      const member = declared[name];
      properties.push(propertyNode(name, member, isListed(name, required), convert(member, childAt(pointer, 'properties', name))));
    }
  }
  const additional = additionalType(schema, pointer, convert);
  if (additional !== undefined) return { kind: 'object', properties, additional };
  const saysNothing = properties.length === 0 && keyword(schema, 'additionalProperties') !== false;
  return saysNothing ? { kind: 'object', properties, additional: true } : { kind: 'object', properties };
}

const NONE: ReadonlySet<string> = new Set();

/** The string members of `required`: most objects list none, or name too few to be worth a set. */
function requiredNames(value: unknown): readonly unknown[] | ReadonlySet<string> {
  if (!Array.isArray(value) || value.length === 0) return NONE;
  // `includes` compares with ===, so a non-string member never matches a (string) property name
  return value.length <= 8 ? value : new Set(stringList(value));
}

function isListed(name: string, required: readonly unknown[] | ReadonlySet<string>): boolean {
  return Array.isArray(required) ? required.includes(name) : (required as ReadonlySet<string>).has(name);
}

function propertyNode(name: string, schema: unknown, required: boolean, type: TypeNode): PropertyNode {
  // Every property node has the same keys in the same order, absent flags undefined: one hidden
  // class for the ~40,000 of a large document, so the planner's and the writers' reads of them
  // stay monomorphic (a key per flag present made dozens of shapes).
  if (!isSchemaObject(schema)) return { name, type, required, readOnly: undefined, writeOnly: undefined, deprecated: undefined, description: undefined, notes: undefined };
  // one pass over the keys the property's schema has, not four lookups that mostly miss
  let readOnly: unknown, writeOnly: unknown, deprecated: unknown, description: unknown;
  for (const key in schema) {
    if (key === 'description') description = keyword(schema, key);
    else if (key === 'readOnly') readOnly = keyword(schema, key);
    else if (key === 'writeOnly') writeOnly = keyword(schema, key);
    else if (key === 'deprecated') deprecated = keyword(schema, key);
  }
  return {
    name,
    type,
    required,
    readOnly: readOnly === true || undefined,
    writeOnly: writeOnly === true || undefined,
    deprecated: deprecated === true || undefined,
    description: typeof description === 'string' && description.trim() !== '' ? description : undefined,
    notes: valueNotes(schema),
  };
}

function additionalType(schema: SchemaObject, pointer: SchemaAt, convert: Convert): TypeNode | true | undefined {
  const parts: TypeNode[] = [];
  const additional = keyword(schema, 'additionalProperties');
  if (additional !== undefined && additional !== false) {
    parts.push(convert(additional, childAt(pointer, 'additionalProperties')));
  }
  const patterns = keyword(schema, 'patternProperties');
  if (isSchemaObject(patterns)) {
    for (const pattern of Object.keys(patterns)) {
      parts.push(convert(patterns[pattern], childAt(pointer, 'patternProperties', pattern)));
    }
  }
  if (parts.length === 0) return undefined;
  const type = union(parts);
  if (type.kind === 'primitive' && type.name === 'unknown') return true;
  if (type.kind === 'primitive' && type.name === 'never') return undefined;
  return type;
}
