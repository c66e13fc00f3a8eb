import type { SecurityScheme } from '../model/index.js';
import type { Plan, PlannedOperation } from '../plan/index.js';
import { credentialSample } from '../readme/credential-samples.js';
import { mdBlock, mdCode, mdFence, mdInline } from '../readme/markdown.js';
import { describeScheme } from '../readme/describe-scheme.js';
import { describeRequirement } from './describe-security.js';
import { propertyKey, stringLiteral } from './escape.js';
import { GENERATED_HEADER } from './header.js';
import { schemeView } from './scheme-view.js';

export interface ReadmeOptions {
  /** Module specifier the samples import the client from (default `./index.js`). */
  importFrom?: string;
  /** Set for a package made by `keyway init`: adds install and build instructions. */
  packageName?: string;
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
  schemes: Array<{ heading: string; about: string; description: string; credential: string; samples: string[]; usedBy: string[] }>;
  tokenRefresh: boolean;
  operations: string[];
}

/** The README's content: one row per operation and one section per scheme, each from its own data only, so an edit to one operation changes only its own lines. */
export function readmeView(plan: Plan, options: ReadmeOptions = {}): ReadmeView {
  const model = plan.model;
  const importFrom = options.importFrom ?? './index.js';
  const views = plan.schemes.map((scheme) => ({ scheme, view: schemeView(scheme) }));
  return {
    header: `<!-- ${GENERATED_HEADER.replace(/^\/\/\s*/, '').replace(/--/g, '—')} -->`,
    title: mdInline(`${model.title}${model.version ? ` ${model.version}` : ''}`),
    description: model.description ? mdBlock(model.description) : '',
    packageName: options.packageName ? mdCode(options.packageName) : '',
    install: options.packageName ? mdFence(`npm install ${options.packageName}`, 'sh') : '',
    clientName: mdCode(plan.clientName),
    quickStart: mdFence(quickStart(plan, importFrom), 'ts'),
    schemes: views.map(({ scheme, view }) => ({
      heading: `${mdCode(scheme.key)} (${mdInline(kindWords(scheme))})`,
      about: describeScheme(scheme),
      description: scheme.description ? mdBlock(scheme.description) : '',
      credential: mdCode(view.credentialType),
      samples: view.credentialImports.map((type) => {
        const sample = credentialSample(type);
        const setup = sample.setup ? `${sample.setup}\n\n` : '';
        const code = `${setup}const client = new ${plan.clientName}({\n  auth: {\n    ${propertyKey(scheme.key)}: ${indent(sample.value, '    ')}\n  },\n});`;
        return `**${mdInline(capitalize(sample.title))}**: ${sample.shape}\n\n${mdFence(code, 'ts')}`;
      }),
      usedBy: usedBy(plan.operations, scheme.key),
    })),
    tokenRefresh: views.some(({ view }) => view.managesTokens),
    operations: plan.operations.map(operationRow),
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

function kindWords(scheme: SecurityScheme): string {
  switch (scheme.kind) {
    case 'apiKey':
      return `API key in ${scheme.in}`;
    case 'http':
      return `HTTP ${scheme.scheme}`;
    case 'oauth2':
      return 'OAuth 2.0';
    case 'openIdConnect':
      return 'OpenID Connect';
    case 'mutualTLS':
      return 'mutual TLS';
    case 'awsSigV4':
      return scheme.s3 ? 'AWS Signature V4, S3' : 'AWS Signature V4';
  }
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

function operationRow(op: PlannedOperation): string {
  const model = op.model;
  const summary = [model.summary ? mdInline(model.summary) : '', model.deprecated ? '**deprecated**' : ''].filter(Boolean).join(' ');
  const cells = [
    mdCode(op.methodName, { inTable: true }),
    mdCode(`${model.method.toUpperCase()} ${model.path}`, { inTable: true }),
    summary,
    mdInline(describeRequirement(model.security)),
  ];
  return `| ${cells.join(' | ')} |`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function indent(text: string, prefix: string): string {
  return text.replace(/\n/g, `\n${prefix}`);
}
