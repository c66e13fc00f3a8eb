import { documentBase } from './document-base.js';

/**
 * The document's servers and the client's `server` / `serverVariables` options: which base URL the
 * client sends to. Filling in variables is server-variables.ts's part.
 */

export interface ServerVariableSpec {
  /** Absent only when the document omits it: the client must then be given a value. */
  readonly default?: string;
  /** The only values allowed. */
  readonly enum?: readonly string[];
}

export interface ServerSpec {
  /** URL template: `https://{region}.api.example.com/v1`. */
  readonly url: string;
  readonly variables?: Readonly<Record<string, ServerVariableSpec>>;
}

export interface ServerChoice {
  /** The chosen document server's URL, variables substituted. */
  baseUrl: string;
  /** Per operation id, the URL of the operation's own first server (a path- or operation-level `servers`). */
  operationBaseUrls: ReadonlyMap<string, string>;
}

/** The client options chooseServer reads (unknown: plain JavaScript callers pass anything). */
export interface ServerOptions {
  readonly baseUrl?: unknown;
  readonly server?: unknown;
  readonly serverVariables?: unknown;
}

/** Per operation id, the first of its own servers (a path- or operation-level `servers`); only operations that have one. */
export type OperationServers = Readonly<Record<string, ServerSpec>>;

/**
 * Fills the URL templates of the servers a client may use (the chosen one, absent when the document
 * has none, then each operation's own) with the caller's values, refusing a name none of them
 * declares: server-variables.ts's fillServerUrls. The generated client passes it only when some
 * server declares variables, so a client whose servers have none does not carry the substitution.
 */
export type FillServerUrls = (servers: ReadonlyArray<ServerSpec | undefined>, values: Readonly<Record<string, string>>, requireAll: boolean) => string[];

/**
 * Resolves `server` (an index into the document's servers, default 0) and `serverVariables` once, at
 * construction. Every mistake is a TypeError naming the option; a value is never quoted (one could
 * be a tenant secret), only what would have been allowed. They are checked even when `baseUrl` is
 * set, which then wins: no operation goes to a server of its own.
 */
export function chooseServer(servers: readonly ServerSpec[], operations: OperationServers, options: ServerOptions, fill: FillServerUrls = fixedUrls): ServerChoice {
  const count = servers.length;
  const index = options.server ?? 0;
  if (count === 0 && options.server !== undefined) throw new TypeError('server: the document declares no servers; pass baseUrl instead');
  if (count > 0 && !(Number.isInteger(index) && (index as number) >= 0 && (index as number) < count)) {
    throw new TypeError(`server must be the index of one of the document's servers: ${count === 1 ? '0' : `0 to ${count - 1}`}`);
  }
  const ids = Object.keys(operations);
  // With a baseUrl, a variable without default needs no value: that server is not used.
  const requireAll = options.baseUrl === undefined;
  const urls = fill([servers[index as number], ...ids.map((id) => operations[id])], variableValues(options.serverVariables), requireAll);
  const operationBaseUrls = new Map<string, string>();
  if (requireAll) {
    ids.forEach((id, i) => operationBaseUrls.set(id, absolute(urls[i + 1]!, `the server of operation ${id}`)));
    if (count > 0) absolute(urls[0]!, `server ${String(index)}`, '; pass baseUrl');
  }
  return { baseUrl: urls[0]!, operationBaseUrls };
}

/** The servers declare no variables: their URLs as they are, and any name given is unknown. */
function fixedUrls(servers: ReadonlyArray<ServerSpec | undefined>, values: Readonly<Record<string, string>>): string[] {
  for (const name of Object.keys(values)) throw new TypeError(`serverVariables has no ${JSON.stringify(name)}; the servers have no variables`);
  return servers.map((server) => server?.url ?? '');
}

/** `url`, if it parses (against the page, in a browser); else a TypeError naming `what`. */
function absolute(url: string, what: string, hint = ''): string {
  try {
    new URL(url, documentBase());
  } catch {
    throw new TypeError(`${what} is not a valid absolute URL with these serverVariables${hint}`);
  }
  return url;
}

function variableValues(raw: unknown): Readonly<Record<string, string>> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TypeError('serverVariables must be an object of variable names to string values');
  const values: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new TypeError(`serverVariables.${name} must be a string`);
    values[name] = value;
  }
  return values;
}
