import type { NamedType } from '../model/index.js';
import { isReservedWord, toIdentifier } from './identifiers.js';
import { NameRegistry } from './name-registry.js';
import { TYPES_MODULE_GLOBALS } from './reserved.js';

/**
 * An identifier per named schema type, in model order. Type names meet other names only in
 * types.ts (which refers to a few globals) and in index.ts's exports (`export type *` beside the
 * client and runtime names): the client reaches them through its `T.` namespace. `indexExports`
 * are index.ts's other exports.
 */
export function planTypeNames(types: readonly NamedType[], indexExports: Iterable<string>): Map<string, string> {
  const registry = new NameRegistry([...indexExports, ...TYPES_MODULE_GLOBALS]);
  const names = new Map<string, string>();
  for (const t of types) names.set(t.key, registry.claim(toIdentifier(t.key, 'pascal', 'Schema', isReservedWord)));
  return names;
}
