import type { Plan, PlannedOperation } from '../../plan/index.js';
import { propertyKey } from '../escape.js';
import { toLiteral } from '../literal.js';
import { runtimeStatements } from '../runtime-imports.js';
import type { RuntimeSources } from '../runtime-files.js';
import { operationSpec } from './operation-spec.js';
import { coreServers, serverOperations } from './servers-view.js';

/** What templates/operations.ts.hbs inserts: one spec constant per operation, and the table of them all. */
export interface OperationsView {
  runtimeImports: string[];
  operations: Array<{ name: string; key: string; spec: string }>;
}

/**
 * The exported constant holding an operation's spec: its method name and `Spec`, an identifier
 * even for a keyword method (`deleteSpec`), unique as the method names are, and never one of the
 * module's other names (`operations`, `OperationSpec`).
 */
export function operationSpecName(op: PlannedOperation): string {
  return `${op.methodName}Spec`;
}

export function operationsView(plan: Plan, runtime: RuntimeSources): OperationsView {
  // What a Core without baseUrl sends each operation with a server of its own to.
  const { operationUrls } = coreServers(plan.model, serverOperations(plan), plan.serverUrlName);
  return {
    runtimeImports: runtimeStatements(runtime, plan.modules['operations.ts'].runtimeImports, 'import'),
    operations: plan.operations.map((op) => ({ name: operationSpecName(op), key: propertyKey(op.methodName), spec: toLiteral(operationSpec(op, operationUrls.get(op.methodName))) })),
  };
}
