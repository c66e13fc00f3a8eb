import type { TypeNode } from '../../model/index.js';
import { keyword, type Convert, type SchemaObject } from './keywords.js';
import { childAt, type SchemaAt } from './schema-at.js';
import { UNKNOWN } from './simplify.js';

/**
 * `items` → `T[]`; 3.1 `prefixItems` (or a draft-4 style `items` array) → a tuple whose rest comes
 * from `items` / `additionalItems`. Fixed elements are emitted as required: `minItems` is ignored.
 */
export function arrayType(schema: SchemaObject, pointer: SchemaAt, convert: Convert): TypeNode {
  const prefixItems = keyword(schema, 'prefixItems');
  const items = keyword(schema, 'items');
  if (Array.isArray(prefixItems)) return tupleType(schema, pointer, prefixItems, 'prefixItems', items, 'items', convert);
  if (Array.isArray(items)) {
    return tupleType(schema, pointer, items, 'items', keyword(schema, 'additionalItems'), 'additionalItems', convert);
  }
  const element = items === undefined ? UNKNOWN : convert(items, childAt(pointer, 'items'));
  return { kind: 'array', items: element };
}

function tupleType(
  schema: SchemaObject,
  pointer: SchemaAt,
  fixed: unknown[],
  fixedKeyword: string,
  rest: unknown,
  restKeyword: string,
  convert: Convert,
): TypeNode {
  const items = fixed.map((item, i) => convert(item, childAt(pointer, fixedKeyword, i)));
  const closed = rest === false || keyword(schema, 'maxItems') === fixed.length;
  if (closed) return { kind: 'tuple', items };
  const restType = rest === undefined ? UNKNOWN : convert(rest, childAt(pointer, restKeyword));
  if (restType.kind === 'primitive' && restType.name === 'never') return { kind: 'tuple', items };
  return { kind: 'tuple', items, rest: restType };
}
