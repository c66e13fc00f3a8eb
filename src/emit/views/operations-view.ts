import type { Plan } from '../../plan/index.js';
import { propertyKey } from '../escape.js';
import { toLiteral } from '../literal.js';
import { runtimeStatements } from '../runtime-imports.js';
import type { RuntimeSources } from '../runtime-files.js';
import { operationSpec } from './operation-spec.js';

/** What templates/operations.ts.hbs inserts: the operation table. */
export interface OperationsView {
  runtimeImports: string[];
  operations: Array<{ key: string; spec: string }>;
}

export function operationsView(plan: Plan, runtime: RuntimeSources): OperationsView {
  return {
    runtimeImports: runtimeStatements(runtime, plan.modules['operations.ts'].runtimeImports, 'import'),
    operations: plan.operations.map((op) => ({ key: propertyKey(op.methodName), spec: toLiteral(operationSpec(op), '  ') })),
  };
}
