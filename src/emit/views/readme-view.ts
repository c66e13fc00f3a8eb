import { BUILDERS, type Plan, type PlannedOperation } from '../../plan/index.js';
import { mdBlock, mdCode, mdFence, mdInline } from '../../readme/markdown.js';
import { propertyKey, stringLiteral } from '../escape.js';
import { GENERATED_HEADER } from '../header.js';
import { describeOperationAuth } from './describe-security.js';
import { coreServers, serverOperations } from './servers-view.js';

export interface ReadmeOptions {
  /** Module specifier the samples import the client from (default `./index.js`). */
  importFrom?: string;
  /** Set for a package made by `keyway init`: adds install and build instructions. */
  packageName?: string;
  /** The "generated, do not edit" comment on the first line (default true); `keyway init`'s package README is the user's to edit. */
  banner?: boolean;
}

/** What templates/README.md.hbs inserts; every spec string is already escaped for Markdown. */
export interface ReadmeView {
  header: string;
  title: string;
  description: string;
  packageName: string;
  install: string;
  clientName: string;
  quickStart: string;
  coreName: string;
  /** The Core class and one operation function in a sample; '' when the API has no operations. */
  smallerBundles: string;
  /** How a Core's options and credentials are given (builders, anyAuth), from a leading space. */
  coreCredentials: string;
  /** Where a Core sends (baseUrl alone: the defaults, or the server-URL builder's), from a leading space. */
  coreServers: string;
  schemes: Array<{ heading: string; about: string; description: string; credential: string; samples: string[]; usedBy: string[] }>;
  tokenRefresh: boolean;
  /** Set when the document declares no security schemes: says so instead of explaining `auth`. */
  noSchemes: string;
  operations: string[];
}

const NO_SCHEMES_TEXT =
  'The document declares no security schemes, so this client sends no credentials and its `auth` option takes none. ' +
  'If the API does require authentication, describe it without editing the document: add the scheme (and the `security` ' +
  'requirements that use it) with an overlay (`--overlay`), then regenerate.';

/** The README's content: one row per operation and one section per scheme, each from its own data only, so an edit to one operation changes only its own lines. */
export function readmeView(plan: Plan, options: ReadmeOptions = {}): ReadmeView {
  const model = plan.model;
  const importFrom = options.importFrom ?? './index.js';
  return {
    header: options.banner === false ? '' : `<!-- ${GENERATED_HEADER.replace(/^\/\/\s*/, '').replace(/--/g, '—')} -->`,
    title: mdInline(`${model.title}${model.version ? ` ${model.version}` : ''}`),
    description: model.description ? mdBlock(model.description) : '',
    packageName: options.packageName ? mdCode(options.packageName) : '',
    install: options.packageName ? mdFence(`npm install ${options.packageName}`, 'sh') : '',
    clientName: mdCode(plan.clientName),
    quickStart: mdFence(quickStart(plan, importFrom), 'ts'),
    coreName: mdCode(plan.coreName),
    smallerBundles: plan.operations.length ? mdFence(coreSample(plan, importFrom), 'ts') : '',
    coreCredentials: coreCredentials(plan),
    coreServers: coreServersText(plan),
    schemes: plan.schemes.map((scheme) => ({
      heading: `${mdCode(scheme.model.key)} (${mdInline(scheme.kind)})`,
      about: scheme.about,
      description: scheme.model.description ? mdBlock(scheme.model.description) : '',
      credential: mdCode(scheme.credentialType),
      samples: scheme.credentials.map(({ sample }) => {
        const setup = sample.setup ? `${sample.setup}\n\n` : '';
        const code = `${setup}const client = new ${plan.clientName}({\n  auth: {\n    ${propertyKey(scheme.model.key)}: ${indent(sample.value, '    ')}\n  },\n});`;
        return `**${mdInline(capitalize(sample.title))}**: ${sample.shape}\n\n${mdFence(code, 'ts')}`;
      }),
      usedBy: usedBy(plan.operations, scheme.model.key),
    })),
    tokenRefresh: plan.features.managesTokens,
    noSchemes: plan.schemes.length === 0 ? NO_SCHEMES_TEXT : '',
    operations: plan.operations.map((op) => operationRow(op, plan.schemes.length)),
  };
}

function quickStart(plan: Plan, importFrom: string): string {
  const baseUrl = plan.model.servers[0]?.url;
  const call = plan.operations.find((op) => op.args.every((a) => !a.required));
  return [
    `import { ${plan.clientName}, ApiError, AuthRequiredError } from ${stringLiteral(importFrom)};`,
    '',
    `const client = new ${plan.clientName}({`,
    baseUrl ? `  baseUrl: ${stringLiteral(baseUrl)}, // the default: the spec's first server` : `  baseUrl: 'https://api.example.com', // the spec declares no server`,
    '  auth: {}, // credentials per security scheme: see "Authentication"',
    '});',
    ...(call
      ? [
          '',
          'try {',
          `  const result = await client.${call.methodName}();`,
          '} catch (error) {',
          '  if (error instanceof ApiError) console.error(error.status, error.body); // a non-2xx response',
          '  if (error instanceof AuthRequiredError) console.error(error.message); // no credentials for this operation: nothing was sent',
          '}',
        ]
      : []),
  ].join('\n');
}

/**
 * The Core and one function; its credential made by the builder of the first scheme that has one
 * (the builder carries only that scheme's code), else through anyAuth.
 */
/** A Core's options: the client's, with each credential built by a builder the entry exports (when some scheme has one) or by anyAuth. */
function coreCredentials(plan: Plan): string {
  const client = mdCode(plan.clientName);
  if (plan.schemes.length === 0) return ` It takes the other options of ${client} as they are.`;
  const builders = plan.features.builders.map((name) => mdCode(name)).join(', ');
  const parts = plan.features.builders.includes('clientCredentials') ? `; \`clientCredentials\` takes what is not a client secret built too: \`clientAuth: privateKeyJwt({ privateKey })\`, \`tlsClientAuth()\` or \`selfSignedTlsClientAuth()\`, \`clientCertificate: clientCertificate({ fetch })\`, \`dpop: dpop()\`` : '';
  const byBuilders = builders ? `by the builders the package exports (${builders}: each carries only its own scheme's code${parts}), or ` : '';
  return ` It takes the other options of ${client}, each credential built: ${byBuilders}from the plain form ${client} takes with \`anyAuth({ … })\` (which carries the code of every scheme kind the API declares):`;
}

/** How a Core takes its server: `baseUrl` alone, the document's default URLs without it (when it has them). */
function coreServersText(plan: Plan): string {
  const core = mdCode(plan.coreName);
  const builder = plan.serverUrlName ? mdCode(`${plan.serverUrlName}({ server, serverVariables })`) : '';
  const alone = `${core} takes \`baseUrl\` alone for where to send (not \`server\` or \`serverVariables\`)`;
  if (!coreDefaults(plan)) return ` ${alone}, and requires it${builder ? ` (${builder} builds one)` : ''}.`;
  return ` ${alone}: without it, it sends to the first server with its variables' defaults (an operation with servers of its own, to the first of them); ${builder} builds the URL of another server or with other values.`;
}

/** A Core without baseUrl has URLs to send to: the generator could settle them all from defaults. */
function coreDefaults(plan: Plan): boolean {
  return coreServers(plan.model, serverOperations(plan), plan.serverUrlName).defaultUrl !== '';
}

function coreSample(plan: Plan, importFrom: string): string {
  const call = plan.operations.find((op) => op.args.every((a) => !a.required)) ?? plan.operations[0]!;
  const args = call.args.length === 0 ? '' : call.args.every((a) => !a.required) ? '' : ', { /* its arguments */ }';
  const built = plan.schemes.find((s) => s.builders.length > 0);
  const first = plan.schemes[0];
  const builder = built?.builders[0];
  const defaults = coreDefaults(plan);
  const names = [plan.coreName, ...(builder ? [builder] : first ? ['anyAuth'] : []), call.functionName, ...(plan.serverUrlName ? [plan.serverUrlName] : [])];
  const auth = built && builder ? `{ ${propertyKey(built.model.key)}: ${BUILDERS[builder].sample} }` : first ? `anyAuth({ ${propertyKey(first.model.key)}: /* as ${plan.clientName} takes it */ })` : '{}';
  const servers = plan.model.servers;
  // Another server to show: the second, else other values for the first's variables, else none.
  const other = servers.length > 1 ? 'server: 1' : servers[0]?.variables.length ? 'serverVariables: { /* … */ }' : '';
  // Without defaults the sample passes baseUrl; with them, it shows another server as a comment.
  const baseUrl = defaults ? '' : plan.serverUrlName ? `baseUrl: ${plan.serverUrlName}({ serverVariables: { /* … */ } }), ` : "baseUrl: 'https://api.example.com', ";
  return [
    `import { ${names.join(', ')} } from ${stringLiteral(importFrom)};`,
    '',
    `const client = new ${plan.coreName}({ ${baseUrl}auth: ${auth} }); // ${plan.clientName}'s options, with credentials built${defaults ? '; the first server' : ''}`,
    `const result = await ${call.functionName}(client${args});`,
    ...(defaults && other ? [`const other = new ${plan.coreName}({ baseUrl: ${plan.serverUrlName}({ ${other} }), auth: ${auth} }); // another server`] : []),
  ].join('\n');
}

/** One bullet per operation that can use the scheme: what it needs alongside, and which scopes. */
function usedBy(operations: readonly PlannedOperation[], schemeKey: string): string[] {
  const lines: string[] = [];
  for (const op of operations) {
    const uses = op.model.security.flatMap((alt) => {
      const use = alt.schemes.find((s) => s.scheme === schemeKey);
      if (!use) return [];
      const others = alt.schemes.filter((s) => s !== use).map((s) => mdCode(s.scheme));
      const notes = [
        use.scopes.length ? `scopes ${use.scopes.map((s) => mdCode(s)).join(', ')}` : '',
        others.length ? `together with ${others.join(' + ')}` : '',
      ].filter(Boolean);
      return [notes.join('; ')];
    });
    if (uses.length === 0) continue;
    const detail = uses.filter(Boolean);
    lines.push(`${mdCode(op.methodName)} — ${mdCode(`${op.model.method.toUpperCase()} ${op.model.path}`)}${detail.length ? ` (${detail.join('; or ')})` : ''}`);
  }
  return lines;
}

function operationRow(op: PlannedOperation, declaredSchemes: number): string {
  const model = op.model;
  const summary = [model.summary ? mdInline(model.summary) : '', model.deprecated ? '**deprecated**' : ''].filter(Boolean).join(' ');
  const cells = [
    mdCode(op.methodName, { inTable: true }),
    mdCode(`${model.method.toUpperCase()} ${model.path}`, { inTable: true }),
    summary,
    declaredSchemes === 0 ? 'none declared' : mdInline(describeOperationAuth(model.security, declaredSchemes)),
  ];
  return `| ${cells.join(' | ')} |`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function indent(text: string, prefix: string): string {
  return text.replace(/\n/g, `\n${prefix}`);
}
