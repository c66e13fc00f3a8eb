import type { ApiModel, ServerModel } from '../../model/index.js';
import type { Plan } from '../../plan/index.js';
import { allServers, serverVariableProperties } from '../../plan/server-variables.js';
import type { ServerSpec, ServerVariableSpec } from '../../runtime/servers.js';
import { docComment, stringLiteral } from '../escape.js';
import { RuntimeRef, toLiteral } from '../literal.js';
import { typeToText } from '../type-text.js';

/** The client's `server` and `serverVariables` options, as templates/client.ts.hbs inserts them. */
export interface ServersView {
  /** `["https://…", { url: …, variables: … }, …]`: the document's servers for the runtime's chooseServer. */
  serversLiteral: string;
  /** `{ uploadPhoto: "https://…" }`: per operation with servers of its own, the first of them (chooseServer's third argument). */
  operationServersLiteral: string;
  /** `, fillServerUrls` when some server URL has variables to fill (chooseServer's fourth argument), else ''. */
  fillArgument: string;
  /** `const OPERATION_SERVER$1 = …;` declarations, each with its doc: each server that two or more operations share, written once. */
  sharedServers: string[];
  serverDoc: string;
  /** `0 | 1`, or `never` when the document declares no servers. */
  serverIndex: string;
  serverVariablesDoc: string;
  /** `- \`0\`: \`https://{region}…\` — Production`, one line per server (Markdown), for docs. */
  listed: string;
  /** `{ region?: "eu" | "us" }`, or `Record<string, never>` when no server has variables. */
  serverVariablesType: string;
  /**
   * What a Core without `baseUrl` sends to: `defaultUrl`, server 0's URL with its variables'
   * defaults (a string literal), and `operationUrls`, each operation's own server the same way, by
   * operation id (its spec carries it: an app pays only for the operations it imports), with
   * `ownServers` true when there are any. When one of those URLs cannot be written so (no servers;
   * a variable without default, or a default its enum refuses), `defaultUrl` is '' and
   * `baseUrlRequired` the message of the TypeError the Core throws instead.
   */
  core: { defaultUrl: string; operationUrls: ReadonlyMap<string, string>; ownServers: boolean; baseUrlRequired: string; baseUrlDoc: string };
}

/**
 * `operations`: each operation's method name (its spec's id) and model. The operation servers are a
 * table of their own, not read from the operations table, so the Core class does not pull every
 * operation's spec into a bundle. `fillsServerUrls`: the plan's decision (it also decides the import).
 */
export function serversView(model: ApiModel, operations: ReadonlyArray<{ id: string; model: { servers?: ServerModel[] | undefined } }>, fillsServerUrls: boolean, serverUrlName = ''): ServersView {
  // No prototype: an operation named `__proto__` must stay a key.
  // Operations of one path share its servers: a spec that two or more share is written once, as a constant.
  const byLiteral = new Map<string, { spec: ServerSpec; ids: string[] }>();
  for (const op of operations) {
    const first = op.model.servers?.[0];
    if (first === undefined) continue;
    const spec = serverSpec(first);
    const key = toLiteral(spec);
    const entry = byLiteral.get(key) ?? { spec, ids: [] };
    byLiteral.set(key, entry);
    entry.ids.push(op.id);
  }
  // No prototype: an operation named `__proto__` must stay a key.
  const operationServers: Record<string, ServerSpec | RuntimeRef> = Object.create(null);
  const sharedServers: string[] = [];
  for (const [literal, { spec, ids }] of byLiteral) {
    let value: ServerSpec | RuntimeRef = spec;
    if (ids.length > 1) {
      value = new RuntimeRef(sharedServerName(sharedServers.length + 1));
      sharedServers.push(`/** The server of ${ids.join(', ')}. */\nconst ${value.name}: ServerSpec = ${literal};`);
    }
    for (const id of ids) operationServers[id] = value;
  }
  const variables = serverVariableProperties(model);
  const listed = model.servers.map((server, i) => `- \`${i}\`: \`${server.template}\`${server.description ? ` — ${server.description}` : ''}`);
  const own = allServers(model).length > model.servers.length;
  return {
    serversLiteral: toLiteral(model.servers.map(serverSpec)),
    operationServersLiteral: toLiteral(operationServers),
    fillArgument: fillsServerUrls ? ', fillServerUrls' : '',
    sharedServers,
    listed: listed.join('\n'),
    serverDoc: docComment(
      model.servers.length === 0
        ? ['The document declares no servers: pass `baseUrl`.']
        : [`Which of the document's servers to send to, by index. Default: \`0\`. \`baseUrl\` wins over it.`, listed.join('\n')],
      '  ',
    ),
    serverIndex: model.servers.length === 0 ? 'never' : model.servers.map((_, i) => String(i)).join(' | '),
    serverVariablesDoc: docComment(
      [
        'Values for the `{variables}` in the server URLs, substituted as given (not percent-encoded); each one left out takes its default. A value outside a variable\'s `enum` throws at construction.',
        own ? 'Operations with servers of their own are sent there (with these values) unless `baseUrl` is set.' : undefined,
      ],
      '  ',
    ),
    serverVariablesType: typeToText({ kind: 'object', properties: variables }, { refName: (key) => key }),
    core: coreServers(model, operations, serverUrlName),
  };
}

/** A server's URL with every variable at its default, as the generator settled it; undefined when it could not. */
function defaultUrlOf(server: ServerModel): string | undefined {
  const spec = serverSpec(server);
  return typeof spec === 'string' ? spec : spec.url;
}

/** The plan's operations as serversView and coreServers take them: method name (the spec's id) and model. */
export function serverOperations(plan: Plan): Array<{ id: string; model: { servers?: ServerModel[] | undefined } }> {
  return plan.operations.map((op) => ({ id: op.methodName, model: op.model }));
}

/**
 * The URLs a Core sends to without `baseUrl`, written as string constants: no template filling or
 * checks in its download (the builder `serverUrlName` and the client class have those).
 */
export function coreServers(model: ApiModel, operations: ReadonlyArray<{ id: string; model: { servers?: ServerModel[] | undefined } }>, serverUrlName: string): ServersView['core'] {
  const first = model.servers[0];
  const build = serverUrlName ? `; pass one, e.g. ${serverUrlName}({ serverVariables: { … } })` : '';
  const required = (why: string): ServersView['core'] => ({
    defaultUrl: '',
    operationUrls: new Map(),
    ownServers: false,
    baseUrlRequired: stringLiteral(`baseUrl is required: ${why}${build}`),
    baseUrlDoc: docComment([`Base URL of the API, for every operation. Required: ${why}${serverUrlName ? ` (\`${serverUrlName}()\` builds it)` : ''}.`], '  '),
  });
  if (first === undefined) return required('the document declares no servers');
  const defaultUrl = defaultUrlOf(first);
  if (defaultUrl === undefined) return required(`a variable of server 0 has no default to use`);
  const operationUrls = new Map<string, string>();
  for (const op of operations) {
    const own = op.model.servers?.[0];
    if (own === undefined) continue;
    const url = defaultUrlOf(own);
    if (url === undefined) return required(`a variable of the server of operation ${op.id} has no default to use`);
    operationUrls.set(op.id, url);
  }
  const others = serverUrlName ? ` Another server, or other variable values: \`${serverUrlName}({ server, serverVariables })\`.` : '';
  return {
    defaultUrl: stringLiteral(defaultUrl),
    operationUrls,
    ownServers: operationUrls.size > 0,
    baseUrlRequired: '',
    baseUrlDoc: docComment(
      [`Base URL of the API, for every operation. Default: \`${defaultUrl}\` (server 0 with its variables' defaults${operationUrls.size ? `; operations with servers of their own: theirs, likewise` : ''}).${others}`],
      '  ',
    ),
  };
}

/** The constant of the n-th server operations share; `$` keeps it apart from planned names. */
function sharedServerName(n: number): string {
  return `OPERATION_SERVER$${n}`;
}

/**
 * The runtime's ServerSpec, as plain data: the URL; or the URL template, its variables and the URL
 * with their defaults, when each has one that its enum allows (else the runtime fills the template
 * at construction, asking for the value or refusing the default, as the document calls for).
 */
export function serverSpec(server: ServerModel): ServerSpec {
  if (server.variables.length === 0) return server.template;
  // No prototype: a variable named `__proto__` must stay a key.
  const variables: Record<string, ServerVariableSpec> = Object.create(null);
  for (const v of server.variables) variables[v.name] = { default: v.default, enum: v.enum };
  const settled = server.variables.every((v) => v.default !== undefined && (v.enum === undefined || v.enum.length === 0 || v.enum.includes(v.default)));
  return { template: server.template, url: settled ? server.url : undefined, variables };
}
