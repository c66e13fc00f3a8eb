import type { MediaModel, OperationModel, ParameterModel, TypeNode, ValueNotes } from '../model/index.js';
import { NameRegistry } from './name-registry.js';
import { errorBranches, type ErrorBranch } from './error-responses.js';
import { successResult } from './result-type.js';

/** One argument-object property: a parameter or the request body. */
export interface PlannedArg {
  /** Property name in the method's argument object. */
  key: string;
  required: boolean;
  type: TypeNode;
  description?: string;
  deprecated?: boolean;
  /** Default, bounds, format, example: for the argument's doc comment. */
  notes?: ValueNotes;
  /** The parameter it carries; undefined for the body. */
  parameter?: ParameterModel;
}

export interface PlannedOperation {
  model: OperationModel;
  methodName: string;
  /** The standalone function of functions.ts (`listPets(client, args)`): the method name unless that is a keyword or another export's. */
  functionName: string;
  args: PlannedArg[];
  /** The exported type of the argument object (`ReposGetArgs`, in types.ts) that the method and the function take; undefined when there are no arguments. */
  argsType: string | undefined;
  /** The request body media the method sends, and its argument key. */
  body?: { key: string; media: MediaModel };
  /** Type of the parsed 2xx body; undefined when no 2xx response has content. */
  result: TypeNode | undefined;
  /** The error responses as non-overlapping status branches (what `isApiError` narrows to). */
  errors: ErrorBranch[];
  /**
   * The parameters the operation's runtime spec lists, in spec order, with their argument keys: the
   * caller's (`key`) and those the client fills in itself (`fixed`, keyed by name). Planned once:
   * the spec's runtime imports and the spec itself are both written from it.
   */
  specParameters: SpecParameter[];
}

export interface SpecParameter {
  parameter: ParameterModel;
  key: string;
}

/**
 * The method's arguments: parameters keep their spec names (a name used in two locations gets the
 * location appended), then the body. `filled` says whether a security scheme of the operation sets
 * the parameter itself, in which case it is no argument; nor is one with a single allowed value.
 */
export function planOperation(op: OperationModel, methodName: string, filled: (p: ParameterModel) => boolean = () => false): Omit<PlannedOperation, 'functionName' | 'argsType'> {
  const keys = new NameRegistry();
  const args: PlannedArg[] = [];
  const specParameters: SpecParameter[] = [];
  for (const p of op.parameters) {
    // Parameters the client fills in itself (`fixed`: a single allowed value) are not the caller's to give.
    if (p.fixed !== undefined) {
      specParameters.push({ parameter: p, key: p.name });
      continue;
    }
    // Nor are those a security scheme sets, which the spec leaves out too.
    if (filled(p)) continue;
    const key = keys.has(p.name) ? keys.claim(`${p.name}_${p.in}`) : keys.claim(p.name);
    args.push({ key, required: p.required, type: p.type, description: p.description, deprecated: p.deprecated, notes: p.notes, parameter: p });
    specParameters.push({ parameter: p, key });
  }
  const media = op.requestBody?.contents[0];
  let body: PlannedOperation['body'];
  if (op.requestBody && media) {
    const key = keys.claim(keys.has('body') ? 'requestBody' : 'body');
    body = { key, media };
    args.push({ key, required: op.requestBody.required, type: media.type, description: op.requestBody.description });
  }
  return { model: op, methodName, args, body, result: successResult(op), errors: errorBranches(op), specParameters };
}
