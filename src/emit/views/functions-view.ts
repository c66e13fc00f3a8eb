import { CORE_ACCESSOR, SPECS_NAMESPACE, type Plan } from '../../plan/index.js';
import { docComment, stringLiteral } from '../escape.js';
import { operationDocLines } from './client-view.js';
import { operationSpecName } from './operations-view.js';

/**
 * What templates/functions.ts.hbs inserts: one function per operation, taking the client first.
 * Each names its own operation spec, so a bundler keeps only the specs of the functions an app
 * imports; the signature is the method's (`Parameters<Client['m']>`), not a second copy of its types.
 */
export interface FunctionsView {
  clientName: string;
  coreName: string;
  coreAccessor: string;
  specsNamespace: string;
  functions: Array<{ doc: string; name: string; methodKey: string; specName: string; args: string; options: string }>;
}

export function functionsView(plan: Plan): FunctionsView {
  const declared = plan.schemes.length;
  return {
    clientName: plan.clientName,
    coreName: plan.coreName,
    coreAccessor: CORE_ACCESSOR,
    specsNamespace: SPECS_NAMESPACE,
    functions: plan.operations.map((op) => {
      const takesArgs = op.args.length > 0;
      return {
        doc: docComment(operationDocLines(op, declared)),
        name: op.functionName,
        methodKey: stringLiteral(op.methodName),
        specName: operationSpecName(op),
        args: takesArgs ? 'call[0]' : 'undefined',
        options: takesArgs ? 'call[1]' : 'call[0]',
      };
    }),
  };
}
