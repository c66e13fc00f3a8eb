import type { OperationModel } from './operation.js';
import type { SecurityScheme } from './security.js';
import type { NamedType } from './type-node.js';

export type SourceVersion = '2.0' | '3.0' | '3.1' | '3.2';

export interface ServerModel {
  /** URL with server variables replaced by their defaults. */
  url: string;
  description?: string;
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
