import type { TypeNode } from '../../model/index.js';
import type { Plan, PlannedOperation } from '../../plan/index.js';
import { docComment } from '../escape.js';
import { typeToText } from '../type-text.js';
import { typeNameOf } from './type-refs.js';

/**
 * types.ts's declaration of each operation's argument object, which its method and its standalone
 * function both name. Written once, with each property's doc, instead of inline on both: tsc
 * parsed and checked every argument list and its docs twice (most of GitHub's type-check time).
 * A type alias, not an interface: an interface has no implicit index signature, so it would not be
 * assignable to the request core's `Readonly<Record<string, unknown>>`.
 */
export function argsTypesView(plan: Plan): Array<{ doc: string; name: string; type: string }> {
  const refs = { refName: (key: string) => typeNameOf(plan, key) };
  return plan.operations.flatMap((op) =>
    op.argsType === undefined
      ? []
      : [{
          doc: docComment([`The arguments of \`client.${op.methodName}()\` and \`${op.functionName}(client, …)\`: \`${op.model.method.toUpperCase()} ${op.model.path}\`.`]),
          name: op.argsType,
          type: typeToText(argsObject(op), refs),
        }],
  );
}

/** The argument object: parameters (under their argument keys) and the body, with their docs. */
function argsObject(op: PlannedOperation): TypeNode {
  return {
    kind: 'object',
    properties: op.args.map((a) => ({ name: a.key, type: a.type, required: a.required, description: a.description, deprecated: a.deprecated, notes: a.notes })),
  };
}
