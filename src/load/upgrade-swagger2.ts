import { lookupSegments, parseFragment } from '../json/json-pointer.js';
import { bodyToRequestBody, convertParameter, formDataToRequestBody } from './swagger2-parameters.js';
import { Relocations } from './swagger2-relocations.js';
import { convertResponse } from './swagger2-responses.js';
import { isObject, type JsonObject } from '../json/json-object.js';
import { convertSchema, extensionsOf, mapValues } from './swagger2-schema.js';
import { convertSecurityScheme } from './swagger2-security.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);
const DEFAULT_MEDIA_TYPES = ['application/json'];

interface Context {
  source: JsonObject;
  consumes: string[];
  produces: string[];
  relocations: Relocations;
}

/** A parameter as written (inline or `$ref`) with the object it stands for. */
interface ParameterEntry {
  written: JsonObject;
  resolved: JsonObject;
  index: number;
}

/**
 * Rewrites a (valid, bundled) Swagger 2.0 document into OpenAPI 3.0.3 shape, keeping local
 * `$ref`s as `$ref`s (re-pointed to where their targets moved). Pure: the input is not modified.
 */
export function upgradeSwagger2(swagger: JsonObject): JsonObject {
  const source = structuredClone(swagger);
  const context: Context = {
    source,
    consumes: mediaTypeList(source['consumes']) ?? DEFAULT_MEDIA_TYPES,
    produces: mediaTypeList(source['produces']) ?? DEFAULT_MEDIA_TYPES,
    relocations: new Relocations(),
  };
  const out: JsonObject = { openapi: '3.0.3', info: source['info'] };
  if (source['externalDocs'] !== undefined) out['externalDocs'] = source['externalDocs'];
  const servers = serversOf(source['schemes'], source['host'], source['basePath']);
  if (servers) out['servers'] = servers;
  if (source['tags'] !== undefined) out['tags'] = source['tags'];
  if (source['security'] !== undefined) out['security'] = source['security'];
  out['paths'] = isObject(source['paths']) ? mapValues(source['paths'], (item, path) => (path.startsWith('x-') ? item : convertPathItem(item, ['paths', path], context))) : {};
  const components = convertComponents(context);
  if (Object.keys(components).length > 0) out['components'] = components;
  Object.assign(out, extensionsOf(source));
  context.relocations.apply(out);
  return out;
}

function convertComponents(context: Context): JsonObject {
  const { source, relocations } = context;
  const components: JsonObject = {};
  relocations.add(['definitions'], ['components', 'schemas']);
  relocations.add(['parameters'], ['components', 'parameters']);
  relocations.add(['responses'], ['components', 'responses']);
  relocations.add(['securityDefinitions'], ['components', 'securitySchemes']);
  if (isObject(source['definitions'])) components['schemas'] = mapValues(source['definitions'], convertSchema);
  if (isObject(source['parameters'])) {
    // Body and form parameters have no 3.0 component equivalent; they are inlined where used.
    const reusable = Object.entries(source['parameters']).filter(([, parameter]) => isObject(parameter) && !isBodyLike(parameter));
    if (reusable.length > 0) components['parameters'] = Object.fromEntries(reusable.map(([name, parameter]) => [name, convertParameter(parameter as JsonObject)]));
  }
  if (isObject(source['responses'])) {
    components['responses'] = mapValues(source['responses'], (response) => convertResponse(response, context.produces));
    for (const [name, response] of Object.entries(source['responses'])) {
      if (isObject(response) && response['schema'] !== undefined) {
        relocations.add(['responses', name, 'schema'], ['components', 'responses', name, 'content', context.produces[0]!, 'schema']);
      }
    }
  }
  if (isObject(source['securityDefinitions'])) components['securitySchemes'] = mapValues(source['securityDefinitions'], convertSecurityScheme);
  return components;
}

function convertPathItem(item: unknown, at: string[], context: Context): unknown {
  if (!isObject(item)) return item;
  const shared = parameterEntries(item['parameters'], context);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'parameters') {
      const plain = shared.filter((entry) => !isBodyLike(entry.resolved));
      if (plain.length > 0) out['parameters'] = plain.map((entry, index) => relocatedParameter(entry, index, at, context));
    } else if (METHODS.has(key) && isObject(value)) {
      out[key] = convertOperation(value, [...at, key], shared.filter((entry) => isBodyLike(entry.resolved)), context);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function convertOperation(operation: JsonObject, at: string[], sharedBodyLike: ParameterEntry[], context: Context): JsonObject {
  const consumes = mediaTypeList(operation['consumes']) ?? context.consumes;
  const produces = mediaTypeList(operation['produces']) ?? context.produces;
  const own = parameterEntries(operation['parameters'], context);
  const overridden = (entry: ParameterEntry) => own.some((o) => o.resolved['name'] === entry.resolved['name'] && o.resolved['in'] === entry.resolved['in']);
  const bodyLike = [...sharedBodyLike.filter((entry) => !overridden(entry)), ...own.filter((entry) => isBodyLike(entry.resolved))];
  const plain = own.filter((entry) => !isBodyLike(entry.resolved));
  const requestBody = requestBodyOf(bodyLike, consumes, at, context);
  const out: JsonObject = {};
  // the request body goes where the parameters were (or before the responses)
  const placeRequestBody = () => {
    if (requestBody && out['requestBody'] === undefined) out['requestBody'] = requestBody;
  };
  for (const [key, value] of Object.entries(operation)) {
    if (key === 'consumes' || key === 'produces' || key === 'schemes') continue;
    if (key === 'parameters') {
      if (plain.length > 0) out['parameters'] = plain.map((entry, index) => relocatedParameter(entry, index, at, context));
      placeRequestBody();
    } else if (key === 'responses' && isObject(value)) {
      placeRequestBody();
      out['responses'] = convertResponses(value, produces, at, context);
    } else {
      out[key] = value;
    }
  }
  placeRequestBody();
  const servers = operation['schemes'] === undefined ? undefined : serversOf(operation['schemes'], context.source['host'], context.source['basePath']);
  if (servers && context.source['host'] !== undefined) out['servers'] = servers;
  return out;
}

function requestBodyOf(bodyLike: ParameterEntry[], consumes: string[], at: string[], context: Context): JsonObject | undefined {
  const body = bodyLike.find((entry) => entry.resolved['in'] === 'body');
  if (body) {
    context.relocations.add([...at, 'parameters', String(body.index), 'schema'], [...at, 'requestBody', 'content', consumes[0]!, 'schema']);
    return bodyToRequestBody(body.resolved, consumes);
  }
  const fields = bodyLike.filter((entry) => entry.resolved['in'] === 'formData');
  if (fields.length === 0) return undefined;
  const requestBody = formDataToRequestBody(fields.map((entry) => entry.resolved), consumes);
  const [mediaType] = Object.keys(requestBody['content'] as JsonObject);
  for (const field of fields) {
    context.relocations.add([...at, 'parameters', String(field.index)], [...at, 'requestBody', 'content', mediaType!, 'schema', 'properties', String(field.resolved['name'])]);
  }
  return requestBody;
}

function convertResponses(responses: JsonObject, produces: string[], at: string[], context: Context): JsonObject {
  return mapValues(responses, (response, code) => {
    if (code.startsWith('x-')) return response;
    if (isObject(response) && response['schema'] !== undefined && response['$ref'] === undefined) {
      context.relocations.add([...at, 'responses', code, 'schema'], [...at, 'responses', code, 'content', produces[0]!, 'schema']);
    }
    return convertResponse(response, produces);
  });
}

/** Keeps a `$ref`ed parameter a `$ref` (it is a component); converts an inline one. */
function relocatedParameter(entry: ParameterEntry, index: number, at: string[], context: Context): JsonObject {
  context.relocations.add([...at, 'parameters', String(entry.index)], [...at, 'parameters', String(index)]);
  return entry.written === entry.resolved ? convertParameter(entry.resolved) : entry.written;
}

function parameterEntries(parameters: unknown, context: Context): ParameterEntry[] {
  if (!Array.isArray(parameters)) return [];
  return parameters.flatMap((written, index) => {
    if (!isObject(written)) return [];
    return [{ written, resolved: resolveLocalRef(written, context.source), index }];
  });
}

/** Follows local `$ref`s (a few hops at most in real documents; bounded against cycles). */
function resolveLocalRef(object: JsonObject, source: JsonObject): JsonObject {
  let current = object;
  for (let hops = 0; hops < 16 && typeof current['$ref'] === 'string' && current['$ref'].startsWith('#'); hops++) {
    const segments = parseFragment(current['$ref'].slice(1));
    const target = segments && lookupSegments(source, segments);
    if (!target || !target.found || !isObject(target.value)) break;
    current = target.value;
  }
  return current;
}

function isBodyLike(parameter: unknown): boolean {
  return isObject(parameter) && (parameter['in'] === 'body' || parameter['in'] === 'formData');
}

function mediaTypeList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((item): item is string => typeof item === 'string');
  return list.length > 0 ? list : undefined;
}

/** `schemes` × `host` × `basePath` → 3.0 servers, https first; without a host, the base path alone. */
export function serversOf(schemes: unknown, host: unknown, basePath: unknown): JsonObject[] | undefined {
  const base = typeof basePath === 'string' ? basePath.replace(/\/+$/, '') : '';
  if (typeof host !== 'string' || host === '') return typeof basePath === 'string' && basePath !== '' ? [{ url: base || '/' }] : undefined;
  const listed = Array.isArray(schemes) ? schemes.filter((scheme): scheme is string => typeof scheme === 'string') : [];
  const ordered = [...new Set(listed.length > 0 ? listed : ['https'])].sort((a, b) => Number(b === 'https') - Number(a === 'https'));
  return ordered.map((scheme) => ({ url: `${scheme}://${host}${base}` }));
}
