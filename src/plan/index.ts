import { KeywayError } from '../errors.js';
import type { ApiModel, ParameterModel } from '../model/index.js';
import { boundNames, clashes, exportedNames } from './bound-names.js';
import { planArgsTypeNames } from './args-type-names.js';
import { planClientName } from './client-name.js';
import { planMethodNames } from './operation-names.js';
import { planFunctionNames } from './function-names.js';
import { clientFeatures, coreNameOf, outputModules, SEND, serverUrlNameOf, SPECS_NAMESPACE, type ClientFeatures, type OutputModules } from './output-modules.js';
import { planOperation, type PlannedOperation } from './plan-operation.js';
import { familyOf } from './schemes/catalog.js';
import { planScheme, type PlannedScheme } from './schemes/plan-schemes.js';
import { hasServerVariables } from './server-variables.js';
import { specRuntimeRefs } from './spec-runtime-refs.js';
import { planTypeNames } from './type-names.js';

export type { PlannedArg, PlannedOperation } from './plan-operation.js';
export { coveredStatuses, ERROR_STATUSES, type ErrorBranch } from './error-responses.js';
export { CORE_ACCESSOR, FUNCTION_MAKERS, METHODS, SEND, serverUrlNameOf, sharedErrorsName, SPECS_NAMESPACE, type OutputModule, type OutputModules, type RuntimeName } from './output-modules.js';
export type { PlannedScheme } from './schemes/plan-schemes.js';
export { BUILDERS } from './schemes/builders.js';

/** Every name the output uses, decided in one place before rendering. */
export interface Plan {
  model: ApiModel;
  clientName: string;
  /** The method-less client class the operation functions take (`<Name>Core`). */
  coreName: string;
  /** The exported builder of the document's server URLs (`<name>ServerUrl`), for a Core's baseUrl; '' when it declares no servers. */
  serverUrlName: string;
  /** Named type key → emitted identifier. */
  typeNames: Map<string, string>;
  operations: PlannedOperation[];
  /** Schemes the `auth` option accepts, in spec order, with what the catalog says of each. */
  schemes: PlannedScheme[];
  /** What the client does for its schemes: factories, token options, sign-in. */
  features: ClientFeatures;
  /** Per generated module: the names it declares, imports and exports. */
  modules: OutputModules;
}

export interface PlanOptions {
  /** Client class name; default from `info.title`. */
  name?: string;
}

/**
 * One pass that decides every emitted name, in the order hey-api's planner does: the files and
 * what they need from the runtime (fixed by the schemes), then names (client, types, methods)
 * around those, then each module's imports and exports. Nothing after this chooses a name.
 */
export function plan(model: ApiModel, options: PlanOptions = {}): Plan {
  const schemes = model.securitySchemes.map(planScheme);
  const features = clientFeatures(schemes, hasServerVariables(model), model.servers.length > 0, model.operations.length > 0);
  const fixed = boundNames(outputModules(features, '', []));
  fixed.delete('');
  const clientName = planClientName(model, options.name, fixed);
  const indexExports = exportedNames(outputModules(features, clientName, [])['index.ts']);
  const typeNames = planTypeNames(model.types, indexExports);
  const methodNames = planMethodNames(model.operations);
  const filled = filledParameters(model);
  const operations = model.operations.map((op, i) => planOperation(op, methodNames[i]!, (p) => filled(op.security, p)));
  const argsTypes = planArgsTypeNames(operations, [...indexExports, ...typeNames.values()]);
  const declaredTypes = [...typeNames.values(), ...argsTypes.filter((name) => name !== undefined)];
  // Beside the entry's exports, functions.ts binds `T` (the types namespace), the specs and client.ts's send function.
  const functionNames = planFunctionNames(methodNames, [...indexExports, ...declaredTypes, 'T', SEND, SPECS_NAMESPACE]);
  const planned = operations.map((op, i) => ({ ...op, argsType: argsTypes[i], functionName: functionNames[i]! }));
  const modules = outputModules(features, clientName, declaredTypes, functionNames, specRuntimeRefs(planned));
  const problems = clashes(modules);
  if (problems.length) throw new KeywayError('E_USAGE', `the generated names clash: ${problems.join('; ')}`);
  return {
    model,
    clientName,
    coreName: coreNameOf(clientName),
    serverUrlName: features.hasServers ? serverUrlNameOf(clientName) : '',
    typeNames,
    operations: planned,
    schemes,
    features,
    modules,
  };
}

/** Whether a scheme the operation may use sets the parameter itself (catalog `fills`). */
function filledParameters(model: ApiModel): (security: ApiModel['operations'][number]['security'], p: ParameterModel) => boolean {
  const fills = new Map<string, Array<{ in: string; name: string }>>();
  for (const scheme of model.securitySchemes) {
    const filled = familyOf(scheme).fills?.(scheme) ?? [];
    if (filled.length) fills.set(scheme.key, [...filled]);
  }
  if (fills.size === 0) return () => false;
  const same = (a: { in: string; name: string }, p: ParameterModel) =>
    a.in === p.in && (p.in === 'header' ? a.name.toLowerCase() === p.name.toLowerCase() : a.name === p.name);
  return (security, p) => security.some((alt) => alt.schemes.some((use) => (fills.get(use.scheme) ?? []).some((f) => same(f, p))));
}
