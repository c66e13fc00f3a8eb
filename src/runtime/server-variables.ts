import type { ServerSpec } from './servers.js';

/**
 * Server URL templates filled with the client's `serverVariables`. Substitution is plain, as the
 * OpenAPI specification defines it (the value replaces `{name}` as given, unencoded): variables
 * legitimately hold a port, a `/v2` base path or a whole host, and they come from the developer,
 * trusted like `baseUrl`. Only clients whose document declares variables import this module.
 */

const own = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** The FillServerUrls (servers.ts) of clients whose servers declare variables: each URL filled, '' for no server. */
export function fillServerUrls(servers: ReadonlyArray<ServerSpec | undefined>, values: Readonly<Record<string, string>>, requireAll: boolean): string[] {
  // A name is known if one of these servers declares it.
  const known = servers.flatMap((server) => Object.keys(server?.variables ?? {}));
  for (const name of Object.keys(values)) {
    if (!known.includes(name)) {
      throw new TypeError(`serverVariables has no ${JSON.stringify(name)}; ${known.length ? `the variables are ${[...new Set(known)].sort().join(', ')}` : 'the servers have no variables'}`);
    }
  }
  return servers.map((server) => (server === undefined ? '' : fillServerUrl(server, values, requireAll)));
}

/**
 * The template with each `{name}` it declares replaced: the caller's value (checked against the
 * enum) or the default. Values for names it does not declare belong to other servers.
 */
function fillServerUrl(server: ServerSpec, values: Readonly<Record<string, string>>, requireAll: boolean): string {
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
