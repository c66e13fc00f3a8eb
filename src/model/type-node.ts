/**
 * A schema as a language-neutral type tree. Analysis builds it from JSON Schema; emission renders it
 * as TypeScript text. It holds no spec object and no emitted name: `ref` nodes point at a named type
 * by its key in `ApiModel.types`, and the planner decides what identifier that key becomes.
 */
export type TypeNode =
  | PrimitiveNode
  | LiteralNode
  | RefNode
  | ArrayNode
  | TupleNode
  | ObjectNode
  | UnionNode
  | IntersectionNode;

/** `ByteStream`: a body read as it arrives (`ReadableStream<Uint8Array>` in TypeScript). */
export type PrimitiveName = 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'unknown' | 'never' | 'Blob' | 'ByteStream';

export interface PrimitiveNode {
  kind: 'primitive';
  name: PrimitiveName;
}

export interface LiteralNode {
  kind: 'literal';
  value: string | number | boolean | null;
}

export interface RefNode {
  kind: 'ref';
  /** Key of the target in `ApiModel.types` (the component name as the spec spells it). */
  target: string;
}

export interface ArrayNode {
  kind: 'array';
  items: TypeNode;
}

export interface TupleNode {
  kind: 'tuple';
  items: TypeNode[];
  /** Type of elements after the fixed ones, if any are allowed. */
  rest?: TypeNode;
}

/**
 * What a schema says of its values beside their type, for doc comments (`@default 20`, `@minimum 1`).
 * `default` and `example` are JSON text, as the document gives them.
 */
export interface ValueNotes {
  default?: string;
  example?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
}

export interface PropertyNode {
  /** The property name exactly as the spec spells it. */
  name: string;
  type: TypeNode;
  required: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  description?: string;
  notes?: ValueNotes;
}

export interface ObjectNode {
  kind: 'object';
  properties: PropertyNode[];
  /** `true`: any extra property; a node: extra properties of that type; absent: none declared. */
  additional?: TypeNode | true;
}

export interface UnionNode {
  kind: 'union';
  members: TypeNode[];
}

export interface IntersectionNode {
  kind: 'intersection';
  members: TypeNode[];
}

/** A schema with a name of its own (components/schemas, definitions), kept as a named type. */
export interface NamedType {
  /** The name as the spec spells it: the key under components/schemas. */
  key: string;
  type: TypeNode;
  description?: string;
  deprecated?: boolean;
  notes?: ValueNotes;
  /** JSON pointer of the schema in the source document, for messages. */
  pointer: string;
}
