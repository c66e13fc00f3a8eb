import { KeywayError } from '../errors.js';
import { isIdentifier, isReserved, isReservedWord, pascalCase, toIdentifier } from '../emit/escape.js';
import type { ApiModel, MediaModel, OperationModel, ParameterModel, SecurityScheme, TypeNode } from '../model/index.js';
import { NameRegistry } from './name-registry.js';
import { planMethodNames } from './operation-names.js';
import { CLIENT_MODULE_LOCALS, RUNTIME_EXPORTS, TYPES_MODULE_GLOBALS } from './reserved.js';
import { successResult } from './result-type.js';

/** One argument-object property: a parameter or the request body. */
export interface PlannedArg {
  /** Property name in the method's argument object. */
  key: string;
  required: boolean;
  type: TypeNode;
  description?: string;
  deprecated?: boolean;
  /** The parameter it carries; undefined for the body. */
  parameter?: ParameterModel;
}

export interface PlannedOperation {
  model: OperationModel;
  methodName: string;
  args: PlannedArg[];
  /** The request body media the method sends, and its argument key. */
  body?: { key: string; media: MediaModel };
  /** Type of the parsed 2xx body; undefined when no 2xx response has content. */
  result: TypeNode | undefined;
}

/** Every name the output uses, decided in one place before rendering. */
export interface Plan {
  model: ApiModel;
  clientName: string;
  /** Named type key → emitted identifier. */
  typeNames: Map<string, string>;
  operations: PlannedOperation[];
  /** Schemes the `auth` option accepts, in spec order. */
  schemes: SecurityScheme[];
}

export interface PlanOptions {
  /** Client class name; default from `info.title`. */
  name?: string;
}

export function plan(model: ApiModel, options: PlanOptions = {}): Plan {
  const clientName = planClientName(model, options.name);
  // Type names only meet other names in types.ts (which refers to a few globals) and in index.ts's
  // re-exports; the client reaches them through the `T.` namespace, so no other name can clash.
  const typeRegistry = new NameRegistry([...RUNTIME_EXPORTS, ...TYPES_MODULE_GLOBALS, clientName]);
  const typeNames = new Map<string, string>();
  for (const t of model.types) typeNames.set(t.key, typeRegistry.claim(toIdentifier(t.key, 'pascal', 'Schema', isReservedWord)));
  const methodNames = planMethodNames(model.operations);
  return {
    model,
    clientName,
    typeNames,
    operations: model.operations.map((op, i) => planOperation(op, methodNames[i]!)),
    schemes: model.securitySchemes,
  };
}

function planClientName(model: ApiModel, requested: string | undefined): string {
  const reservedLocals = new Set<string>(CLIENT_MODULE_LOCALS);
  if (requested !== undefined) {
    if (!isIdentifier(requested) || isReserved(requested) || reservedLocals.has(requested)) {
      throw new KeywayError('E_USAGE', `--name ${JSON.stringify(requested)} is not a usable class name (it must be a JavaScript identifier that is not a reserved word or one of keyway's own names)`);
    }
    return requested;
  }
  const base = pascalCase(model.title).replace(/(Api|Client)$/i, '');
  let name = toIdentifier(`${base} Client`, 'pascal', 'ApiClient');
  if (reservedLocals.has(name)) name = `Api${name}`;
  return name;
}

function planOperation(op: OperationModel, methodName: string): PlannedOperation {
  const keys = new NameRegistry();
  // Parameters keep their spec names; a name used in two locations gets the location appended.
  // Those the client fills in itself (`fixed`) are not the caller's to give.
  const args: PlannedArg[] = op.parameters.filter((p) => p.fixed === undefined).map((p) => ({
    key: keys.has(p.name) ? keys.claim(`${p.name}_${p.in}`) : keys.claim(p.name),
    required: p.required,
    type: p.type,
    description: p.description,
    deprecated: p.deprecated,
    parameter: p,
  }));
  const media = op.requestBody?.contents[0];
  let body: PlannedOperation['body'];
  if (op.requestBody && media) {
    const key = keys.claim(keys.has('body') ? 'requestBody' : 'body');
    body = { key, media };
    args.push({ key, required: op.requestBody.required, type: media.type, description: op.requestBody.description });
  }
  return { model: op, methodName, args, body, result: successResult(op) };
}
