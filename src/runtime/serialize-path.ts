import { definedEntries, isPropertyMap, paramValue } from './args.js';
import type { OperationSpec, ParamFields, PathParamSpec } from './operation.js';
import { encodeUnreserved, toParamText } from './uri-encoding.js';

/**
 * Serializes one path parameter value in style `simple`, the default. A spec names another style's
 * PathSerializer (path-styles.ts: label, matrix) for the parameters that use it.
 */
export function serializePathValue(param: ParamFields, value: unknown): string {
  if (param.contentType !== undefined) return encodeUnreserved(JSON.stringify(value));
  if (Array.isArray(value)) return value.map((item) => encodeUnreserved(toParamText(item))).join(',');
  if (isPropertyMap(value)) {
    // Exploded `k=v,k2=v2`, else `k,v,k2,v2`.
    const between = param.explode === true ? '=' : ',';
    return definedEntries(value)
      .map(([k, v]) => encodeUnreserved(k) + between + encodeUnreserved(toParamText(v)))
      .join(',');
  }
  return encodeUnreserved(toParamText(value));
}

// The WHATWG URL parser resolves these (even percent-encoded) and would move the request elsewhere.
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

/**
 * Fills the path template. Values are percent-encoded, so they never add a `/`; a value that would
 * form a whole `.` or `..` segment is refused because no encoding stops URL parsers resolving it.
 */
export function expandPath(op: OperationSpec, args: Readonly<Record<string, unknown>> | undefined): string {
  // Named only by specs whose path has {parameters} (the generator's expandsPath); one without
  // comes out as it is, its segments those of the template.
  const expanded = op.path.replace(/\{([^{}]*)\}/g, (_match, name: string) => {
    // A type predicate, not an inferred one: TypeScript before 5.5 does not narrow through find.
    const param = op.params.find((p): p is PathParamSpec => p.in === 'path' && (p.name ?? p.key) === name);
    if (param === undefined) throw new TypeError(`${op.id}: no path parameter fills {${name}}`);
    const value = paramValue(param, args);
    if (value === undefined || value === null) {
      throw new TypeError(`${op.id}: missing required path parameter "${param.key}"`);
    }
    return (param.serialize ?? serializePathValue)(param, value);
  });
  const templateSegments = op.path.split('/');
  if (expanded.split('/').some((segment, index) => DOT_SEGMENT.test(segment) && segment !== templateSegments[index])) {
    throw new TypeError(`${op.id}: a path parameter may not be "." or ".."`);
  }
  return expanded;
}
