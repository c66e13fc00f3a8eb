import type { ApiModel, ServerModel } from '../../model/index.js';
import { allServers, serverVariableProperties } from '../../plan/server-variables.js';
import type { ServerSpec, ServerVariableSpec } from '../../runtime/servers.js';
import { docComment, stringLiteral } from '../escape.js';
import { toLiteral } from '../literal.js';
import { typeToText } from '../type-text.js';

/** The client's `server` and `serverVariables` options, as templates/client.ts.hbs inserts them. */
export interface ServersView {
  /** `["https://…", { url: …, variables: … }, …]`: the document's servers for the runtime's chooseServer. */
  serversLiteral: string;
  /** `{ uploadPhoto: "https://…" }`: per operation with servers of its own, the first of them (chooseServer's third argument). */
  operationServersLiteral: string;
  /** chooseServer's fourth argument: `fillServerUrls` when some server URL has variables to fill, else `fixedServerUrls`. */
  fill: string;
  /**
   * `{ baseUrl: "https://…", operationBaseUrls: new Map([…]) }`: the URLs with the variables'
   * defaults, so a client given neither `server` nor `serverVariables` fills in no template; ''
   * when no server has variables (its URLs are the table's) or they cannot be settled here.
   */
  defaultsLiteral: string;
  serverDoc: string;
  /** `0 | 1`, or `never` when the document declares no servers. */
  serverIndex: string;
  serverVariablesDoc: string;
  /** `{ region?: "eu" | "us" }`, or `Record<string, never>` when no server has variables. */
  serverVariablesType: string;
}

/**
 * `operations`: each operation's method name (its spec's id) and model. The operation servers are a
 * table of their own, not read from the operations table, so the Core class does not pull every
 * operation's spec into a bundle. `fillsServerUrls`: the plan's decision (it also decides the import).
 */
export function serversView(model: ApiModel, operations: ReadonlyArray<{ id: string; model: { servers?: ServerModel[] | undefined } }>, fillsServerUrls: boolean): ServersView {
  // No prototype: an operation named `__proto__` must stay a key.
  const operationServers: Record<string, ServerSpec> = Object.create(null);
  const ownServers: Array<[string, ServerModel]> = [];
  for (const op of operations) {
    const first = op.model.servers?.[0];
    if (first === undefined) continue;
    operationServers[op.id] = serverSpec(first);
    ownServers.push([op.id, first]);
  }
  const variables = serverVariableProperties(model);
  const listed = model.servers.map((server, i) => `- \`${i}\`: \`${server.template}\`${server.description ? ` — ${server.description}` : ''}`);
  const own = allServers(model).length > model.servers.length;
  return {
    serversLiteral: toLiteral(model.servers.map(serverSpec)),
    operationServersLiteral: toLiteral(operationServers),
    fill: fillsServerUrls ? 'fillServerUrls' : 'fixedServerUrls',
    defaultsLiteral: fillsServerUrls ? defaultServers(model.servers[0], ownServers) : '',
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
  };
}

/**
 * The runtime's DefaultServers: server 0's URL (or '', no servers) and each operation's own, each
 * with its variables' defaults, as the runtime would fill them given no values; '' when one of them
 * could not be used as it is: a variable without default or with a default outside its enum (the
 * runtime refuses those), or a URL that is not absolute (checked against the page at run time).
 */
function defaultServers(server: ServerModel | undefined, own: ReadonlyArray<[string, ServerModel]>): string {
  const settled = (s: ServerModel) => s.variables.every((v) => v.default !== undefined && (v.enum === undefined || v.enum.length === 0 || v.enum.includes(v.default))) && URL.canParse(s.url);
  if ((server !== undefined && !settled(server)) || !own.every(([, s]) => settled(s))) return '';
  const baseUrl = `baseUrl: ${stringLiteral(server?.url ?? '')}`;
  return own.length ? `{ ${baseUrl}, operationBaseUrls: new Map(${toLiteral(own.map(([id, s]) => [id, s.url]))}) }` : `{ ${baseUrl} }`;
}

/** The runtime's ServerSpec: the URL, or the URL template and its variables, as plain data. */
export function serverSpec(server: ServerModel): ServerSpec {
  if (server.variables.length === 0) return server.template;
  // No prototype: a variable named `__proto__` must stay a key.
  const variables: Record<string, ServerVariableSpec> = Object.create(null);
  for (const v of server.variables) variables[v.name] = { default: v.default, enum: v.enum };
  return { url: server.template, variables };
}
