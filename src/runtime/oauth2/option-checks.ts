/**
 * One checker for every credential option a scheme reads at construction: the option's kind says
 * what it must be (a test and the words of its message), so each check costs a call instead of its
 * own branch and sentence in every app's download. Messages name the scheme and the
 * option, never its value (which may be a secret).
 */
import { ownValue as own } from '../args.js';
import { must } from '../retry.js';

/** What an option must be: a test of its value (given the option's name too), and the words that end the message when it fails (`<name> must be <words>`, the core's must()). */
export type OptionKind = readonly [fits: (value: unknown, name: string) => boolean, must: string];

const isString = (value: unknown): value is string => typeof value === 'string';

// One constant per kind, not one function over all: an app links the kinds its credential's options have.
export const STRING: OptionKind = [isString, 'a string'];
export const TEXT: OptionKind = [(value) => isString(value) && value !== '', 'a non-empty string'];
export const STRINGS: OptionKind = [(value) => Array.isArray(value) && value.every(isString), 'an array of strings'];
export const STRING_MAP: OptionKind = [(value) => typeof value === 'object' && value !== null && Object.values(value).every(isString), 'a map of names to strings'];
export const BOOLEAN: OptionKind = [(value) => typeof value === 'boolean', 'true or false'];
export const FUNCTION: OptionKind = [(value) => typeof value === 'function', 'a function'];
export const EPOCH_MS: OptionKind = [(value) => Number.isFinite(value), 'epoch milliseconds'];

/** One of `values`, listed in the message. Mark a call at a module's top level pure, so an app that never reads it drops it. */
export function oneOf(values: readonly string[]): OptionKind {
  return [(value) => values.includes(value as string), 'one of ' + values.join(', ')];
}

/**
 * The own property `name` of `holder` (undefined when absent), checked against `kind`. `where` is
 * what the message starts with, e.g. `security scheme "oauth": ` or `… : jwtBearer.`; `required`
 * makes an absent option an error too, with the same message.
 */
export function option(holder: object, name: string, [fits, what]: OptionKind, where: string, required?: boolean): unknown {
  const value = own(holder, name);
  // The core's one throw (retry.ts), so the core's checks and these share their message and code.
  must((!required && value === undefined) || fits(value, name), where + name, what);
  return value;
}

/** Each option of `kinds` that `holder` has, checked (see option): one pass over what a construction reads. */
export function checkOptions(holder: object, kinds: Readonly<Record<string, OptionKind>>, where: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name in kinds) values[name] = option(holder, name, kinds[name]!, where);
  return values;
}

/**
 * The own property `name` of `holder`, else undefined: options never come from a prototype. The
 * request core's reader of call arguments (args.ts), which every client links anyway: re-exported,
 * not aliased by a constant (which a bundle keeps as a variable of its own).
 */
export { own };

/** `value[name]` when `value` is an object, else undefined: for reading nested options before they are checked. */
export function member(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
}

/** `security scheme "name": `, the start of every construction message (defined with quoteScheme, which the static builders' messages use too). */
export { schemeWhere } from '../credential-checks.js';
