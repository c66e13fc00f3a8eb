import type { TypeNode } from '../../model/index.js';
import { keyword, type SchemaObject } from './keywords.js';
import { literalNode, primitive, union, UNKNOWN } from './simplify.js';

/** JSON values that TypeScript can spell as a literal type; objects and arrays cannot. */
export function literalOf(value: unknown): TypeNode {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return literalNode(value);
  if (typeof value === 'number') return Number.isFinite(value) ? literalNode(value) : primitive('number');
  return UNKNOWN;
}

/** `enum` → union of literals; one pass with hashed dedupe, so enums of thousands stay linear. */
export function enumType(values: readonly unknown[]): TypeNode {
  return union(values.map(literalOf));
}

// Media types whose content is text, so a string schema carrying them is still a JS string.
const TEXT_MEDIA = /^text\/|[/+](json|xml|yaml|x-yaml|javascript|x-www-form-urlencoded)\b/i;

/**
 * `format: binary` (3.0) or a `contentMediaType` of non-text content without a `contentEncoding`
 * (3.1) means raw bytes, which the client sends and receives as a Blob. Base64 and friends stay strings.
 */
export function isBinaryString(schema: SchemaObject): boolean {
  if (keyword(schema, 'format') === 'binary') return true;
  const media = keyword(schema, 'contentMediaType');
  if (typeof media !== 'string' || keyword(schema, 'contentEncoding') !== undefined) return false;
  return !TEXT_MEDIA.test(media);
}

export function stringType(schema: SchemaObject): TypeNode {
  return primitive(isBinaryString(schema) ? 'Blob' : 'string');
}
