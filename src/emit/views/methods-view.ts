import { METHODS, type Plan } from '../../plan/index.js';
import { runtimeStatements } from '../runtime-imports.js';
import type { RuntimeSources } from '../runtime-files.js';
import { methodView } from './method-signature.js';
import { namespacedTypeRefs } from './type-refs.js';

/**
 * What templates/methods.ts.hbs inserts: the interface of the client's methods, apart from
 * client.ts so that it can skip type checking (`// @ts-nocheck`) while client.ts's code is checked.
 * The methods' argument and result types are types.ts's (checked there); a call checks the
 * signature it uses. GitHub's 1,223 method signatures were a tenth of its client's check time.
 */
export interface MethodsView {
  clientName: string;
  methodsName: string;
  /** ApiPromise and RequestOptions (none when there is no method to declare: see outputModules). */
  runtimeImports: string[];
  /** `import type * as T from './types.js';` when a signature names a schema type, else ''. */
  typesImport: string;
  methods: Array<{ doc: string; name: string; params: string; result: string }>;
}

export function methodsView(plan: Plan, runtime: RuntimeSources): MethodsView {
  const { refs, used: usesTypes } = namespacedTypeRefs(plan);
  const methods = plan.operations.map((op) => methodView(op, refs, plan.schemes.length));
  return {
    clientName: plan.clientName,
    methodsName: METHODS,
    runtimeImports: runtimeStatements(runtime, plan.modules['methods.ts'].runtimeImports, 'import'),
    typesImport: usesTypes() ? "import type * as T from './types.js';" : '',
    methods,
  };
}
