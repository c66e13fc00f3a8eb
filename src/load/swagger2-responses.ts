import { isObject, type JsonObject } from '../json/json-object.js';
import { convertSchema, extensionsOf, mapValues, simpleSchemaOf } from './swagger2-schema.js';

/**
 * A 2.0 Response in 3.0 form: the schema goes under every media type the operation produces,
 * `examples` (keyed by media type) become each media type's `example`, headers get a `schema`.
 */
export function convertResponse(response: unknown, produces: readonly string[]): unknown {
  if (!isObject(response) || typeof response['$ref'] === 'string') return response;
  const out: JsonObject = { description: response['description'] ?? '' };
  if (isObject(response['headers'])) out['headers'] = mapValues(response['headers'], convertHeader);
  const examples = isObject(response['examples']) ? response['examples'] : {};
  if (response['schema'] !== undefined) {
    const schema = convertSchema(response['schema']);
    out['content'] = Object.fromEntries(
      produces.map((mediaType) => {
        const media: JsonObject = { schema };
        if (examples[mediaType] !== undefined) media['example'] = examples[mediaType];
        return [mediaType, media];
      }),
    );
  }
  return { ...out, ...extensionsOf(response) };
}

/** A 2.0 Header (type keywords inline) → a 3.0 Header with a `schema`. */
export function convertHeader(header: unknown): unknown {
  if (!isObject(header)) return header;
  const out: JsonObject = {};
  if (header['description'] !== undefined) out['description'] = header['description'];
  out['schema'] = simpleSchemaOf(header);
  return { ...out, ...extensionsOf(header) };
}
