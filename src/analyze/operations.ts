import { KeywayError } from '../errors.js';
import { childPointer } from '../json/json-pointer.js';
import type {
  HttpMethod,
  MediaModel,
  OperationModel,
  ParameterLocation,
  ParameterModel,
  RequestBodyModel,
  ResponseModel,
  SecurityRequirement,
  TypeNode,
} from '../model/index.js';
import { fixedValue } from './fixed-value.js';
import { bodyEncoding } from './media.js';
import { isObject, type JsonObject } from '../json/json-object.js';
import { pathFragment, sameName, undeclaredFlags, type PathFragment } from './path-fragment.js';
import { deref, optionalString } from './resolve.js';
import { analyzeRequirement } from './security.js';
import { analyzeServers } from './servers.js';
import { valueNotes } from './schema/value-notes.js';
import { schemaToType, type SchemaContext } from './schema-to-type.js';

const METHODS = new Set<string>(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);
const LOCATIONS = new Set<string>(['path', 'query', 'querystring', 'header', 'cookie']);
/** OpenAPI: header parameters with these names are ignored (media types and security own them). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export interface OperationContext {
  schema: SchemaContext;
  declaredSchemes: ReadonlySet<string>;
  globalSecurity: SecurityRequirement;
}

/** The context of one analysis, with the types of schemas under `#/components/` by pointer (see typeAt). */
interface AnalysisContext extends OperationContext {
  componentTypes: Map<string, TypeNode>;
  /** Parameters under `#/components/parameters`, by pointer, analysed once (see parameterFrom). */
  componentParameters: Map<string, ParameterModel>;
}

/**
 * The schema's type, converted once per pointer when it sits under `#/components/`: a parameter or
 * response written there is referenced by many operations (GitHub's `per-page` by hundreds), and
 * the same schema at the same pointer always converts to the same type (schemaToType is pure, and
 * nothing downstream changes a type node). Schemas written inline in an operation are converted
 * where they are.
 */
function typeAt(schema: unknown, pointer: string, ctx: AnalysisContext): TypeNode {
  if (!pointer.startsWith('#/components/')) return schemaToType(schema, pointer, ctx.schema);
  let type = ctx.componentTypes.get(pointer);
  if (type === undefined) {
    type = schemaToType(schema, pointer, ctx.schema);
    ctx.componentTypes.set(pointer, type);
  }
  return type;
}

/** Every operation under `paths`, in document order (path, then method as written). */
export function analyzeOperations(context: OperationContext): OperationModel[] {
  const ctx: AnalysisContext = { ...context, componentTypes: new Map(), componentParameters: new Map() };
  const document = ctx.schema.document;
  const paths = isObject(document.paths) ? document.paths : {};
  const operations: OperationModel[] = [];
  for (const path of Object.keys(paths)) {
    const { value: item, pointer: itemPointer } = deref(document, paths[path], childPointer('#', 'paths', path));
    const fragment = pathFragment(path);
    const shared = parameterList(item.parameters, childPointer(itemPointer, 'parameters'), ctx, fragment);
    for (const method of Object.keys(item)) {
      if (!METHODS.has(method)) continue;
      const pointer = childPointer(itemPointer, method);
      if (!isObject(item[method])) throw new KeywayError('E_INVALID', 'an operation must be an object', { pointer });
      operations.push(operationFrom(path, fragment, method as HttpMethod, item[method] as JsonObject, pointer, shared, ctx, item.servers));
    }
  }
  return operations;
}

function operationFrom(
  path: string,
  fragment: PathFragment,
  method: HttpMethod,
  op: JsonObject,
  pointer: string,
  shared: ParameterModel[],
  ctx: AnalysisContext,
  pathServers: unknown,
): OperationModel {
  const own = parameterList(op.parameters, childPointer(pointer, 'parameters'), ctx, fragment);
  const byKey = new Map<string, ParameterModel>();
  for (const p of [...shared, ...own]) byKey.set(`${p.in}\u0000${p.name}`, p); // operation-level wins
  const parameters = [...byKey.values()];
  const security = analyzeRequirement(op.security, childPointer(pointer, 'security'), ctx.declaredSchemes) ?? ctx.globalSecurity;
  // The operation's own list overrides its path item's, which overrides the document's; an empty list overrides nothing.
  const servers = [analyzeServers(op.servers), analyzeServers(pathServers)].find((list) => list !== undefined && list.length > 0);
  return {
    operationId: optionalString(op.operationId),
    method,
    path,
    ...(fragment.requestPath !== path ? { requestPath: fragment.requestPath } : {}),
    summary: optionalString(op.summary),
    description: optionalString(op.description),
    deprecated: op.deprecated === true || undefined,
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
    parameters: [...parameters, ...undeclaredFlags(fragment, parameters)],
    requestBody: op.requestBody === undefined ? undefined : requestBodyFrom(op.requestBody, childPointer(pointer, 'requestBody'), ctx),
    responses: responsesFrom(op.responses, childPointer(pointer, 'responses'), ctx),
    security,
    ...(servers ? { servers } : {}),
    pointer,
  };
}

function parameterList(raw: unknown, pointer: string, ctx: AnalysisContext, fragment: PathFragment): ParameterModel[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new KeywayError('E_INVALID', '"parameters" must be an array', { pointer });
  return raw
    .map((entry, i) => parameterFrom(entry, childPointer(pointer, i), ctx, fragment))
    .filter((p) => !(p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())));
}

/**
 * A parameter referenced from `#/components/parameters` is the same model wherever it is used
 * (GitHub's API: 3,153 references to 209 of them), unless the path key names keys that must be
 * present (`#name`), which can make it required: analysed once per pointer otherwise, like typeAt's
 * types. Nothing downstream changes a parameter model.
 */
function parameterFrom(raw: unknown, at: string, ctx: AnalysisContext, fragment: PathFragment): ParameterModel {
  const { value: p, pointer } = deref(ctx.schema.document, raw, at);
  if (pointer === at || fragment.presentKeys.length > 0 || !pointer.startsWith('#/components/')) return parameterModel(p, pointer, ctx, fragment);
  let parameter = ctx.componentParameters.get(pointer);
  if (parameter === undefined) {
    parameter = parameterModel(p, pointer, ctx, fragment);
    ctx.componentParameters.set(pointer, parameter);
  }
  return parameter;
}

function parameterModel(p: JsonObject, pointer: string, ctx: AnalysisContext, fragment: PathFragment): ParameterModel {
  const name = typeof p.name === 'string' ? p.name : undefined;
  const where = typeof p.in === 'string' && LOCATIONS.has(p.in) ? (p.in as ParameterLocation) : undefined;
  if (name === undefined || where === undefined) {
    throw new KeywayError('E_INVALID', 'a parameter needs a "name" and an "in" of path, query, querystring, header or cookie', { pointer });
  }
  const style = optionalString(p.style) ?? (where === 'path' || where === 'header' ? 'simple' : 'form');
  let type: TypeNode = { kind: 'primitive', name: 'unknown' };
  let notesSchema: unknown;
  let contentType: string | undefined;
  if (isObject(p.content)) {
    const [mediaType] = Object.keys(p.content);
    if (mediaType !== undefined) {
      contentType = mediaType;
      const media = p.content[mediaType];
      if (isObject(media) && media.schema !== undefined) {
        type = typeAt(media.schema, childPointer(pointer, 'content', mediaType, 'schema'), ctx);
      }
    }
  } else if (p.schema !== undefined) {
    type = typeAt(p.schema, childPointer(pointer, 'schema'), ctx);
    // A schema by reference (`$ref: Limit`) still documents the parameter it types.
    notesSchema = refTarget(ctx.schema.document, p.schema);
  }
  const notes = valueNotes(notesSchema ?? {}, p.example);
  // a bare `#name` in the path key says the key must be present
  const required = where === 'path' || p.required === true || fragment.presentKeys.some((key) => sameName({ name, in: where }, key));
  const fixed = required && contentType === undefined ? fixedValue(ctx.schema.document, p, where, childPointer(pointer, 'schema')) : undefined;
  return {
    name,
    in: where,
    required,
    type,
    style,
    explode: typeof p.explode === 'boolean' ? p.explode : style === 'form',
    allowReserved: p.allowReserved === true || undefined,
    contentType,
    description: optionalString(p.description),
    deprecated: p.deprecated === true || undefined,
    ...(notes ? { notes } : {}),
    ...(fixed ? { fixed } : {}),
  };
}

/** The schema a `$ref` leads to, for its annotations; a ref that leads nowhere documents nothing (its type is `unknown` already). */
function refTarget(document: JsonObject, schema: unknown): unknown {
  try {
    return deref(document, schema, '#').value;
  } catch {
    return undefined;
  }
}

function mediaList(content: unknown, pointer: string, ctx: AnalysisContext): MediaModel[] {
  if (!isObject(content)) return [];
  return Object.keys(content).map((mediaType) => {
    const media = content[mediaType];
    const encoding = bodyEncoding(mediaType);
    const schema = isObject(media) ? media.schema : undefined;
    const type: TypeNode =
      schema !== undefined
        ? typeAt(schema, childPointer(pointer, mediaType, 'schema'), ctx)
        : schemaless(encoding);
    return { mediaType, encoding, type };
  });
}

/** The type of a media entry that declares no schema, from how it is encoded. */
function schemaless(encoding: MediaModel['encoding']): TypeNode {
  switch (encoding) {
    case 'text':
      return { kind: 'primitive', name: 'string' };
    case 'binary':
      return { kind: 'primitive', name: 'Blob' };
    case 'form':
    case 'multipart':
      return { kind: 'object', properties: [], additional: true };
    default:
      return { kind: 'primitive', name: 'unknown' };
  }
}

function requestBodyFrom(raw: unknown, at: string, ctx: AnalysisContext): RequestBodyModel {
  const { value: body, pointer } = deref(ctx.schema.document, raw, at);
  return {
    required: body.required === true,
    description: optionalString(body.description),
    contents: mediaList(body.content, childPointer(pointer, 'content'), ctx),
  };
}

function responsesFrom(raw: unknown, at: string, ctx: AnalysisContext): ResponseModel[] {
  if (!isObject(raw)) return [];
  return Object.keys(raw).map((status) => {
    const { value: response, pointer } = deref(ctx.schema.document, raw[status], childPointer(at, status));
    return {
      status,
      description: optionalString(response.description),
      contents: mediaList(response.content, childPointer(pointer, 'content'), ctx),
    };
  });
}
