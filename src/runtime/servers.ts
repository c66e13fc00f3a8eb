import { documentBase } from './document-base.js';

/**
 * The document's servers and the client's `server` / `serverVariables` options: which base URL the
 * client sends to. Substitution is plain, as the OpenAPI specification defines it (the value
 * replaces `{name}` as given, unencoded): variables legitimately hold a port, a `/v2` base path or
 * a whole host, and they come from the developer, trusted like `baseUrl`.
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

const own = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/**
 * Resolves `server` (an index into the document's servers, default 0) and `serverVariables` once, at
 * construction. Every mistake is a TypeError naming the option; a value is never quoted (one could
 * be a tenant secret), only what would have been allowed. They are checked even when `baseUrl` is
 * set, which then wins: no operation goes to a server of its own.
 */
export function chooseServer(servers: readonly ServerSpec[], operations: OperationServers, options: ServerOptions): ServerChoice {
  const index = options.server ?? 0;
  if (servers.length === 0) {
    if (options.server !== undefined) throw new TypeError('server: the document declares no servers; pass baseUrl instead');
  } else if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= servers.length) {
    throw new TypeError(`server must be the index of one of the document's servers: ${servers.length === 1 ? '0' : `0 to ${servers.length - 1}`}`);
  }
  const values = variableValues(options.serverVariables);
  const chosen = servers[index as number];
  const operationServers = Object.entries(operations);
  // A name is known if the chosen server or any operation's server declares it.
  const known = new Set<string>(Object.keys(chosen?.variables ?? {}));
  for (const [, server] of operationServers) for (const name of Object.keys(server.variables ?? {})) known.add(name);
  for (const name of Object.keys(values)) {
    if (!known.has(name)) {
      const valid = [...known].sort();
      throw new TypeError(`serverVariables has no ${JSON.stringify(name)}; ${valid.length ? `the variables are ${valid.join(', ')}` : 'the servers have no variables'}`);
    }
  }
  // With a baseUrl, a variable without default needs no value: that server is not used.
  const requireAll = options.baseUrl === undefined;
  const baseUrl = chosen === undefined ? '' : substitute(chosen, values, requireAll);
  const operationBaseUrls = new Map<string, string>();
  for (const [id, server] of operationServers) {
    const url = substitute(server, values, requireAll);
    if (!requireAll) continue;
    if (!isUrl(url)) throw new TypeError(`the server of operation ${id} is not a valid absolute URL with these serverVariables`);
    operationBaseUrls.set(id, url);
  }
  if (chosen !== undefined && options.baseUrl === undefined && !isUrl(baseUrl)) {
    throw new TypeError(`server ${String(index)} is not a valid absolute URL with these serverVariables; pass baseUrl`);
  }
  return { baseUrl, operationBaseUrls };
}

function isUrl(url: string): boolean {
  try {
    new URL(url, documentBase());
    return true;
  } catch {
    return false;
  }
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

/**
 * The template with each `{name}` it declares replaced: the caller's value (checked against the
 * enum) or the default. Values for names it does not declare belong to other servers.
 */
function substitute(server: ServerSpec, values: Readonly<Record<string, string>>, requireAll: boolean): string {
  const declared = server.variables ?? {};
  const chosen: Record<string, string> = Object.create(null);
  for (const name of Object.keys(declared)) {
    const variable = declared[name]!;
    const value = own(values, name) ? values[name]! : variable.default;
    if (value === undefined) {
      if (!requireAll) continue;
      throw new TypeError(`serverVariables.${name} is required: the document gives ${server.url} no default for it`);
    }
    if (variable.enum !== undefined && variable.enum.length > 0 && !variable.enum.includes(value)) {
      throw new TypeError(`serverVariables.${name} must be one of ${variable.enum.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    chosen[name] = value;
  }
  return server.url.replace(/\{([^{}]+)\}/g, (whole, name: string) => (own(chosen, name) ? chosen[name]! : whole));
}
