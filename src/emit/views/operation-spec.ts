import type { BodyEncoding, ParameterModel } from '../../model/index.js';
import type { PlannedOperation } from '../../plan/index.js';
import { isSuccessStatus, successReading } from '../../plan/result-type.js';
import type * as Encoders from '../../runtime/encode-body.js';
import type { BodySpec, OperationSpec, ParamSpec, SchemeUseSpec } from '../../runtime/operation.js';
import type * as PathStyles from '../../runtime/path-styles.js';
import type * as HeaderSerializers from '../../runtime/serialize-header.js';
import type * as QuerySerializers from '../../runtime/serialize-query.js';
import { RuntimeRef } from '../literal.js';

/** A runtime spec as the generator writes it: each function it holds is a RuntimeRef (the runtime's export of that name). */
type Written<T> = T extends unknown ? { [K in keyof T]: WrittenValue<T[K]> } : never;
type WrittenValue<V> = [Exclude<V, undefined>] extends [never] ? V : Exclude<V, undefined> extends (...args: never[]) => unknown ? RuntimeRef | Extract<V, undefined> : V;

export type WrittenParamSpec = Written<ParamSpec>;
export type WrittenOperationSpec = Omit<OperationSpec, 'params' | 'body'> & { params: readonly WrittenParamSpec[]; body?: Written<BodySpec> | undefined };

type Serializer = keyof typeof QuerySerializers | keyof typeof HeaderSerializers;

// The runtime's ParamSerializer of each location; a path parameter is filled into the template instead.
const SERIALIZERS: Readonly<Record<Exclude<ParameterModel['in'], 'path'>, Serializer>> = {
  query: 'writeQueryParam',
  querystring: 'writeQueryString',
  header: 'writeHeaderParam',
  cookie: 'writeCookieParam',
};

// Path styles besides the default `simple`, which need a serializer of their own.
const PATH_STYLES: Readonly<Record<string, keyof typeof PathStyles>> = { label: 'labelPathValue', matrix: 'matrixPathValue' };

const ENCODERS: Readonly<Record<BodyEncoding, keyof typeof Encoders>> = {
  json: 'encodeJsonBody',
  form: 'encodeFormBody',
  multipart: 'encodeMultipartBody',
  text: 'encodeTextBody',
  binary: 'encodeBinaryBody',
};

/** The runtime's `OperationSpec` for one operation, with its serializers and body encoder named. */
export function operationSpec(op: PlannedOperation): WrittenOperationSpec {
  const model = op.model;
  const keys = new Map(op.args.flatMap((arg) => (arg.parameter ? [[arg.parameter, arg.key] as const] : [])));
  return {
    id: op.methodName,
    method: model.method.toUpperCase(),
    path: model.requestPath ?? model.path,
    // In spec order, parameters the client fills in among them: the query keeps the document's order.
    params: model.parameters.flatMap((p): WrittenParamSpec[] => {
      const key = keys.get(p);
      if (key === undefined && p.fixed === undefined) return [];
      if (p.fixed !== undefined && 'flag' in p.fixed) return [{ key: p.name, name: p.name, in: 'query', flag: true }];
      const defaultStyle = p.in === 'path' || p.in === 'header' ? 'simple' : 'form';
      const fields = {
        key: key ?? p.name,
        name: p.name,
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
      };
      if (p.in !== 'path') return [{ ...fields, in: p.in, serialize: new RuntimeRef(SERIALIZERS[p.in]) }];
      const style = Object.hasOwn(PATH_STYLES, p.style) && p.contentType === undefined ? PATH_STYLES[p.style] : undefined;
      return [{ ...fields, in: 'path', serialize: style === undefined ? undefined : new RuntimeRef(style) }];
    }),
    accept: acceptHeader(op),
    response: successReading(model),
    body: op.body ? { key: op.body.key, encoding: op.body.media.encoding, mediaType: op.body.media.mediaType, encode: new RuntimeRef(ENCODERS[op.body.media.encoding]) } : undefined,
    security: model.security.map((alt) => alt.schemes.map((s): SchemeUseSpec => [s.scheme, s.scopes])),
  };
}

/** The runtime exports a spec names (its serializers and body encoder), to be imported beside it. */
export function runtimeRefsOf(spec: WrittenOperationSpec): string[] {
  const names = spec.params.flatMap((p) => (p.serialize === undefined ? [] : [p.serialize.name]));
  if (spec.body !== undefined) names.push(spec.body.encode.name);
  return names;
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
