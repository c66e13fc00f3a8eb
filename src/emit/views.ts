import type { TypeNode } from '../model/index.js';
import type { Plan, PlannedOperation } from '../plan/index.js';
import { describeRequirement } from './describe-security.js';
import { docComment, propertyAccess, propertyKey, stringLiteral } from './escape.js';
import { toLiteral, type LiteralValue } from './literal.js';
import { operationSpec } from './operation-spec.js';
import type { RuntimeSources } from './runtime-files.js';
import { runtimeStatements } from './runtime-imports.js';
import { FACTORY_ORDER, schemeView } from './scheme-view.js';
import { typeToText } from './type-text.js';

/**
 * Everything the templates insert, computed here so templates stay logic-free. Every spec string
 * is already escaped for the context it lands in.
 */
export interface Views {
  types: { types: Array<{ doc: string; name: string; type: string }>; empty: boolean };
  operations: { runtimeImports: string[]; operations: Array<{ key: string; spec: string }> };
  client: {
    clientName: string;
    /** The client's `import { … } from './runtime/…'` lines. */
    runtimeImports: string[];
    /** The strategy factories its schemes need, in the order they are tried. */
    factories: string;
    /** `import type * as T from './types.js';` plus a newline when the client refers to a named type, else ''. */
    typesImport: string;
    classDoc: string;
    defaultBaseUrl: string;
    baseUrlDoc: string;
    schemesLiteral: string;
    schemes: Array<{ doc: string; key: string; credentialType: string }>;
    /** Some scheme fetches tokens: the client takes token-store, hook and clock options. */
    managesTokens: boolean;
    /** Union of the scheme names that can sign a user in (authorization code, OpenID Connect), or ''. */
    authorizationSchemes: string;
    methods: Array<{ doc: string; name: string; params: string; result: string; operation: string; args: string }>;
  };
  index: {
    clientName: string;
    /** The entry's `export { … } from './runtime/…'` lines: errors and credential types. */
    runtimeExports: string[];
  };
  /** Runtime modules the generated files import: the roots of the runtime the output carries. */
  runtimeModules: string[];
}

export function buildViews(plan: Plan, runtime: RuntimeSources): Views {
  const typeName = (key: string): string => {
    const name = plan.typeNames.get(key);
    if (name === undefined) throw new Error(`internal: no type named ${JSON.stringify(key)}`);
    return name;
  };
  const inTypes = { refName: typeName };
  let clientUsesTypes = false;
  const inClient = {
    refName: (key: string) => {
      clientUsesTypes = true;
      return `T.${typeName(key)}`;
    },
  };
  const model = plan.model;

  const schemes = plan.schemes.map((s) => ({ scheme: s, view: schemeView(s) }));
  // No prototype: a scheme named `__proto__` must become a key, not replace the prototype.
  const schemeSpecs: Record<string, LiteralValue> = Object.create(null);
  for (const { scheme, view } of schemes) schemeSpecs[scheme.key] = view.spec;
  const managesTokens = schemes.some((s) => s.view.managesTokens);
  const signInSchemes = plan.schemes.filter(
    (s) => s.kind === 'openIdConnect' || (s.kind === 'oauth2' && s.flows.authorizationCode !== undefined),
  );
  const defaultBaseUrl = model.servers[0]?.url ?? '';

  const methods = plan.operations.map((op) => methodView(op, inClient));
  const usedFactories = new Set(schemes.map((s) => s.view.factory));
  const factories = FACTORY_ORDER.filter((f) => usedFactories.has(f));
  // Types the client's options mention, which the entry re-exports for callers too.
  const optionTypes = new Set(['FetchLike', 'RequestOptions', ...schemes.flatMap((s) => s.view.credentialImports)]);
  if (managesTokens) for (const t of ['TokenSet', 'TokenStore']) optionTypes.add(t);
  if (signInSchemes.length) optionTypes.add('AuthorizationCodeFlow');
  const clientImports = runtimeStatements(
    runtime,
    [
      ...['ClientCore', 'buildAuthStrategies', ...factories, ...(signInSchemes.length ? ['authorizationFlow'] : [])].map((name) => ({ name, type: false })),
      ...['SchemeSpec', ...optionTypes].map((name) => ({ name, type: true })),
    ],
    'import',
  );
  const operationImports = runtimeStatements(runtime, [{ name: 'OperationSpec', type: true }], 'import');
  const indexExports = runtimeStatements(
    runtime,
    [
      ...['ApiError', 'AuthRequiredError', ...(managesTokens ? ['TokenError'] : [])].map((name) => ({ name, type: false })),
      ...[...optionTypes].map((name) => ({ name, type: true })),
    ],
    'export',
  );
  return {
    types: {
      types: model.types.map((t) => ({
        doc: docComment([t.description, t.deprecated ? '@deprecated' : undefined]),
        name: typeName(t.key),
        type: typeToText(t.type, inTypes),
      })),
      empty: model.types.length === 0,
    },
    operations: {
      runtimeImports: operationImports.lines,
      operations: plan.operations.map((op) => ({ key: propertyKey(op.methodName), spec: toLiteral(operationSpec(op), '  ') })),
    },
    client: {
      clientName: plan.clientName,
      classDoc: docComment([`Client for ${model.title}${model.version ? ` ${model.version}` : ''}.`, model.description]),
      defaultBaseUrl: stringLiteral(defaultBaseUrl),
      baseUrlDoc: docComment([`Base URL of the API. Default: \`${defaultBaseUrl || '(none declared)'}\`.`], '  '),
      schemesLiteral: toLiteral(schemeSpecs),
      schemes: schemes.map(({ scheme, view }) => ({
        doc: docComment([`\`${scheme.key}\`: ${view.summary}`, scheme.description], '  '),
        key: propertyKey(scheme.key),
        credentialType: view.credentialType,
      })),
      managesTokens,
      authorizationSchemes: signInSchemes.map((s) => stringLiteral(s.key)).join(' | '),
      methods,
      runtimeImports: clientImports.lines,
      factories: factories.join(', '),
      typesImport: clientUsesTypes ? "import type * as T from './types.js';\n" : '',
    },
    index: {
      clientName: plan.clientName,
      runtimeExports: indexExports.lines,
    },
    runtimeModules: [...new Set([...clientImports.modules, ...operationImports.modules, ...indexExports.modules])],
  };
}

function methodView(op: PlannedOperation, refs: { refName: (key: string) => string }) {
  const model = op.model;
  const doc = docComment(
    [
      model.summary,
      model.description,
      `\`${model.method.toUpperCase()} ${model.path}\``,
      filledInDoc(model.parameters),
      `Auth: ${describeRequirement(model.security)}.`,
      model.deprecated ? '@deprecated' : undefined,
    ],
    '  ',
  );
  const result = op.result ? typeToText(op.result, refs, '  ') : 'undefined';
  let params = 'options?: RequestOptions';
  let args = 'undefined';
  if (op.args.length > 0) {
    const argsType: TypeNode = {
      kind: 'object',
      properties: op.args.map((a) => ({ name: a.key, type: a.type, required: a.required, description: a.description, deprecated: a.deprecated })),
    };
    const optional = op.args.every((a) => !a.required) ? '?' : '';
    params = `args${optional}: ${typeToText(argsType, refs, '  ')}, options?: RequestOptions`;
    args = 'args';
  }
  return { doc, name: op.methodName, params, result, operation: `operations${propertyAccess(op.methodName)}`, args };
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
