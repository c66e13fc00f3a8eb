import type { LiteralNode, PrimitiveName, PrimitiveNode, TypeNode } from '../../model/index.js';

/**
 * Smart constructors for the type tree. Every union and intersection the converter builds goes
 * through them, so the tree stays flat, duplicate-free and as small as the schema allows.
 */

const PRIMITIVES = new Map<PrimitiveName, PrimitiveNode>();

export function primitive(name: PrimitiveName): PrimitiveNode {
  let node = PRIMITIVES.get(name);
  if (node === undefined) {
    node = Object.freeze({ kind: 'primitive', name }) as PrimitiveNode;
    PRIMITIVES.set(name, node);
  }
  return node;
}

export const UNKNOWN = primitive('unknown');
export const NEVER = primitive('never');

export function literalNode(value: string | number | boolean | null): LiteralNode {
  return { kind: 'literal', value };
}

function isOpenObject(node: TypeNode): boolean {
  return node.kind === 'object' && node.properties.length === 0 && node.additional === true;
}

const KEYS = new WeakMap<TypeNode, string>();

/** A canonical string for structural equality; cached so nested unions stay linear. */
export function nodeKey(node: TypeNode): string {
  const cached = KEYS.get(node);
  if (cached !== undefined) return cached;
  const key = computeKey(node);
  KEYS.set(node, key);
  return key;
}

function computeKey(node: TypeNode): string {
  switch (node.kind) {
    case 'primitive':
      return node.name;
    case 'literal':
      return 'L' + JSON.stringify(node.value);
    case 'ref':
      return 'R' + JSON.stringify(node.target);
    case 'array':
      return `A(${nodeKey(node.items)})`;
    case 'tuple':
      return `T(${node.items.map(nodeKey).join(',')}${node.rest ? ';' + nodeKey(node.rest) : ''})`;
    case 'union':
      return `U(${node.members.map(nodeKey).join('|')})`;
    case 'intersection':
      return `I(${node.members.map(nodeKey).join('&')})`;
    case 'object': {
      const props = node.properties.map((p) =>
        JSON.stringify([p.name, p.required, p.readOnly, p.writeOnly, p.deprecated, p.description]) + ':' + nodeKey(p.type),
      );
      const extra = node.additional === undefined ? '' : node.additional === true ? ';*' : ';' + nodeKey(node.additional);
      return `O(${props.join(',')}${extra})`;
    }
  }
}

/** The members, with those of nested unions (or intersections) lifted into the list. A loop: `flatMap` is several times slower here. */
function flatten(members: readonly TypeNode[], kind: 'union' | 'intersection'): TypeNode[] {
  const flat: TypeNode[] = [];
  for (const member of members) {
    if (member.kind === kind) for (const inner of member.members) flat.push(inner);
    else flat.push(member);
  }
  return flat;
}

/**
 * The kinds that occur more than once among `members`: only members of such a kind can be
 * duplicates, so only they need a structural key. Most unions are `X | null` or a few different
 * kinds, and keying an inline object means serializing all of it (descriptions included).
 */
function repeatedKinds(members: readonly TypeNode[]): Set<TypeNode['kind']> {
  const once = new Set<TypeNode['kind']>();
  const repeated = new Set<TypeNode['kind']>();
  for (const member of members) {
    if (once.has(member.kind)) repeated.add(member.kind);
    else once.add(member.kind);
  }
  return repeated;
}

/**
 * The members that may equal another member: those of a repeated kind whose shallow signature
 * (below) another member shares. Only they need a structural key, and keying an inline object
 * serializes all of it: on GitHub's API ~18,000 keys, most for members with nothing alike.
 */
function possibleDuplicates(members: readonly TypeNode[], repeated: ReadonlySet<TypeNode['kind']>): Set<TypeNode> {
  const signatures = new Map<string, TypeNode[]>();
  const possible = new Set<TypeNode>();
  for (const member of members) {
    if (!repeated.has(member.kind)) continue;
    const signature = shallowSignature(member);
    const alike = signatures.get(signature);
    if (alike === undefined) signatures.set(signature, [member]);
    else {
      alike.push(member);
      for (const node of alike) possible.add(node);
    }
  }
  return possible;
}

/**
 * A cheap necessary condition for two nodes' keys (nodeKey) to be equal: equal keys mean equal
 * signatures, so members with different signatures are different types.
 */
function shallowSignature(node: TypeNode): string {
  switch (node.kind) {
    case 'primitive':
      return node.name;
    case 'literal':
      // enums make most unions of literals (~11,000 on GitHub's API), nearly all different: no key for them
      return String(node.value);
    case 'ref':
      return node.target;
    case 'array':
      return 'A' + node.items.kind;
    case 'tuple':
      return `T${node.items.length}${node.rest ? '+' : ''}`;
    case 'union':
    case 'intersection':
      return `${node.kind}${node.members.length}`;
    case 'object': {
      const extra = node.additional === undefined ? '' : node.additional === true ? '*' : node.additional.kind;
      return `O${node.properties.length}:${extra}:${node.properties[0]?.name ?? ''}`;
    }
  }
}

/** Flattens, drops `never`, lets `unknown` absorb everything, lets a primitive absorb its literals, dedupes. */
export function union(members: readonly TypeNode[]): TypeNode {
  // most calls (GitHub's API: 40,000 of 47,000) wrap a single type: the rules below then keep it as it is
  if (members.length === 1 && members[0]!.kind !== 'union') return alone(members[0]!);
  const flat = flatten(members, 'union');
  const present = new Set<string>();
  for (const member of flat) {
    if (member.kind === 'primitive') present.add(member.name);
  }
  if (present.has('unknown')) return UNKNOWN;
  const repeated = possibleDuplicates(flat, repeatedKinds(flat));
  const seen = new Set<string>();
  const kept: TypeNode[] = [];
  for (const member of flat) {
    if (member.kind === 'primitive' && member.name === 'never') continue;
    if (member.kind === 'literal' && member.value !== null && present.has(typeof member.value)) continue;
    if (repeated.has(member)) {
      const key = nodeKey(member);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    kept.push(member);
  }
  if (kept.length === 0) return NEVER;
  if (kept.length === 1) return kept[0];
  return { kind: 'union', members: kept };
}

/**
 * Flattens, drops `unknown`, collapses to `never` when any member is `never`, dedupes. A bare
 * `Record<string, unknown>` member (from `type: object` beside `allOf`/`oneOf`) says nothing the
 * other members do not, so it is dropped when anything else is left.
 */
export function intersection(members: readonly TypeNode[]): TypeNode {
  if (members.length === 1 && members[0]!.kind !== 'intersection') return alone(members[0]!);
  const flat = flatten(members, 'intersection');
  const repeated = possibleDuplicates(flat, repeatedKinds(flat));
  const seen = new Set<string>();
  const kept: TypeNode[] = [];
  for (const member of flat) {
    if (member.kind === 'primitive' && member.name === 'never') return NEVER;
    if (member.kind === 'primitive' && member.name === 'unknown') continue;
    if (repeated.has(member)) {
      const key = nodeKey(member);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    kept.push(member);
  }
  const meaningful = kept.length > 1 ? kept.filter((m) => !isOpenObject(m)) : kept;
  const result = meaningful.length === 0 ? kept : meaningful;
  if (result.length === 0) return UNKNOWN;
  if (result.length === 1) return result[0];
  return { kind: 'intersection', members: result };
}

/** A union or intersection of one member that is neither: the member, `unknown` and `never` as their shared nodes. */
function alone(member: TypeNode): TypeNode {
  if (member.kind !== 'primitive') return member;
  if (member.name === 'unknown') return UNKNOWN;
  if (member.name === 'never') return NEVER;
  return member;
}
