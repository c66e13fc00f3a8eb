import type { PlannedOperation } from '../../plan/index.js';
import { isSuccessStatus, successReading } from '../../plan/result-type.js';
import type { OperationSpec, ParamSpec, SchemeUseSpec } from '../../runtime/operation.js';

/** The runtime's `OperationSpec` for one operation, as plain data. */
export function operationSpec(op: PlannedOperation): OperationSpec {
  const model = op.model;
  const keys = new Map(op.args.flatMap((arg) => (arg.parameter ? [[arg.parameter, arg.key] as const] : [])));
  return {
    id: op.methodName,
    method: model.method.toUpperCase(),
    path: model.requestPath ?? model.path,
    // In spec order, parameters the client fills in among them: the query keeps the document's order.
    params: model.parameters.flatMap((p): ParamSpec[] => {
      const key = keys.get(p);
      if (key === undefined && p.fixed === undefined) return [];
      if (p.fixed !== undefined && 'flag' in p.fixed) return [{ key: p.name, name: p.name, in: p.in, flag: true }];
      const defaultStyle = p.in === 'path' || p.in === 'header' ? 'simple' : 'form';
      return [
        {
          key: key ?? p.name,
          name: p.name,
          in: p.in,
          // Path parameters are always required; for the others the runtime refuses a missing value.
          required: p.required && p.in !== 'path' ? true : undefined,
          // Only what differs from the defaults, to keep the descriptors short.
          style: p.style !== defaultStyle ? p.style : undefined,
          explode: p.explode !== (p.style === 'form') ? p.explode : undefined,
          allowReserved: p.allowReserved,
          contentType: p.contentType,
          value: p.fixed?.value,
        },
      ];
    }),
    accept: acceptHeader(op),
    response: successReading(model),
    body: op.body ? { key: op.body.key, encoding: op.body.media.encoding, mediaType: op.body.media.mediaType } : undefined,
    security: model.security.map((alt) => alt.schemes.map((s): SchemeUseSpec => [s.scheme, s.scopes])),
  } satisfies OperationSpec;
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
