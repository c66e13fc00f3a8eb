/**
 * One checker for every credential option a scheme reads at construction: the option's kind says
 * what it must be, and the message comes from one template per kind, so each check costs a call
 * instead of its own branch and sentence in every app's download. Messages name the scheme and the
 * option, never its value (which may be a secret).
 */
import { quoteScheme } from '../credential-checks.js';

/** What an option must be; a list means one of those strings. */
export type OptionKind = 'string' | 'text' | 'url' | 'strings' | 'map' | 'boolean' | 'function' | 'object' | 'time' | readonly string[];

const WANTS: Readonly<Record<string, string>> = {
  string: 'be a string',
  text: 'be a non-empty string',
  url: 'be a non-empty URL string',
  strings: 'be an array of strings',
  map: 'map names to strings',
  boolean: 'be true or false',
  function: 'be a function',
  object: 'be an object',
  time: 'be epoch milliseconds',
};

const isString = (value: unknown): value is string => typeof value === 'string';

function fits(value: unknown, kind: OptionKind): boolean {
  if (typeof kind !== 'string') return kind.includes(value as string);
  if (kind === 'string') return isString(value);
  if (kind === 'text' || kind === 'url') return isString(value) && value !== '';
  if (kind === 'strings') return Array.isArray(value) && value.every(isString);
  if (kind === 'time') return Number.isFinite(value);
  if (kind === 'boolean' || kind === 'function') return typeof value === kind;
  // object or map
  return typeof value === 'object' && value !== null && (kind === 'object' || Object.values(value).every(isString));
}

/**
 * The own property `name` of `holder` (undefined when absent), checked against `kind`. `where` is
 * what the message starts with, e.g. `security scheme "oauth": ` or `… : jwtBearer.`; `required`
 * makes an absent option an error too, with the same message.
 */
export function option(holder: object, name: string, kind: OptionKind, where: string, required?: boolean): unknown {
  const value = own(holder, name);
  if ((required || value !== undefined) && !fits(value, kind)) {
    throw new TypeError(`${where}${name} must ${typeof kind === 'string' ? WANTS[kind] : `be one of ${kind.join(', ')}`}`);
  }
  return value;
}

/** Each option of `kinds` that `holder` has, checked (see option): one pass over what a construction reads. */
export function checkOptions(holder: object, kinds: Readonly<Record<string, OptionKind>>, where: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name in kinds) values[name] = option(holder, name, kinds[name]!, where);
  return values;
}

/** The own property `name` of `holder`, else undefined: options never come from a prototype. */
export function own(holder: object, name: string): unknown {
  return Object.hasOwn(holder, name) ? Reflect.get(holder, name) : undefined;
}

/** `value[name]` when `value` is an object, else undefined: for reading nested options before they are checked. */
export function member(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
}

/** `security scheme "name": `, the start of every construction message. */
export function schemeWhere(scheme: string): string {
  return `security scheme ${quoteScheme(scheme)}: `;
}
