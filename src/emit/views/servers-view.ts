import type { ApiModel, ServerModel } from '../../model/index.js';
import { allServers, serverVariableProperties } from '../../plan/server-variables.js';
import type { ServerSpec, ServerVariableSpec } from '../../runtime/servers.js';
import { docComment } from '../escape.js';
import { toLiteral } from '../literal.js';
import { typeToText } from '../type-text.js';

/** The client's `server` and `serverVariables` options, as templates/client.ts.hbs inserts them. */
export interface ServersView {
  /** `[{ url: …, variables: … }, …]`: the document's servers for the runtime's chooseServer. */
  serversLiteral: string;
  /** `{ uploadPhoto: { url: … } }`: per operation with servers of its own, the first of them (chooseServer's second argument). */
  operationServersLiteral: string;
  /** `, fillServerUrls` when some server URL has variables to fill (chooseServer's fourth argument), else ''. */
  fillArgument: string;
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
  for (const op of operations) {
    const first = op.model.servers?.[0];
    if (first !== undefined) operationServers[op.id] = serverSpec(first);
  }
  const variables = serverVariableProperties(model);
  const listed = model.servers.map((server, i) => `- \`${i}\`: \`${server.template}\`${server.description ? ` — ${server.description}` : ''}`);
  const own = allServers(model).length > model.servers.length;
  return {
    serversLiteral: toLiteral(model.servers.map(serverSpec)),
    operationServersLiteral: toLiteral(operationServers),
    fillArgument: fillsServerUrls ? ', fillServerUrls' : '',
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

/** The runtime's ServerSpec: the URL template and its variables, as plain data. */
export function serverSpec(server: ServerModel): ServerSpec {
  if (server.variables.length === 0) return { url: server.template };
  // No prototype: a variable named `__proto__` must stay a key.
  const variables: Record<string, ServerVariableSpec> = Object.create(null);
  for (const v of server.variables) variables[v.name] = { default: v.default, enum: v.enum };
  return { url: server.template, variables };
}
