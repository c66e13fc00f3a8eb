import type { TypeNode } from '../../model/index.js';
import type { SchemaAt } from './schema-at.js';

/** Reading keywords off untrusted schema objects: own properties only, never the prototype chain. */

export type SchemaObject = Record<string, unknown>;

/** A function that converts a sub-schema found at `at`. */
export type Convert = (schema: unknown, at: SchemaAt) => TypeNode;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keyword's value when the schema itself declares it (so `constructor`, `__proto__` never leak in). */
export function keyword(schema: SchemaObject, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(schema, name) ? schema[name] : undefined;
}

export function hasKeyword(schema: SchemaObject, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(schema, name);
}

/** The string members of an array keyword (`required`, `type`), or [] when it is not an array. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
