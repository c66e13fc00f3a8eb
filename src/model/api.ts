import type { OperationModel } from './operation.js';
import type { SecurityScheme } from './security.js';
import type { NamedType } from './type-node.js';

export type SourceVersion = '2.0' | '3.0' | '3.1' | '3.2';

/** A `{name}` in a server URL template. */
export interface ServerVariableModel {
  name: string;
  /** Absent only when the document omits the (required) default: the client must then be given a value. */
  default?: string;
  /** The only values allowed, when the document lists them. */
  enum?: string[];
  description?: string;
}

export interface ServerModel {
  /** URL with server variables replaced by their defaults (a variable without one stays `{name}`). */
  url: string;
  /** The URL template as the document writes it, `{variables}` and all. */
  template: string;
  description?: string;
  /** In document order. */
  variables: ServerVariableModel[];
}

/** The whole API as plain data, built once from the document; nothing after analysis reads the document. */
export interface ApiModel {
  sourceVersion: SourceVersion;
  /** Exact `openapi` / `swagger` field value. */
  specVersion: string;
  title: string;
  version: string;
  description?: string;
  servers: ServerModel[];
  operations: OperationModel[];
  /** Named types in spec order. */
  types: NamedType[];
  /** Security schemes in spec order. */
  securitySchemes: SecurityScheme[];
}
