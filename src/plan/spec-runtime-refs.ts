import type { BodyEncoding, ParameterModel } from '../model/index.js';
import type * as Encoders from '../runtime/encode-body.js';
import type * as PathStyles from '../runtime/path-styles.js';
import type * as HeaderSerializers from '../runtime/serialize-header.js';
import type * as PathExpansion from '../runtime/serialize-path.js';
import type * as QuerySerializers from '../runtime/serialize-query.js';
import type { PlannedOperation } from './plan-operation.js';

/**
 * The runtime functions an operation spec names (operations.ts imports them): the path expander
 * when its path has parameters, the serializer of
 * each parameter sent outside the path, or in a path style other than `simple`, and the encoder of
 * the body. Decided here, so the module's imports and the runtime files copied are planned with
 * every other name.
 */

type Serializer = keyof typeof QuerySerializers | keyof typeof HeaderSerializers | keyof typeof PathStyles;

/** The path template filler, named by the specs whose path has `{parameters}`. */
export const PATH_EXPANDER: keyof typeof PathExpansion = 'expandPath';

/** The path an operation's spec carries: the request path when the operation has one of its own. */
export function specPath(op: PlannedOperation): string {
  return op.model.requestPath ?? op.model.path;
}

/** Whether the spec's path has parameters to fill (see PATH_EXPANDER). */
export function expandsPath(path: string): boolean {
  return path.includes('{');
}

const SERIALIZERS: Readonly<Record<Exclude<ParameterModel['in'], 'path'>, Serializer>> = {
  query: 'writeQueryParam',
  querystring: 'writeQueryString',
  header: 'writeHeaderParam',
  cookie: 'writeCookieParam',
};

// Path styles besides the default `simple`; content-encoded values (JSON) take the default too.
const PATH_STYLES: Readonly<Record<string, Serializer>> = { label: 'labelPathValue', matrix: 'matrixPathValue' };

const ENCODERS: Readonly<Record<BodyEncoding, keyof typeof Encoders>> = {
  json: 'encodeJsonBody',
  form: 'encodeFormBody',
  multipart: 'encodeMultipartBody',
  text: 'encodeTextBody',
  binary: 'encodeBinaryBody',
};

/**
 * A query parameter in the default style (form, exploded, no allowReserved, no content type): the
 * small serializer of that style alone, so a client whose query parameters are all such links no
 * other style's code.
 */
const FORM_QUERY: Serializer = 'writeFormQuery';

/** The serializer a parameter's spec names; undefined for a `simple` path parameter. */
export function paramSerializer(p: ParameterModel): Serializer | undefined {
  if (p.in === 'query' && p.style === 'form' && p.explode && p.allowReserved !== true && p.contentType === undefined) return FORM_QUERY;
  if (p.in !== 'path') return SERIALIZERS[p.in];
  return Object.hasOwn(PATH_STYLES, p.style) && p.contentType === undefined ? PATH_STYLES[p.style] : undefined;
}

export function bodyEncoder(encoding: BodyEncoding): string {
  return ENCODERS[encoding];
}

/** Every runtime function the operations' specs name, each once, in first-use order. */
export function specRuntimeRefs(operations: readonly PlannedOperation[]): string[] {
  const names = new Set<string>();
  for (const op of operations) {
    if (expandsPath(specPath(op))) names.add(PATH_EXPANDER);
    for (const { parameter } of op.specParameters) {
      if (parameter.fixed !== undefined && 'flag' in parameter.fixed) continue;
      const serializer = paramSerializer(parameter);
      if (serializer !== undefined) names.add(serializer);
    }
    if (op.body) names.add(bodyEncoder(op.body.media.encoding));
  }
  return [...names];
}
