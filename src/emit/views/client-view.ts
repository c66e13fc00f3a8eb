import { BUILDERS, CORE_ACCESSOR, coveredStatuses, ERROR_STATUSES, METHODS, SEND, sharedErrorsName, type Plan, type PlannedOperation, type PlannedScheme } from '../../plan/index.js';
import { docComment, propertyKey, stringLiteral } from '../escape.js';
import { toLiteral } from '../literal.js';
import { runtimeStatements } from '../runtime-imports.js';
import type { RuntimeSources } from '../runtime-files.js';
import { typeToText } from '../type-text.js';
import { serverOperations, serversView, type ServersView } from './servers-view.js';
import { namespacedTypeRefs, type TypeRefs } from './type-refs.js';

/** What templates/client.ts.hbs inserts. Every spec string is already escaped for where it lands. */
export interface ClientView {
  clientName: string;
  /** The method-less class the client extends and the operation functions take. */
  coreName: string;
  /** The module's accessor for a client's transport, for sign-in (`authorization()`). */
  coreAccessor: string;
  /** The client's `import { … } from './runtime/…'` lines. */
  runtimeImports: string[];
  /** The strategy factories its schemes need, in the order they are tried (anyAuth's, so the client class's). */
  factories: string;
  /** `import type * as T from './types.js';` plus a newline when the client refers to a named type, else ''. */
  typesImport: string;
  classDoc: string;
  coreDoc: string;
  baseUrlDoc: string;
  /** The `server` and `serverVariables` options and the servers table. */
  servers: ServersView;
  /** The exported builder of server URLs for a Core's baseUrl (`petstoreAuthServerUrl`), and its doc; '' when the document declares no servers. */
  serverUrlName: string;
  /** The Core's TypeError text (a string literal) for `server` / `serverVariables` given to it. */
  coreServerRefusal: string;
  serverUrlDoc: string;
  schemesLiteral: string;
  /** Per scheme: `credentialType`, what AuthOptions takes (plain, or built); `builtType`, what CoreAuthOptions takes. */
  schemes: Array<{ doc: string; key: string; credentialType: string; builtDoc: string; builtType: string }>;
  /** Some scheme fetches tokens: the client takes token-store, hook and clock options. */
  managesTokens: boolean;
  /** Union of the scheme names that can sign a user in (authorization code, OpenID Connect), or ''. */
  authorizationSchemes: string;
  /** methods.ts's interface of the methods, which the interface merged into the class extends (see withMethods$ in the template). */
  methodsName: string;
  /** `["metaRoot", …]`: the methods that take options only (no arguments), as an array literal. */
  optionsOnlyMethods: string;
  /** The internal function methods and operation functions send through. */
  sendName: string;
  /** `300 | 301 | …`: the HttpErrorStatus union. */
  errorStatuses: string;
  /** Error unions that several operations share, each written once as a module-private alias. */
  sharedErrors: Array<{ name: string; union: string }>;
  /** Per method: its OperationErrors key and its union of `{ status; body }` branches, or the alias of it. */
  operationErrors: Array<{ key: string; union: string }>;
  /** Whether some union has a branch of exact statuses (StatusError$) / of the statuses left (OtherStatusError$): each alias is declared only when used. */
  usesStatusError: boolean;
  usesOtherStatusError: boolean;
}

export function clientView(plan: Plan, runtime: RuntimeSources): ClientView {
  const { refs, used: usesTypes } = namespacedTypeRefs(plan);
  const model = plan.model;
  // No prototype: a scheme named `__proto__` must become a key, not replace the prototype.
  const schemeSpecs: Record<string, object> = Object.create(null);
  for (const scheme of plan.schemes) schemeSpecs[scheme.model.key] = scheme.spec;
  const defaultBaseUrl = model.servers[0]?.url ?? '';
  const baseUrlDoc = defaultBaseUrl
    ? `Base URL of the API; wins over \`server\` and \`serverVariables\`. Default: the chosen server's URL (\`${defaultBaseUrl}\` for server 0 with its defaults).`
    : 'Base URL of the API. The document declares no server: pass one.';
  const servers = serversView(model, serverOperations(plan), plan.features.fillsServerUrls, plan.serverUrlName);
  return {
    clientName: plan.clientName,
    coreName: plan.coreName,
    coreAccessor: CORE_ACCESSOR,
    coreDoc: docComment([
      `The ${plan.clientName} without its methods, for smaller bundles: pass it to the operation functions (\`${plan.operations[0]?.functionName ?? 'someOperation'}(client, …)\`), so an app carries only the operations it imports. Takes the same options, with credentials built (CoreOptions): an app carries the code of the builders it calls only; where to send is \`baseUrl\` alone${plan.serverUrlName ? ` (\`${plan.serverUrlName}()\` builds one for any server)` : ''}.`,
    ]),
    classDoc: docComment([`Client for ${model.title}${model.version ? ` ${model.version}` : ''}.`, model.description]),
    baseUrlDoc: docComment([baseUrlDoc], '  '),
    servers,
    serverUrlName: plan.serverUrlName,
    // A Core given the class's server options from JavaScript would otherwise send to server 0 silently.
    // The Core is the class just constructed (its stack says which): named by kind, not by its (long) name.
    coreServerRefusal: stringLiteral(`a Core takes baseUrl${plan.serverUrlName ? ` (${plan.serverUrlName}())` : ''}, not server or serverVariables`),
    serverUrlDoc: docComment([
      `The base URL of one of the document's servers, its \`{variables}\` filled with \`serverVariables\` (each one left out takes its default; substituted as given, not percent-encoded), for a ${plan.coreName}'s \`baseUrl\`: \`new ${plan.coreName}({ baseUrl: ${plan.serverUrlName}({ server: ${Math.min(1, model.servers.length - 1)} }) })\`. Every operation of that Core is sent there, its own servers included.`,
      'A server index out of range, a variable that server does not declare, a value outside its `enum`, or a variable without default and value throws a TypeError naming the option, never the value.',
      `\`server\` (default \`0\`):\n${servers.listed}`,
    ]),
    schemesLiteral: toLiteral(schemeSpecs),
    schemes: plan.schemes.map((scheme) => ({
      doc: docComment([`\`${scheme.model.key}\`: ${scheme.summary}`, scheme.model.description], '  '),
      key: propertyKey(scheme.model.key),
      credentialType: `${scheme.credentialType} | ${builtType(scheme)}`,
      builtDoc: docComment([`\`${scheme.model.key}\`: ${scheme.summary}`, builtBy(scheme), scheme.model.description], '  '),
      builtType: builtType(scheme),
    })),
    managesTokens: plan.features.managesTokens,
    errorStatuses: ERROR_STATUSES.join(' | '),
    ...operationErrors(plan.operations, refs),
    authorizationSchemes: plan.features.signInSchemes.map((s) => stringLiteral(s.model.key)).join(' | '),
    methodsName: METHODS,
    optionsOnlyMethods: toLiteral(plan.operations.filter((op) => op.argsType === undefined).map((op) => op.methodName), '  '),
    sendName: SEND,
    runtimeImports: runtimeStatements(runtime, plan.modules['client.ts'].runtimeImports, 'import'),
    factories: plan.features.factories.join(', '),
    typesImport: usesTypes() ? "import type * as T from './types.js';\n" : '',
  };
}

/** `Credential<"oauth2">`: the built credential a Core takes for the scheme. */
function builtType(scheme: PlannedScheme): string {
  return `Credential<${stringLiteral(scheme.credentialKind)}>`;
}

/** What makes the scheme's built credential, for its CoreAuthOptions doc. */
function builtBy(scheme: PlannedScheme): string {
  const calls = scheme.builders.map((name) => `\`${BUILDERS[name].call}\``);
  const plain = 'the plain credential AuthOptions takes, through `anyAuth`';
  return calls.length ? `Built by ${calls.join(' or ')}; any other: ${plain}.` : `Built from ${plain}.`;
}

/**
 * Each operation's error union, the unions two or more operations share written once as aliases
 * (`Errors$1`, numbered in operation order): GitHub's 1,223 operations have 187 distinct unions,
 * and tsc checks each written type once (OperationErrors was a sixth of the client's check time).
 * `$` keeps the aliases apart from planned type and method names; plan() refuses them as --name.
 */
function operationErrors(operations: readonly PlannedOperation[], refs: TypeRefs): Pick<ClientView, 'sharedErrors' | 'operationErrors' | 'usesStatusError' | 'usesOtherStatusError'> {
  const unions = operations.map((op) => errorUnion(op, refs));
  const uses = new Map<string, number>();
  for (const union of unions) uses.set(union, (uses.get(union) ?? 0) + 1);
  const aliases = new Map<string, string>();
  const sharedErrors: ClientView['sharedErrors'] = [];
  for (const union of unions) {
    if (uses.get(union)! < 2 || aliases.has(union)) continue;
    const name = sharedErrorsName(aliases.size + 1);
    aliases.set(union, name);
    sharedErrors.push({ name, union });
  }
  return {
    sharedErrors,
    operationErrors: operations.map((op, i) => ({ key: propertyKey(op.methodName), union: aliases.get(unions[i]!) ?? unions[i]! })),
    usesStatusError: operations.some((op) => op.errors.some((branch) => !isOtherStatuses(branch, op.errors))),
    usesOtherStatusError: operations.some((op) => op.errors.some((branch) => isOtherStatuses(branch, op.errors))),
  };
}

/**
 * The generic aliases every error branch instantiates (templates/client.ts.hbs declares them): tsc
 * resolves an instantiated alias's members only when something reads them (a narrowing, a hover),
 * where a written `{ status; body }` literal is checked member by member, every one of GitHub's
 * ~800 branches (a `status` of ~45 codes each for the remainders) on every type-check. The same types.
 */
const STATUS_ERROR = 'StatusError$';
const OTHER_STATUS_ERROR = 'OtherStatusError$';

/** `StatusError$<404, T.Error> | OtherStatusError$<404, unknown>`: `{ status: 404; body: T.Error } | { status: Exclude<HttpErrorStatus, 404>; body: unknown }`. */
function errorUnion(op: PlannedOperation, refs: TypeRefs): string {
  const covered = coveredStatuses(op.errors);
  const branches = op.errors.map((branch) => {
    const body = branch.body ? typeToText(branch.body, refs, '  ') : 'undefined';
    if (isOtherStatuses(branch, op.errors)) return `${OTHER_STATUS_ERROR}<${covered.join(' | ')}, ${body}>`;
    return `${STATUS_ERROR}<${branch.statuses?.join(' | ') ?? 'HttpErrorStatus'}, ${body}>`;
  });
  return branches.length ? branches.join(' | ') : 'never';
}

/** The remainder branch of an operation that declares some statuses: all statuses but those. */
function isOtherStatuses(branch: PlannedOperation['errors'][number], errors: PlannedOperation['errors']): boolean {
  return branch.statuses === undefined && errors.some((b) => b.statuses !== undefined && b.statuses.length > 0);
}
