import { literal, propertyKey } from './escape.js';

/**
 * Plain data that can be written as a TypeScript literal: strings, finite numbers, booleans, null,
 * arrays and plain objects (undefined members are left out). Producers type it with the runtime's
 * own types (`satisfies SchemeSpec`, `OperationSpec`), which are interfaces, hence `object` here.
 */
export type LiteralValue = string | number | boolean | null | readonly LiteralValue[] | object;

const INLINE_WIDTH = 100;

/**
 * Writes plain data as a TypeScript literal: keys through `propertyKey`, strings through
 * `stringLiteral`, so spec text can never end the literal. Short values stay on one line; longer
 * ones are spread one entry per line. Undefined object members are left out.
 */
export function toLiteral(value: LiteralValue, indent = ''): string {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return literal(value);
  if (typeof value !== 'object') throw new Error(`internal: ${typeof value} is not plain data`);
  const inner = indent + '  ';
  const entries = Array.isArray(value)
    ? (value as readonly LiteralValue[]).map((v) => toLiteral(v, inner))
    : Object.entries(value)
        .filter((e): e is [string, LiteralValue] => e[1] !== undefined)
        .map(([k, v]) => `${propertyKey(k)}: ${toLiteral(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (entries.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const flat = `${open}${entries.join(', ')}${close}`;
  if (flat.length <= INLINE_WIDTH && !flat.includes('\n')) return flat;
  return `${open.trim()}\n${entries.map((e) => `${inner}${e},`).join('\n')}\n${indent}${close.trim()}`;
}
