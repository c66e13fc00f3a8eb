import { SEND, SPECS_NAMESPACE, type Plan } from '../../plan/index.js';
import { runtimeStatements } from '../runtime-imports.js';
import type { RuntimeSources } from '../runtime-files.js';
import { methodView } from './client-view.js';
import { operationSpecName } from './operations-view.js';
import { namespacedTypeRefs } from './type-refs.js';

/**
 * What templates/functions.ts.hbs inserts: one function per operation, taking the client first,
 * with its method's parameters and result. Each names its own operation spec, so a bundler keeps
 * only the specs of the functions an app imports. The signatures are written out, not derived
 * (`Parameters<Client['m']>` costs tsc twice the types and instantiations on GitHub's API).
 */
export interface FunctionsView {
  coreName: string;
  /** client.ts's send function, which every function's body calls (cheap to check: no inference from the arguments). */
  sendName: string;
  specsNamespace: string;
  runtimeImports: string[];
  /** `import type * as T from './types.js';` when a signature names a schema type, else ''. */
  typesImport: string;
  functions: Array<{ doc: string; name: string; params: string; result: string; specName: string; args: string }>;
}

export function functionsView(plan: Plan, runtime: RuntimeSources): FunctionsView {
  const { refs, used: usesTypes } = namespacedTypeRefs(plan);
  const functions = plan.operations.map((op) => {
    const method = methodView(op, refs, plan.schemes.length, '');
    return { doc: method.doc, name: op.functionName, params: method.params, result: method.result, specName: operationSpecName(op), args: method.args };
  });
  return {
    coreName: plan.coreName,
    sendName: SEND,
    specsNamespace: SPECS_NAMESPACE,
    runtimeImports: runtimeStatements(runtime, plan.modules['functions.ts'].runtimeImports, 'import'),
    typesImport: usesTypes() ? "import type * as T from './types.js';" : '',
    functions,
  };
}
