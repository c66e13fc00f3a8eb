import type { TypeNode } from '../model/index.js';
import { withoutAliasRef } from './schema/alias-cycles.js';
import { arrayType } from './schema/array-type.js';
import { discriminate } from './schema/discriminator.js';
import { canonicalRef, componentSchemaName, lookupLocalRef } from '../json/json-pointer.js';
import { hasKeyword, isSchemaObject, keyword, stringList, type SchemaObject } from './schema/keywords.js';
import { objectType } from './schema/object-type.js';
import { childAt, pointerText, type SchemaAt } from './schema/schema-at.js';
import { enumType, literalOf, stringType } from './schema/scalar-type.js';
import { intersection, NEVER, primitive, union, UNKNOWN } from './schema/simplify.js';

export interface SchemaContext {
  /** The whole document (OpenAPI 3.x shaped; Swagger 2.0 already upgraded; external refs already bundled, local $refs kept). */
  document: Record<string, unknown>;
  /** OpenAPI 3.0 (nullable keyword, exclusiveMinimum boolean...) vs 3.1/3.2 (JSON Schema 2020-12: type arrays with 'null', const, prefixItems, $defs...). */
  dialect: '3.0' | '3.1';
}

/**
 * Converts one schema found at `pointer` into a type tree. Pure and total: odd input degrades to
 * `unknown`, never to an exception.
 *
 * - `$ref` to `#/components/schemas/<Name>` → a `ref` node (when that component exists); any other
 *   local ref is converted inline, and an inline ref back into its own expansion becomes `unknown`.
 * - In 3.1, a `$ref` with structural siblings (`type`, `properties`, `allOf`...) is the
 *   intersection of the ref and the siblings; annotations next to it are ignored. In 3.0 siblings
 *   are ignored, as the spec says.
 * - `nullable: true` adds `null` in both dialects (also beside a `$ref` or an `enum`): a wider type
 *   is the safe reading of a 3.1 document that still uses it.
 * - A named schema whose top level refers to itself (`A: { $ref: A }`, `A: { oneOf: [A, ...] }`)
 *   would be a circular type alias, so that self-reference becomes `unknown`.
 */
export function schemaToType(schema: unknown, pointer: string, ctx: SchemaContext): TypeNode {
  const type = new SchemaConverter(ctx).convert(schema, pointer);
  const selfName = componentSchemaName(pointer);
  return selfName === undefined ? type : withoutAliasRef(type, selfName);
}

// Untrusted documents can nest or fan out inline refs without bound; past these the rest is `unknown`.
const MAX_DEPTH = 200;
const MAX_INLINE_EXPANSIONS = 10_000;

// Keywords that give a 3.1 `$ref` sibling schema a shape of its own (annotations do not).
const STRUCTURAL = ['type', 'properties', 'additionalProperties', 'patternProperties', 'items', 'prefixItems', 'allOf', 'oneOf', 'anyOf', 'enum', 'const'];

const TYPE_NAMES: Record<string, TypeNode> = {
  integer: primitive('number'),
  number: primitive('number'),
  boolean: primitive('boolean'),
  null: primitive('null'),
  // Swagger 2.0's `type: file`, in case an upgrade left one behind.
  file: primitive('Blob'),
};

/**
 * Per document, the type each `$ref` to a component schema stands for, made once (each reference
 * otherwise costs a name check, a slice and three lookups). Type nodes are never changed once
 * built, so one node can stand wherever the same reference is written.
 */
const COMPONENT_REFS = new WeakMap<object, Map<string, TypeNode>>();

class SchemaConverter {
  private depth = 0;
  private expansions = 0;
  /** Pointers at which an inline ref is being expanded: a ref back to any of them is a cycle. */
  private readonly refSites: string[] = [];

  /** What each `$ref` to a component schema converts to in this document (see COMPONENT_REFS). */
  private readonly componentRefs: Map<string, TypeNode>;

  constructor(private readonly ctx: SchemaContext) {
    let refs = COMPONENT_REFS.get(ctx.document);
    if (refs === undefined) COMPONENT_REFS.set(ctx.document, (refs = new Map()));
    this.componentRefs = refs;
  }

  readonly convert = (schema: unknown, pointer: SchemaAt): TypeNode => {
    if (schema === true) return UNKNOWN;
    if (schema === false) return NEVER;
    if (!isSchemaObject(schema) || this.depth >= MAX_DEPTH) return UNKNOWN;
    this.depth++;
    try {
      const keys = readKeys(schema);
      const type = typeof keys.ref === 'string' ? this.refWithSiblings(schema, keys.ref, pointer) : this.plain(schema, pointer, keys);
      return keys.nullable === true ? union([type, primitive('null')]) : type;
    } finally {
      this.depth--;
    }
  };

  private refWithSiblings(schema: SchemaObject, ref: string, pointer: SchemaAt): TypeNode {
    const target = this.ref(ref, pointer);
    if (this.ctx.dialect === '3.0' || !STRUCTURAL.some((k) => hasKeyword(schema, k))) return target;
    const siblings: SchemaObject = {};
    for (const key of Object.keys(schema)) if (key !== '$ref' && key !== 'nullable') siblings[key] = schema[key];
    return intersection([target, this.plain(siblings, pointer, readKeys(siblings))]);
  }

  private ref(ref: string, at: SchemaAt): TypeNode {
    const known = this.componentRefs.get(ref);
    if (known !== undefined) return known;
    const name = componentSchemaName(ref);
    if (name !== undefined) {
      const type: TypeNode = this.componentExists(name) ? { kind: 'ref', target: name } : UNKNOWN;
      this.componentRefs.set(ref, type);
      return type;
    }
    const target = canonicalRef(ref);
    if (target === undefined) return UNKNOWN;
    const pointer = pointerText(at);
    if (this.isCycle(target, pointer) || this.expansions >= MAX_INLINE_EXPANSIONS) return UNKNOWN;
    const schema = lookupLocalRef(this.ctx.document, ref);
    if (schema === undefined) return UNKNOWN;
    this.expansions++;
    this.refSites.push(pointer);
    try {
      return this.convert(schema, target);
    } finally {
      this.refSites.pop();
    }
  }

  private componentExists(name: string): boolean {
    const components = keyword(this.ctx.document, 'components');
    const schemas = isSchemaObject(components) ? keyword(components, 'schemas') : undefined;
    return isSchemaObject(schemas) && hasKeyword(schemas, name);
  }

  /** Expanding `target` loops when we are already inside it: it is, or contains, a site being expanded. */
  private isCycle(target: string, pointer: string): boolean {
    const inside = (site: string) => site === target || site.startsWith(target + '/');
    return inside(pointer) || this.refSites.some(inside);
  }

  /** A schema without `$ref`: its own type, intersected with allOf members and oneOf/anyOf unions. */
  private plain(schema: SchemaObject, pointer: SchemaAt, keys: SchemaKeys): TypeNode {
    const { hasConst, values, type, allOf, oneOf, anyOf } = keys;
    const own = this.ownType(schema, pointer, hasConst, values, type);
    const parts: TypeNode[] = own === undefined ? [] : [own];
    if (Array.isArray(allOf)) parts.push(...allOf.map((s, i) => this.convert(s, childAt(pointer, 'allOf', i))));
    if (Array.isArray(oneOf)) parts.push(this.variants(schema, oneOf, 'oneOf', pointer));
    if (Array.isArray(anyOf)) parts.push(this.variants(schema, anyOf, 'anyOf', pointer));
    return parts.length === 0 ? UNKNOWN : intersection(parts);
  }

  private variants(schema: SchemaObject, variants: unknown[], combinator: 'oneOf' | 'anyOf', pointer: SchemaAt): TypeNode {
    const members = variants.map((s, i) => this.convert(s, childAt(pointer, combinator, i)));
    return union(discriminate(schema, variants, members));
  }

  /** What `const`, `enum` or `type` (stated or inferred) say; undefined when the schema says none of it. */
  private ownType(schema: SchemaObject, pointer: SchemaAt, hasConst: boolean, values: unknown, type: unknown): TypeNode | undefined {
    if (hasConst) return literalOf(keyword(schema, 'const'));
    // An empty enum admits nothing; reading it as a mistake (no constraint) is kinder than `never`.
    if (Array.isArray(values) && values.length > 0) return enumType(values);
    // most schemas state one type: no list of names to build (union() still settles the one member)
    if (typeof type === 'string') return union([this.typeNamed(type, schema, pointer)]);
    const names = typeNames(schema, type);
    if (names.length === 0) return undefined;
    return union(names.map((name) => this.typeNamed(name, schema, pointer)));
  }

  private typeNamed(name: string, schema: SchemaObject, pointer: SchemaAt): TypeNode {
    if (name === 'string') return stringType(schema);
    if (name === 'array') return arrayType(schema, pointer, this.convert);
    if (name === 'object') return objectType(schema, pointer, this.convert);
    return Object.prototype.hasOwnProperty.call(TYPE_NAMES, name) ? TYPE_NAMES[name] : UNKNOWN;
  }
}

/** The keywords the converter branches on. */
interface SchemaKeys {
  ref: unknown;
  nullable: unknown;
  hasConst: boolean;
  values: unknown;
  type: unknown;
  allOf: unknown;
  oneOf: unknown;
  anyOf: unknown;
}

/**
 * The keywords the converter branches on, read in one pass over the keys the schema has instead
 * of a lookup for each (this runs for every schema node of a document, and most lookups would
 * miss). for-in also yields inherited keys, which keyword() ignores.
 */
function readKeys(schema: SchemaObject): SchemaKeys {
  const keys: SchemaKeys = { ref: undefined, nullable: undefined, hasConst: false, values: undefined, type: undefined, allOf: undefined, oneOf: undefined, anyOf: undefined };
  for (const key in schema) {
    switch (key) {
      case '$ref':
        keys.ref = keyword(schema, key);
        break;
      case 'nullable':
        keys.nullable = keyword(schema, key);
        break;
      case 'const':
        keys.hasConst = hasKeyword(schema, key);
        break;
      case 'enum':
        keys.values = keyword(schema, key);
        break;
      case 'type':
        keys.type = keyword(schema, key);
        break;
      case 'allOf':
        keys.allOf = keyword(schema, key);
        break;
      case 'oneOf':
        keys.oneOf = keyword(schema, key);
        break;
      case 'anyOf':
        keys.anyOf = keyword(schema, key);
        break;
    }
  }
  return keys;
}

/** A `type` list (a single name is ownType's); when absent, inferred from the keywords only one type can have. */
function typeNames(schema: SchemaObject, type: unknown): string[] {
  const listed = stringList(type);
  if (listed.length > 0) return listed;
  if (['properties', 'additionalProperties', 'patternProperties'].some((k) => hasKeyword(schema, k))) return ['object'];
  if (hasKeyword(schema, 'items') || hasKeyword(schema, 'prefixItems')) return ['array'];
  if (keyword(schema, 'format') === 'binary' || hasKeyword(schema, 'contentMediaType')) return ['string'];
  return [];
}
