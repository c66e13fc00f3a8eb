import type { PlannedOperation } from '../../plan/index.js';
import { docBlock, docBody } from '../escape.js';
import { typeToText } from '../type-text.js';
import { describeOperationAuth } from './describe-security.js';
import type { TypeRefs } from './type-refs.js';

// An operation's signature and doc, as methods.ts declares its method and functions.ts its function.

/** The doc comment's lines for an operation's method and its standalone function. */
function operationDocLines(op: PlannedOperation, declaredSchemes: number): Array<string | undefined> {
  const model = op.model;
  return [
    model.summary,
    model.description,
    `\`${model.method.toUpperCase()} ${model.path}\``,
    filledInDoc(model.parameters),
    `Auth: ${describeOperationAuth(model.security, declaredSchemes)}.`,
    model.deprecated ? '@deprecated' : undefined,
  ];
}

/**
 * An operation's doc text, built once: the method (methods.ts) and the function (functions.ts) carry
 * the same doc at different indents. Keyed by the planned operation, so it lives as long as the plan.
 */
function operationDocBody(op: PlannedOperation, declaredSchemes: number): string | undefined {
  let cached = OPERATION_DOCS.get(op);
  if (cached === undefined || cached.declaredSchemes !== declaredSchemes) {
    cached = { declaredSchemes, body: docBody(operationDocLines(op, declaredSchemes)) };
    OPERATION_DOCS.set(op, cached);
  }
  return cached.body;
}

const OPERATION_DOCS = new WeakMap<PlannedOperation, { declaredSchemes: number; body: string | undefined }>();

/**
 * A method's doc, parameters and result type; `indent`: '  ' in methods.ts's interface, '' for functions.ts.
 * The arguments are the operation's named type (see argsTypesView), optional when every one is.
 */
export function methodView(op: PlannedOperation, refs: TypeRefs, declaredSchemes: number, indent = '  ') {
  const doc = docBlock(operationDocBody(op, declaredSchemes), indent);
  const result = op.result ? typeToText(op.result, refs, indent) : 'undefined';
  let params = 'options?: RequestOptions';
  let args = 'undefined';
  if (op.argsType !== undefined) {
    const optional = op.args.every((a) => !a.required) ? '?' : '';
    params = `args${optional}: ${refs.declared(op.argsType)}, options?: RequestOptions`;
    args = 'args';
  }
  return { doc, name: op.methodName, params, result, args };
}

/** The parameters the client sends without asking (`Action=AssumeRole`, `?acl`), for the method's doc; undefined when none. */
function filledInDoc(parameters: PlannedOperation['model']['parameters']): string | undefined {
  const sent = parameters.flatMap((p) => {
    if (p.fixed === undefined) return [];
    if ('flag' in p.fixed) return [`\`?${p.name}\``];
    return [`\`${p.name}${p.in === 'header' ? ': ' : '='}${String(p.fixed.value)}\``];
  });
  return sent.length ? `Sends ${sent.join(', ')} itself.` : undefined;
}
