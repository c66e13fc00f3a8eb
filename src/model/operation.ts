import type { ServerModel } from './api.js';
import type { SecurityRequirement } from './security.js';
import type { TypeNode, ValueNotes } from './type-node.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace' | 'query';

/** `querystring` is OpenAPI 3.2's whole-query parameter. */
export type ParameterLocation = 'path' | 'query' | 'querystring' | 'header' | 'cookie';

export interface ParameterModel {
  /** The name exactly as the spec spells it. */
  name: string;
  in: ParameterLocation;
  required: boolean;
  type: TypeNode;
  /** Serialization style (defaults already applied: `simple` for path/header, `form` for query/cookie). */
  style: string;
  explode: boolean;
  /** Query only: send reserved characters unencoded. */
  allowReserved?: boolean;
  /** Parameter that carries its value as `content` (a JSON-encoded value), not `schema`. */
  contentType?: string;
  description?: string;
  deprecated?: boolean;
  /** Its schema's default, example (the parameter's own first), format, pattern and bounds, for doc comments. */
  notes?: ValueNotes;
  /**
   * Filled in by the client, never asked of the caller: the one value a required parameter's schema
   * allows (single-value `enum` or `const`), or a query key sent bare with no value (`?acl`).
   */
  fixed?: { value: string | number | boolean } | { flag: true };
}

/** How a body of a given media type is encoded on the wire. */
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface MediaModel {
  mediaType: string;
  encoding: BodyEncoding;
  type: TypeNode;
}

export interface RequestBodyModel {
  required: boolean;
  description?: string;
  /** In spec order; the first is the one the generated method sends. */
  contents: MediaModel[];
}

export interface ResponseModel {
  /** `200`, `2XX`, `default`, ... */
  status: string;
  description?: string;
  contents: MediaModel[];
}

export interface OperationModel {
  /** operationId as the spec spells it, or undefined when absent. */
  operationId?: string;
  method: HttpMethod;
  /** The path key as the document writes it, `#fragment` included (`/{Bucket}#acl`). */
  path: string;
  /** Only when `path` has a `#fragment`: the path the client sends, without it. */
  requestPath?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  tags: string[];
  /** Path-item and operation parameters merged (operation wins), in spec order. */
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: ResponseModel[];
  /** Effective requirement: the operation's own, else the document's. */
  security: SecurityRequirement;
  /**
   * The operation's own `servers`, else its path item's: where this operation is sent instead of the
   * document's servers. Absent when neither declares any.
   */
  servers?: ServerModel[];
  /** JSON pointer of the operation, e.g. `#/paths/~1pets/get`. */
  pointer: string;
}
