import type { PlannedOperation } from '../plan/index.js';
import type { LiteralValue } from './literal.js';

/** The runtime's `OperationSpec` for one operation, as plain data. */
export function operationSpec(op: PlannedOperation): LiteralValue {
  const model = op.model;
  return {
    id: op.methodName,
    method: model.method.toUpperCase(),
    path: model.path,
    params: op.args.flatMap((arg) => {
      const p = arg.parameter;
      if (!p) return [];
      const defaultStyle = p.in === 'path' || p.in === 'header' ? 'simple' : 'form';
      return [
        {
          key: arg.key,
          name: p.name,
          in: p.in,
          // Only what differs from the defaults, to keep the descriptors short.
          style: p.style !== defaultStyle ? p.style : undefined,
          explode: p.explode !== (p.style === 'form') ? p.explode : undefined,
          allowReserved: p.allowReserved,
          contentType: p.contentType,
        },
      ];
    }),
    body: op.body ? { key: op.body.key, encoding: op.body.media.encoding, mediaType: op.body.media.mediaType } : undefined,
    security: model.security.map((alt) => alt.schemes.map((s) => [s.scheme, s.scopes])),
  };
}
