import { type JsonObject } from '../json/json-object.js';
import { convertSchema, extensionsOf, simpleSchemaOf } from './swagger2-schema.js';

/** Where a 2.0 parameter's `collectionFormat` lands in 3.0 for query parameters. */
const QUERY_STYLES: Readonly<Record<string, JsonObject>> = {
  csv: { style: 'form', explode: false },
  multi: { style: 'form', explode: true },
  ssv: { style: 'spaceDelimited', explode: false },
  pipes: { style: 'pipeDelimited', explode: false },
};

/**
 * A 2.0 query/path/header parameter in 3.0 form: the type keywords move into `schema`,
 * `collectionFormat` becomes `style`/`explode`. 2.0 arrays default to csv while 3.0 query arrays
 * default to exploded form, so a csv (or unspecified) query array gets an explicit style. For
 * path and header, csv is 3.0's default `simple` style and needs nothing. Formats 3.0 cannot
 * express (tsv; ssv/pipes outside the query) are kept as `x-collectionFormat`.
 */
export function convertParameter(parameter: JsonObject): JsonObject {
  const out: JsonObject = { name: parameter['name'], in: parameter['in'] };
  for (const key of ['description', 'required', 'allowEmptyValue'] as const) {
    if (parameter[key] !== undefined) out[key] = parameter[key];
  }
  if (parameter['type'] === 'array') Object.assign(out, styleOf(parameter));
  out['schema'] = simpleSchemaOf(parameter);
  if (parameter['x-example'] !== undefined) out['example'] = parameter['x-example'];
  const { 'x-example': _example, 'x-nullable': _nullable, ...extensions } = extensionsOf(parameter);
  return { ...out, ...extensions };
}

function styleOf(parameter: JsonObject): JsonObject {
  const format = typeof parameter['collectionFormat'] === 'string' ? parameter['collectionFormat'] : 'csv';
  if (parameter['in'] === 'query' && QUERY_STYLES[format]) return QUERY_STYLES[format];
  if (format === 'csv') return {};
  return { 'x-collectionFormat': format };
}

/** `in: body` → a Request Body with the body's schema under every media type the operation consumes. */
export function bodyToRequestBody(body: JsonObject, consumes: readonly string[]): JsonObject {
  const schema = convertSchema(body['schema']);
  const requestBody: JsonObject = {};
  if (body['description'] !== undefined) requestBody['description'] = body['description'];
  requestBody['content'] = Object.fromEntries(consumes.map((mediaType) => [mediaType, { schema }]));
  if (body['required'] === true) requestBody['required'] = true;
  // 2.0 bodies have names; generators use this extension to name the argument.
  if (typeof body['name'] === 'string') requestBody['x-codegen-request-body-name'] = body['name'];
  return { ...requestBody, ...extensionsOf(body) };
}

const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * `in: formData` parameters → one Request Body whose schema is an object with a property per
 * parameter. The media types are the form types the operation consumes, else multipart when
 * a file is uploaded and urlencoded otherwise. Array serialization moves into `encoding`.
 */
export function formDataToRequestBody(fields: readonly JsonObject[], consumes: readonly string[]): JsonObject {
  const hasFile = fields.some((field) => field['type'] === 'file');
  const declared = consumes.filter((mediaType) => FORM_MEDIA_TYPES.includes(mediaType.split(';')[0]!.trim().toLowerCase()));
  const mediaTypes = declared.length > 0 ? declared : [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
  // No prototype: a field named `__proto__` must become a property, not replace the prototype.
  const properties: JsonObject = Object.create(null);
  const encoding: JsonObject = Object.create(null);
  const required: string[] = [];
  for (const field of fields) {
    const name = String(field['name']);
    const property = simpleSchemaOf(field);
    if (field['description'] !== undefined) property['description'] = field['description'];
    properties[name] = property;
    if (field['required'] === true) required.push(name);
    if (field['type'] === 'array') encoding[name] = QUERY_STYLES[String(field['collectionFormat'] ?? 'csv')] ?? { 'x-collectionFormat': field['collectionFormat'] };
  }
  const schema: JsonObject = { type: 'object', properties };
  if (required.length > 0) schema['required'] = required;
  const content = Object.fromEntries(
    mediaTypes.map((mediaType) => {
      const media: JsonObject = { schema };
      if (Object.keys(encoding).length > 0 && mediaType.startsWith('application/x-www-form-urlencoded')) media['encoding'] = encoding;
      return [mediaType, media];
    }),
  );
  return required.length > 0 ? { content, required: true } : { content };
}
