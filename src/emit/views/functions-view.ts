import { FUNCTION_MAKERS, SEND, SPECS_NAMESPACE, type Plan } from '../../plan/index.js';
import { runtimeStatements } from '../runtime-imports.js';
import type { RuntimeSources } from '../runtime-files.js';
import { methodView } from './method-signature.js';
import { operationSpecName } from './operations-view.js';
import { namespacedTypeRefs } from './type-refs.js';

type MakerShape = keyof typeof FUNCTION_MAKERS;

/**
 * What templates/functions.ts.hbs inserts: one function per operation, taking the client first,
 * with its method's parameters and result. Each is a constant made by one of three makers (one
 * per parameter shape) from its argument and result types, so tsc checks no signature and no body
 * per operation, nor their doc comments (it parses a function's JSDoc to match `@param` tags). Each
 * names its own operation spec, so a bundler keeps only the specs of the functions an app imports.
 */
export interface FunctionsView {
  coreName: string;
  /** client.ts's send function, which the makers' functions call. */
  sendName: string;
  specsNamespace: string;
  runtimeImports: string[];
  /** `import type * as T from './types.js';` when a signature names a schema type, else ''. */
  typesImport: string;
  /** The makers the functions use (an unused one would be an unused local), by shape. */
  makers: { [S in MakerShape]?: string };
  /**
   * `typeArgs`: the maker's type arguments, `T.GetPetArgs, T.Pet` (the result alone for options
   * only). None: the template imports nothing from client.ts and operations.ts either.
   */
  functions: Array<{ doc: string; name: string; maker: string; typeArgs: string; specName: string }>;
}

export function functionsView(plan: Plan, runtime: RuntimeSources): FunctionsView {
  const { refs, used: usesTypes } = namespacedTypeRefs(plan);
  const makers: FunctionsView['makers'] = {};
  const functions = plan.operations.map((op) => {
    const method = methodView(op, refs, plan.schemes.length, '');
    const shape: MakerShape = op.argsType === undefined ? 'optionsOnly' : op.args.every((a) => !a.required) ? 'optional' : 'required';
    makers[shape] = FUNCTION_MAKERS[shape];
    const typeArgs = op.argsType === undefined ? method.result : `${refs.declared(op.argsType)}, ${method.result}`;
    return { doc: method.doc, name: op.functionName, maker: FUNCTION_MAKERS[shape], typeArgs, specName: operationSpecName(op) };
  });
  return {
    coreName: plan.coreName,
    sendName: SEND,
    specsNamespace: SPECS_NAMESPACE,
    runtimeImports: runtimeStatements(runtime, plan.modules['functions.ts'].runtimeImports, 'import'),
    typesImport: usesTypes() ? "import type * as T from './types.js';" : '',
    makers,
    functions,
  };
}
