import type { ValueNotes } from '../../model/index.js';
import { isSchemaObject, keyword } from './keywords.js';

const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const count = (value: unknown): number | undefined => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** A JSON value as one line of JSON text, or undefined when it has none (functions, cycles are not JSON). */
function jsonText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * What a schema says of its values beside their type: `default`, `example` (else the first of
 * `examples`), `format`, `pattern`, the bounds. Exclusive bounds are read in both dialects: 3.0's
 * boolean `exclusiveMinimum: true` beside `minimum`, and 2020-12's number. Undefined when it says
 * none of it.
 */
export function valueNotes(schema: unknown, example?: unknown): ValueNotes | undefined {
  if (!isSchemaObject(schema)) return undefined;
  // one object and no closure per call: this runs for every schema and parameter of a document
  const notes: ValueNotes = {};
  let any = false;
  const defaultText = jsonText(keyword(schema, 'default'));
  if (defaultText !== undefined) (notes.default = defaultText), (any = true);
  const examples = keyword(schema, 'examples');
  const exampleText = jsonText(example ?? keyword(schema, 'example') ?? (Array.isArray(examples) ? examples[0] : undefined));
  if (exampleText !== undefined) (notes.example = exampleText), (any = true);
  const format = text(keyword(schema, 'format'));
  if (format !== undefined && format !== 'binary') (notes.format = format), (any = true); // binary is the Blob type already
  const pattern = text(keyword(schema, 'pattern'));
  if (pattern !== undefined) (notes.pattern = pattern), (any = true);
  any = bound(schema, notes, 'minimum', 'exclusiveMinimum') || any;
  any = bound(schema, notes, 'maximum', 'exclusiveMaximum') || any;
  const minLength = count(keyword(schema, 'minLength'));
  if (minLength !== undefined) (notes.minLength = minLength), (any = true);
  const maxLength = count(keyword(schema, 'maxLength'));
  if (maxLength !== undefined) (notes.maxLength = maxLength), (any = true);
  return any ? notes : undefined;
}

/**
 * A bound and its exclusive form into `notes`, in both dialects; whether it set any. The keys are
 * set in the order the notes were always built in (bound or exclusive, then the exclusive number).
 */
function bound(schema: Record<string, unknown>, notes: ValueNotes, name: 'minimum' | 'maximum', exclusive: 'exclusiveMinimum' | 'exclusiveMaximum'): boolean {
  const value = finite(keyword(schema, name));
  const flag = keyword(schema, exclusive);
  let set = false;
  if (value !== undefined) {
    if (flag === true) notes[exclusive] = value;
    else notes[name] = value;
    set = true;
  }
  const exclusiveNumber = finite(flag);
  if (exclusiveNumber !== undefined) (notes[exclusive] = exclusiveNumber), (set = true);
  return set;
}
