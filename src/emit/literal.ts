import { literal, propertyKey } from './escape.js';

/**
 * Plain data that can be written as a TypeScript literal: strings, finite numbers, booleans, null,
 * arrays and plain objects (undefined members are left out), and RuntimeRefs. Producers type it
 * with the runtime's own types (`satisfies SchemeSpec`), which are interfaces, hence `object` here.
 */
export type LiteralValue = string | number | boolean | null | readonly LiteralValue[] | object;

/**
 * A runtime export named in a literal (the serializer an operation spec's parameter needs), written
 * as the bare identifier; the view that writes the literal imports it.
 */
export class RuntimeRef {
  constructor(readonly name: string) {}
}

const INLINE_WIDTH = 100;

/**
 * Writes plain data as a TypeScript literal: keys through `propertyKey`, strings through
 * `stringLiteral`, so spec text can never end the literal. Short values stay on one line; longer
 * ones are spread one entry per line. Undefined object members are left out.
 */
export function toLiteral(value: LiteralValue, indent = ''): string {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return literal(value);
  if (typeof value !== 'object') throw new Error(`internal: ${typeof value} is not plain data`);
  if (value instanceof RuntimeRef) return value.name;
  const inner = indent + '  ';
  // loops, not entries/filter/map: the operations table writes thousands of these
  const entries: string[] = [];
  const isArray = Array.isArray(value);
  if (isArray) {
    for (const item of value as readonly LiteralValue[]) entries.push(toLiteral(item, inner));
  } else {
    const record = value as Record<string, LiteralValue | undefined>;
    for (const key of Object.keys(record)) {
      const member = record[key];
      if (member !== undefined) entries.push(`${propertyKey(key)}: ${toLiteral(member, inner)}`);
    }
  }
  if (entries.length === 0) return isArray ? '[]' : '{}';
  // The one-line form's length, counted before any of it is built: each level of a nested literal
  // otherwise joined its entries and searched the result for a line break, copying the text below it
  // once per level. No search is needed: strings and keys never hold a raw line break (escaped), and
  // an entry spread over lines is longer than INLINE_WIDTH (its one-line form was), so its parent is too.
  let flatLength = isArray ? 2 * entries.length : 2 * entries.length + 2;
  for (const entry of entries) flatLength += entry.length;
  if (flatLength <= INLINE_WIDTH) return isArray ? `[${entries.join(', ')}]` : `{ ${entries.join(', ')} }`;
  return `${isArray ? '[' : '{'}\n${inner}${entries.join(`,\n${inner}`)},\n${indent}${isArray ? ']' : '}'}`;
}
