import type { ApiModel, PropertyNode, ServerModel, TypeNode } from '../model/index.js';

/**
 * The `serverVariables` option: one optional property per variable name that the document's servers
 * or an operation's own servers declare, in first-seen order. A name every declaration of which
 * lists an `enum` is the union of those values; any other is a string.
 */
export function serverVariableProperties(model: ApiModel): PropertyNode[] {
  const byName = new Map<string, { values: Set<string> | undefined; notes: string[] }>();
  for (const server of allServers(model)) {
    for (const variable of server.variables) {
      let entry = byName.get(variable.name);
      if (entry === undefined) {
        entry = { values: new Set(), notes: [] };
        byName.set(variable.name, entry);
      }
      if (variable.enum === undefined) entry.values = undefined;
      else for (const value of variable.enum) entry.values?.add(value);
      const note = [
        variable.description,
        variable.default === undefined ? `Required by \`${server.template}\` (no default).` : `Default for \`${server.template}\`: \`${variable.default}\`.`,
      ].filter((line): line is string => line !== undefined);
      entry.notes.push(...note.filter((line) => !entry.notes.includes(line)));
    }
  }
  return [...byName].map(([name, { values, notes }]) => {
    const type: TypeNode = values === undefined || values.size === 0
      ? { kind: 'primitive', name: 'string' }
      : { kind: 'union', members: [...values].map((value) => ({ kind: 'literal', value })) };
    return { name, type, required: false, description: notes.join('\n\n') };
  });
}

/** Some server URL, the document's or an operation's, has `{variables}` to fill. */
export function hasServerVariables(model: ApiModel): boolean {
  return [...model.servers, ...model.operations.flatMap((op) => op.servers ?? [])].some((server) => server.variables.length > 0);
}

/** The document's servers, then each operation's own, without repeats (same template). */
export function allServers(model: ApiModel): ServerModel[] {
  const seen = new Set<string>();
  const servers: ServerModel[] = [];
  for (const server of [...model.servers, ...model.operations.flatMap((op) => op.servers ?? [])]) {
    const key = JSON.stringify([server.template, server.variables]);
    if (seen.has(key)) continue;
    seen.add(key);
    servers.push(server);
  }
  return servers;
}
