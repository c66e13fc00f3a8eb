import type { SecurityAlternative } from '../../model/index.js';
import type { PlannedOperation } from '../../plan/index.js';
import { isSuccessStatus, successReading } from '../../plan/result-type.js';
import { bodyEncoder, expandsPath, PATH_EXPANDER, paramSerializer, specPath } from '../../plan/spec-runtime-refs.js';
import type { BodySpec, OperationSpec, ParamSpec, SchemeUseSpec } from '../../runtime/operation.js';
import { RuntimeRef } from '../literal.js';

/** A runtime spec as the generator writes it: each function it holds is a RuntimeRef (the runtime's export of that name). */
type Written<T> = T extends unknown ? { [K in keyof T]: WrittenValue<T[K]> } : never;
type WrittenValue<V> = [Exclude<V, undefined>] extends [never] ? V : Exclude<V, undefined> extends (...args: never[]) => unknown ? RuntimeRef | Extract<V, undefined> : V;

export type WrittenParamSpec = Written<ParamSpec>;
export type WrittenOperationSpec = Omit<OperationSpec, 'params' | 'body' | 'expand'> & { expand?: RuntimeRef | undefined; params: readonly WrittenParamSpec[]; body?: Written<BodySpec> | undefined };

/**
 * The runtime's `OperationSpec` for one operation, with its serializers and body encoder named;
 * `server`: the URL of its own server with defaults, for a Core without baseUrl (coreServers).
 */
export function operationSpec(op: PlannedOperation, server?: string): WrittenOperationSpec {
  const model = op.model;
  const path = specPath(op);
  return {
    id: op.methodName,
    method: model.method.toUpperCase(),
    path,
    expand: expandsPath(path) ? new RuntimeRef(PATH_EXPANDER) : undefined,
    // In spec order, parameters the client fills in among them: the query keeps the document's order.
    params: op.specParameters.map(({ parameter: p, key }): WrittenParamSpec => {
      if (p.fixed !== undefined && 'flag' in p.fixed) return { key: p.name, name: p.name, in: 'query', flag: true };
      const defaultStyle = p.in === 'path' || p.in === 'header' ? 'simple' : 'form';
      const serializer = paramSerializer(p);
      const fields = {
        key,
        // Only when it differs from the argument key: the runtime reads `name ?? key` (a flag, above, always has it).
        name: p.name !== key ? p.name : undefined,
        // Set again below only to narrow the type: it keeps this place among the keys.
        in: p.in,
        // Path parameters are always required; for the others the runtime refuses a missing value.
        required: p.required && p.in !== 'path' ? true : undefined,
        // Only what differs from the defaults, to keep the descriptors short.
        style: p.style !== defaultStyle ? p.style : undefined,
        explode: p.explode !== (p.style === 'form') ? p.explode : undefined,
        allowReserved: p.allowReserved,
        contentType: p.contentType,
        value: p.fixed?.value,
        serialize: serializer === undefined ? undefined : new RuntimeRef(serializer),
      };
      if (p.in !== 'path') return { ...fields, in: p.in, serialize: fields.serialize! };
      return { ...fields, in: 'path' };
    }),
    accept: acceptHeader(op),
    response: successReading(model),
    body: op.body ? { key: op.body.key, encoding: op.body.media.encoding, mediaType: op.body.media.mediaType, encode: new RuntimeRef(bodyEncoder(op.body.media.encoding)) } : undefined,
    security: model.security.map(securityAlternative),
    server,
  };
}

/**
 * One alternative as the runtime applies it (security.ts's selectAlternative): each scheme once,
 * with the union of the scopes it is listed with, each scope once.
 */
function securityAlternative(alternative: SecurityAlternative): SchemeUseSpec[] {
  const scopes = new Map<string, Set<string>>();
  for (const { scheme, scopes: asked } of alternative.schemes) scopes.set(scheme, new Set([...(scopes.get(scheme) ?? []), ...asked]));
  return [...scopes].map(([scheme, union]) => [scheme, [...union]]);
}

/** The media types the operation's 2xx responses declare, for `Accept`; undefined when none do. */
function acceptHeader(op: PlannedOperation): string | undefined {
  const types = new Set<string>();
  for (const response of op.model.responses) {
    if (!isSuccessStatus(response.status)) continue;
    for (const media of response.contents) types.add(media.mediaType);
  }
  return types.size ? [...types].join(', ') : undefined;
}
