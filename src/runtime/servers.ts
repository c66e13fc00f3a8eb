import { documentBase } from './document-base.js';

/**
 * The document's servers and the client's `server` / `serverVariables` options: which base URLs the
 * client sends to. Filling in variables is server-variables.ts's part, linked only by clients whose
 * servers declare some.
 */

export interface ServerVariableSpec {
  /** Absent only when the document omits it: the client must then be given a value. */
  readonly default?: string;
  /** The only values allowed. */
  readonly enum?: readonly string[];
}

/** A server as the generated client lists it: its URL, or, when it declares variables, the URL template with them. */
export type ServerSpec = string | { readonly url: string; readonly variables: Readonly<Record<string, ServerVariableSpec>> };

/** Per operation id, the first of its own servers (a path- or operation-level `servers`); only operations that have one. */
export type OperationServers = Readonly<Record<string, ServerSpec>>;

/**
 * The base URLs of a client given neither `server` nor `serverVariables`, the generator's work:
 * server 0's URL with its variables' defaults, and each operation's own server's likewise. Absent
 * when that cannot be settled in advance (a variable without default, a relative URL to check).
 */
export interface DefaultServers {
  readonly baseUrl: string;
  readonly operationBaseUrls?: ReadonlyMap<string, string>;
}

/** The options chooseServer reads, in the client's config, which it completes with the base URLs. */
export interface ServerConfig {
  baseUrl?: string | undefined;
  server?: unknown;
  serverVariables?: unknown;
  operationBaseUrls?: ReadonlyMap<string, string> | undefined;
}

/**
 * The URLs of the servers a client uses (the chosen one, absent when the document has none, then
 * each operation's own) with the caller's values, refusing a name none of them declares:
 * fixedServerUrls when no server declares variables, else server-variables.ts's fillServerUrls.
 */
export type FillServerUrls = (servers: ReadonlyArray<ServerSpec | undefined>, values: Readonly<Record<string, string>>, requireAll: boolean) => string[];

/**
 * Sets `config.baseUrl` (unless given) and `config.operationBaseUrls` from `server` (an index into
 * the document's servers, default 0) and `serverVariables`, once, at construction. Neither given:
 * the precomputed `defaults`, when there are. Every mistake is a TypeError naming the option; a value
 * is never quoted (one could be a tenant secret), only what would have been allowed. They are
 * checked even when `baseUrl` is set, which then wins: no operation goes to a server of its own.
 */
export function chooseServer(config: ServerConfig, servers: readonly ServerSpec[], operations: OperationServers, fill: FillServerUrls, defaults?: DefaultServers): void {
  const { server, serverVariables } = config;
  if (defaults && server === undefined && serverVariables === undefined) {
    if (config.baseUrl === undefined) Object.assign(config, defaults);
    return;
  }
  const count = servers.length;
  const index = (server ?? 0) as number;
  if (count ? !(Number.isInteger(index) && index >= 0 && index < count) : server !== undefined) {
    throw new TypeError(count ? `server must be the index of one of the document's servers: 0${count > 1 ? ` to ${count - 1}` : ''}` : 'server: the document declares no servers; pass baseUrl instead');
  }
  const ids = Object.keys(operations);
  // With a baseUrl, a variable without default needs no value: that server is not used.
  const requireAll = config.baseUrl === undefined;
  const [url, ...urls] = fill([servers[index], ...ids.map((id) => operations[id])], variableValues(serverVariables), requireAll) as [string, ...string[]];
  if (requireAll) {
    config.operationBaseUrls = new Map(ids.map((id, i) => [id, absolute(urls[i]!, `the server of operation ${id}`)]));
    if (count) absolute(url, `server ${index}`, '; pass baseUrl');
  }
  config.baseUrl ??= url;
}

/** The FillServerUrls of clients whose servers declare no variables: their URLs as they are, and any name given is unknown. */
export function fixedServerUrls(servers: ReadonlyArray<ServerSpec | undefined>, values: Readonly<Record<string, string>>): string[] {
  for (const name in values) throw new TypeError(`serverVariables has no ${JSON.stringify(name)}; the servers have no variables`);
  return servers.map((server) => (server ?? '') as string);
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

/** The values given, without prototype (a variable may be named `constructor`); undefined ones left out. */
function variableValues(raw: unknown): Readonly<Record<string, string>> {
  const values: Record<string, string> = Object.create(null);
  if (raw === undefined) return values;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new TypeError('serverVariables must be an object of variable names to string values');
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new TypeError(`serverVariables.${name} must be a string`);
    values[name] = value;
  }
  return values;
}
