/**
 * Renders every schema of a real document as a TypeScript module, with a deliberately simple naming
 * (pascal-case + counter) standing in for the planner: named types from components/schemas, and one
 * `InlineN` alias per schema found anywhere else (parameters, bodies, responses, webhooks...).
 */
import { childPointer } from '../../../src/json/json-pointer.js';
import { schemaToType, type SchemaContext } from '../../../src/analyze/schema-to-type.js';
import { docComment } from '../../../src/emit/escape.js';
import { toIdentifier } from '../../../src/plan/identifiers.js';
import { typeToText } from '../../../src/emit/type-text.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function dialectOf(document: Json): SchemaContext['dialect'] {
  return String(document.openapi).startsWith('3.0') ? '3.0' : '3.1';
}

export function componentSchemas(document: Json): Json {
  const components = isObject(document.components) ? document.components : {};
  return isObject(components.schemas) ? components.schemas : {};
}

/** Schemas outside components/schemas, with their pointers; example payloads are not searched. */
export function inlineSchemas(document: Json): Array<{ schema: unknown; pointer: string }> {
  const found: Array<{ schema: unknown; pointer: string }> = [];
  const walk = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, childPointer(pointer, i)));
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const at = childPointer(pointer, key);
      if (key === 'example' || key === 'examples' || at === '#/components/schemas') continue;
      if (key === 'schema' && (isObject(child) || typeof child === 'boolean')) found.push({ schema: child, pointer: at });
      else walk(child, at);
    }
  };
  walk(document, '#');
  return found;
}

export function renderModule(document: Json, options: { inline: boolean }): string {
  const ctx: SchemaContext = { document, dialect: dialectOf(document) };
  const used = new Set<string>();
  const unique = (base: string) => {
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}${i}`;
    used.add(name);
    return name;
  };
  const schemas = componentSchemas(document);
  const names = new Map<string, string>();
  for (const key of Object.keys(schemas)) names.set(key, unique(toIdentifier(key, 'pascal', 'Schema')));
  const refName = (key: string) => {
    const name = names.get(key);
    if (name === undefined) throw new Error(`ref to unknown component ${key}`);
    return name;
  };

  const out: string[] = [];
  for (const key of Object.keys(schemas)) {
    const pointer = childPointer('#', 'components', 'schemas', key);
    const schema = schemas[key];
    out.push(docComment([isObject(schema) && typeof schema.description === 'string' ? schema.description : undefined]));
    out.push(`export type ${names.get(key)} = ${typeToText(schemaToType(schema, pointer, ctx), { refName })};\n`);
  }
  if (options.inline) {
    for (const { schema, pointer } of inlineSchemas(document)) {
      out.push(`// ${pointer.replace(/[\r\n\u2028\u2029]/g, ' ')}\n`);
      out.push(`export type ${unique('Inline')} = ${typeToText(schemaToType(schema, pointer, ctx), { refName })};\n`);
    }
  }
  return out.join('');
}
