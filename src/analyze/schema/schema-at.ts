import { childPointer } from '../../json/json-pointer.js';

/**
 * Where a schema sits in the document: a URI-fragment pointer, or a child of one whose pointer text
 * is built only when asked for. The converter descends into every schema node (GitHub's API: a few
 * hundred thousand), but needs a node's pointer only to expand an inline `$ref` (a cycle check), so
 * building each as a string (escaping every property name) was ~10 % of analysis for nothing.
 */
export type SchemaAt = string | SchemaChild;

export class SchemaChild {
  // Assigned in the constructor, not declared as class fields: a field is defined on every new
  // instance one by one (an inline cache call each until the code is optimized), and one of these is
  // made for every property and item schema of a document (GitHub's: ~50,000).
  declare private readonly parent: SchemaAt;
  declare private readonly first: string | number;
  declare private readonly second: string | number | undefined;
  declare private text: string | undefined;

  constructor(parent: SchemaAt, first: string | number, second?: string | number) {
    this.parent = parent;
    this.first = first;
    this.second = second;
    this.text = undefined;
  }

  /** The pointer, as childPointer would have built it; built once. */
  toString(): string {
    if (this.text === undefined) {
      const parent = pointerText(this.parent);
      this.text = this.second === undefined ? childPointer(parent, this.first) : childPointer(parent, this.first, this.second);
    }
    return this.text;
  }
}

/** The schema at one or two more segments below `parent` (`properties`, `name`). */
export function childAt(parent: SchemaAt, first: string | number, second?: string | number): SchemaChild {
  return new SchemaChild(parent, first, second);
}

export function pointerText(at: SchemaAt): string {
  return typeof at === 'string' ? at : at.toString();
}
