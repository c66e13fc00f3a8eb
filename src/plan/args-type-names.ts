import { isReservedWord, toIdentifier } from './identifiers.js';
import { NameRegistry } from './name-registry.js';
import { TYPES_MODULE_GLOBALS } from './reserved.js';

/**
 * The exported type of each operation's argument object (`reposGet` → `ReposGetArgs`), in model
 * order; undefined for an operation that takes no arguments. The method and the standalone
 * function both name it, so tsc reads each argument list (and its property docs) once, not twice.
 * These types sit in types.ts beside the schema types and leave index.ts beside them, so they claim
 * from the same names after every schema: a schema keeps its name, an argument type steps aside
 * (`ReposGetArgs2`). `taken`: index.ts's other exports and the schema type names.
 */
export function planArgsTypeNames(operations: ReadonlyArray<{ methodName: string; args: readonly unknown[] }>, taken: Iterable<string>): Array<string | undefined> {
  const registry = new NameRegistry([...taken, ...TYPES_MODULE_GLOBALS]);
  return operations.map((op) => (op.args.length ? registry.claim(toIdentifier(`${op.methodName} args`, 'pascal', 'Args', isReservedWord)) : undefined));
}
