import type { OperationModel } from '../model/index.js';
import { camelCase, toIdentifier } from './identifiers.js';
import { NameRegistry } from './name-registry.js';
import { RESERVED_METHODS } from './reserved.js';

/**
 * A method name per operation, in model order: operationId in camelCase, else derived from method
 * and path (`get /pets/{petId}` → `getPetsByPetId`). Collisions take numeric suffixes in spec order.
 */
export function planMethodNames(operations: readonly OperationModel[]): string[] {
  const registry = new NameRegistry(RESERVED_METHODS);
  return operations.map((op) => registry.claim(toIdentifier(op.operationId ?? derivedName(op), 'camel', op.method, notReserved)));
}

/** Method names may be keywords (`client.delete()`); only RESERVED_METHODS are off limits. */
const notReserved = (): boolean => false;

function derivedName(op: OperationModel): string {
  const path = op.path.replace(/\{([^}]*)\}/g, (_, name: string) => ` by ${camelCase(name) || 'param'} `);
  return `${op.method} ${path}`;
}
