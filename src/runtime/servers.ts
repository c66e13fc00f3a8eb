import { documentBase } from './document-base.js';

/**
 * The document's servers and the `server` / `serverVariables` options of the client class and of
 * the generated server-URL builder: which base URLs they send to. A `<Name>Core` links none of this:
 * it takes a `baseUrl` (the builder's, or its own) or else the URLs the generator wrote with every
 * variable's default. Filling in variables is server-variables.ts's part, linked only by clients
 * whose servers declare some, and run only when `serverVariables` is given.
 */

export interface ServerVariableSpec {
  /** Absent only when the document omits it: the client must then be given a value. */
  readonly default?: string;
  /** The only values allowed. */
  readonly enum?: readonly string[];
}

/**
 * A server as the generated client lists it: its URL when it declares no variables; else its URL
 * template with them, and the URL with their defaults (absent when a variable has no default, or
 * one outside its enum: the template is then filled, and refused, at construction).
 */
export type ServerSpec = string | { readonly template: string; readonly url?: string; readonly variables: Readonly<Record<string, ServerVariableSpec>> };

/** Per operation id, the first of its own servers (a path- or operation-level `servers`); only operations that have one. */
export type OperationServers = Readonly<Record<string, ServerSpec>>;

/** The options chooseServer reads, in the client's config, which it completes with the base URLs. */
export interface ServerConfig {
  baseUrl?: string | undefined;
  server?: unknown;
  serverVariables?: unknown;
  operationBaseUrls?: ReadonlyMap<string, string> | undefined;
}

/**
 * The URLs of the servers a client uses (the chosen one, absent when the document has none, then
 * each operation's own) filled with the caller's values, refusing a name none of them declares:
 * server-variables.ts's fillServerUrls.
 */
export type FillServerUrls = (servers: ReadonlyArray<ServerSpec | undefined>, values: Readonly<Record<string, string>>, requireAll: boolean) => string[];

/**
 * Sets `config.baseUrl` (unless given) and `config.operationBaseUrls` from `server` (an index into
 * the document's servers, default 0) and `serverVariables`, once, at construction; `fill` is passed
 * only when some server declares variables. Every mistake is a TypeError naming the option; a value
 * is never quoted (one could be a tenant secret), only what would have been allowed. They are
 * checked even when `baseUrl` is set, which then wins: no operation goes to a server of its own.
 */
export function chooseServer(config: ServerConfig, servers: readonly ServerSpec[], operations: OperationServers, fill?: FillServerUrls): void {
  const { server, serverVariables } = config;
  const count = servers.length;
  const index = (server ?? 0) as number;
  if (count ? !(Number.isInteger(index) && index >= 0 && index < count) : server !== undefined) {
    throw new TypeError(count ? `server must be the index of one of the document's servers: 0${count > 1 ? ` to ${count - 1}` : ''}` : 'server: the document declares no servers; pass baseUrl instead');
  }
  if (serverVariables !== undefined && (typeof serverVariables !== 'object' || serverVariables === null || Array.isArray(serverVariables))) {
    throw new TypeError('serverVariables must be an object of variable names to string values');
  }
  // Without prototype: a variable may be named `constructor`. Undefined values are left out.
  const values: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(serverVariables ?? {})) {
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new TypeError(`serverVariables.${name} must be a string`);
    values[name] = value;
  }
  const ids = Object.keys(operations);
  const chosen = [servers[index], ...ids.map((id) => operations[id])];
  // With a baseUrl, a variable without default needs no value: that server is not used.
  const requireAll = config.baseUrl === undefined;
  // The URLs with defaults as the generator wrote them, when no value is given and each has them.
  let urls = chosen.map((spec) => (typeof spec === 'object' ? spec.url : spec ?? ''));
  if (!fill) for (const name in values) throw new TypeError(`serverVariables has no ${JSON.stringify(name)}; the servers have no variables`);
  else if (serverVariables !== undefined || urls.includes(undefined)) urls = fill(chosen, values, requireAll);
  if (requireAll) {
    config.operationBaseUrls = new Map(ids.map((id, i) => [id, absolute(urls[i + 1]!, `the server of operation ${id}`)]));
    if (count) absolute(urls[0]!, `server ${index}`, '; pass baseUrl');
  }
  config.baseUrl ??= urls[0];
}

/** The options of the generated server-URL builder (`<name>ServerUrl(options)`), read once each. */
export interface ServerUrlOptions {
  server?: unknown;
  serverVariables?: unknown;
}

/**
 * The base URL of server `server` (default 0) of the document, its `{variables}` filled with
 * `serverVariables`, for a `<Name>Core`'s `baseUrl`: the class's selection, filling and checks,
 * for that one server (a value for a variable it does not declare is refused, as it would be
 * unused). Every operation goes to this URL, its own servers included.
 */
export function serverUrl(servers: readonly ServerSpec[], options: ServerUrlOptions | undefined, fill?: FillServerUrls): string {
  const config: ServerConfig = { server: options?.server, serverVariables: options?.serverVariables };
  chooseServer(config, servers, {}, fill);
  return config.baseUrl!;
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
