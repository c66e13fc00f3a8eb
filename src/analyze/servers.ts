import type { ServerModel } from '../model/index.js';
import { isObject, type JsonObject } from '../json/json-object.js';
import { optionalString } from './resolve.js';

/** `servers` with every `{variable}` replaced by its default. */
export function analyzeServers(document: JsonObject): ServerModel[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  return servers.filter(isObject).flatMap((server) => {
    const url = optionalString(server.url);
    if (url === undefined) return [];
    const variables = isObject(server.variables) ? server.variables : {};
    const resolved = url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const variable = variables[name];
      return isObject(variable) && variable.default !== undefined ? String(variable.default) : whole;
    });
    return [{ url: resolved, description: optionalString(server.description) }];
  });
}
