import type { ServerModel, ServerVariableModel } from '../model/index.js';
import { isObject } from '../json/json-object.js';
import { optionalString } from './resolve.js';

/**
 * A `servers` list (the document's, a path item's or an operation's) in document order. Each keeps
 * its URL template and variables, and the URL with every `{variable}` replaced by its default.
 * Entries without a string `url` are skipped; undefined when `raw` is no array.
 */
export function analyzeServers(raw: unknown): ServerModel[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isObject).flatMap((server) => {
    const template = optionalString(server.url);
    if (template === undefined) return [];
    const declared = isObject(server.variables) ? server.variables : {};
    const variables = Object.keys(declared).flatMap((name): ServerVariableModel[] => {
      const variable = declared[name];
      if (!isObject(variable)) return [];
      const values = Array.isArray(variable.enum) ? variable.enum.filter(isScalar).map(String) : [];
      return [
        {
          name,
          ...(isScalar(variable.default) ? { default: String(variable.default) } : {}),
          ...(values.length ? { enum: values } : {}),
          ...(optionalString(variable.description) ? { description: optionalString(variable.description) } : {}),
        },
      ];
    });
    const defaults = new Map(variables.flatMap((v) => (v.default === undefined ? [] : [[v.name, v.default] as const])));
    // Plain substitution, as the specification defines it: a default is part of the document's URL.
    const url = template.replace(/\{([^{}]+)\}/g, (whole, name: string) => defaults.get(name) ?? whole);
    const description = optionalString(server.description);
    return [{ url, template, ...(description ? { description } : {}), variables }];
  });
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
