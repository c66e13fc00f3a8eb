import { isReserved } from './identifiers.js';
import { NameRegistry } from './name-registry.js';

/**
 * A standalone function name per operation, in model order: its method name, with `_` after a
 * keyword or global (`delete` → `delete_`), stepping aside (numeric suffix) from every other name
 * the entry exports, since index.ts re-exports the functions beside the client and the types.
 */
export function planFunctionNames(methodNames: readonly string[], otherExports: Iterable<string>): string[] {
  const registry = new NameRegistry(otherExports);
  return methodNames.map((name) => registry.claim(isReserved(name) ? `${name}_` : name));
}
