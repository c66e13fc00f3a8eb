import type { ServerSpec } from './servers.js';

/**
 * Server URL templates filled with the client's `serverVariables`. Substitution is plain, as the
 * OpenAPI specification defines it (the value replaces `{name}` as given, unencoded): variables
 * legitimately hold a port, a `/v2` base path or a whole host, and they come from the developer,
 * trusted like `baseUrl`. Only clients whose document declares variables import this module.
 */

/** The FillServerUrls (servers.ts) of clients whose servers declare variables: each URL filled, '' for no server. */
export function fillServerUrls(servers: ReadonlyArray<ServerSpec | undefined>, values: Readonly<Record<string, string>>, requireAll: boolean): string[] {
  // A name is known if one of these servers declares it.
  const known = servers.flatMap((server) => (typeof server === 'object' ? Object.keys(server.variables) : []));
  for (const name in values) {
    if (!known.includes(name)) {
      throw new TypeError(`serverVariables has no ${JSON.stringify(name)}; ${known.length ? `the variables are ${[...new Set(known)].sort().join(', ')}` : 'the servers have no variables'}`);
    }
  }
  return servers.map((server) => (typeof server === 'object' ? fillServerUrl(server, values, requireAll) : server ?? ''));
}

/**
 * The template with each `{name}` it declares replaced: the caller's value (checked against the
 * enum) or the default. Values for names it does not declare belong to other servers.
 */
function fillServerUrl({ template, variables }: Exclude<ServerSpec, string>, values: Readonly<Record<string, string>>, requireAll: boolean): string {
  const chosen: Record<string, string> = Object.create(null);
  for (const name of Object.keys(variables)) {
    const { default: fallback, enum: allowed } = variables[name]!;
    // `values` has no prototype: `in` finds only names given.
    const value = name in values ? values[name]! : fallback;
    if (value === undefined) {
      if (requireAll) throw new TypeError(`serverVariables.${name} is required: the document gives ${template} no default for it`);
      continue;
    }
    if (allowed?.length && !allowed.includes(value)) throw new TypeError(`serverVariables.${name} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
    chosen[name] = value;
  }
  // `chosen` has no prototype: a name like `constructor` is found only if declared.
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => chosen[name] ?? whole);
}
