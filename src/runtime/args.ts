/**
 * Reads a value from the caller's argument object. Keys come from the spec, so they may be
 * `constructor` or `__proto__`: only own properties count, never anything inherited.
 */
export function ownValue(args: object | undefined, key: string): unknown {
  return args != null && Object.hasOwn(args, key) ? (args as Readonly<Record<string, unknown>>)[key] : undefined;
}

/** Arrays are lists and Dates are scalars; every other non-null object is a map of properties. */
export function isPropertyMap(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Own enumerable properties whose value is not undefined, in insertion order. */
export function definedEntries(value: Readonly<Record<string, unknown>>): Array<[string, unknown]> {
  return Object.entries(value).filter((entry) => entry[1] !== undefined);
}

/** A parameter's value for this call: the one the spec fixes (a string, number or boolean, never null), else the caller's. */
export function paramValue(param: { key: string; value?: string | number | boolean | undefined }, args: Readonly<Record<string, unknown>> | undefined): unknown {
  return param.value ?? ownValue(args, param.key);
}
