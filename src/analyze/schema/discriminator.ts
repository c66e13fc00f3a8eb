import type { TypeNode } from '../../model/index.js';
import { canonicalRef, componentSchemaName } from '../../json/json-pointer.js';
import { isSchemaObject, keyword, type SchemaObject } from './keywords.js';
import { intersection, literalNode, union } from './simplify.js';

/**
 * With `discriminator.propertyName`, each `$ref` member of a oneOf/anyOf gets that property narrowed
 * to its tag(s): `(Cat & { petType: "cat" }) | (Dog & { petType: "dog" })`, so a `switch` on the tag
 * narrows the union. Tags come from `mapping` (every key that points at the member), else the
 * component name. Inline members have no name to derive a tag from and are left as they are.
 */
export function discriminate(schema: SchemaObject, variants: readonly unknown[], members: TypeNode[]): TypeNode[] {
  const discriminator = keyword(schema, 'discriminator');
  if (!isSchemaObject(discriminator)) return members;
  const propertyName = keyword(discriminator, 'propertyName');
  if (typeof propertyName !== 'string' || propertyName === '') return members;
  const tagsByTarget = mappingTags(keyword(discriminator, 'mapping'));
  return members.map((member, i) => {
    const target = refTarget(variants[i]);
    if (target === undefined) return member;
    const tags = tagsByTarget.get(target.key) ?? (target.name === undefined ? [] : [target.name]);
    if (tags.length === 0) return member;
    const tag: TypeNode = union(tags.map((t) => literalNode(t)));
    return intersection([member, { kind: 'object', properties: [{ name: propertyName, type: tag, required: true }] }]);
  });
}

interface RefTarget {
  /** What mapping values are matched against: the component name, or the canonical pointer. */
  key: string;
  /** The component name, when the ref is to one. */
  name?: string;
}

function refTarget(variant: unknown): RefTarget | undefined {
  if (!isSchemaObject(variant)) return undefined;
  const ref = keyword(variant, '$ref');
  if (typeof ref !== 'string') return undefined;
  const name = componentSchemaName(ref);
  if (name !== undefined) return { key: 'name:' + name, name };
  const pointer = canonicalRef(ref);
  return pointer === undefined ? undefined : { key: 'pointer:' + pointer };
}

/** Mapping values are either refs (`#/components/schemas/Cat`) or bare component names (`Cat`). */
function mappingTags(mapping: unknown): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  if (!isSchemaObject(mapping)) return tags;
  for (const tag of Object.keys(mapping)) {
    const value = mapping[tag];
    if (typeof value !== 'string') continue;
    const target = value.startsWith('#') ? refTarget({ $ref: value }) : { key: 'name:' + value };
    if (target === undefined) continue;
    const list = tags.get(target.key);
    if (list === undefined) tags.set(target.key, [tag]);
    else list.push(tag);
  }
  return tags;
}
