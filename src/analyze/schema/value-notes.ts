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
  // One pass over the keys the schema has instead of a lookup for each of the eleven keywords
  // (this runs for every property and parameter of a document, and most have two or three keys,
  // few of them these); for-in also yields inherited keys, which keyword() ignores.
  let defaultValue: unknown, exampleValue: unknown, examples: unknown, formatValue: unknown, patternValue: unknown;
  let minimum: unknown, exclusiveMinimum: unknown, maximum: unknown, exclusiveMaximum: unknown, minLengthValue: unknown, maxLengthValue: unknown;
  let noted = example !== undefined;
  for (const key in schema) {
    switch (key) {
      case 'default':
        defaultValue = keyword(schema, key);
        noted = true;
        break;
      case 'example':
        exampleValue = keyword(schema, key);
        noted = true;
        break;
      case 'examples':
        examples = keyword(schema, key);
        noted = true;
        break;
      case 'format':
        formatValue = keyword(schema, key);
        noted = true;
        break;
      case 'pattern':
        patternValue = keyword(schema, key);
        noted = true;
        break;
      case 'minimum':
        minimum = keyword(schema, key);
        noted = true;
        break;
      case 'exclusiveMinimum':
        exclusiveMinimum = keyword(schema, key);
        noted = true;
        break;
      case 'maximum':
        maximum = keyword(schema, key);
        noted = true;
        break;
      case 'exclusiveMaximum':
        exclusiveMaximum = keyword(schema, key);
        noted = true;
        break;
      case 'minLength':
        minLengthValue = keyword(schema, key);
        noted = true;
        break;
      case 'maxLength':
        maxLengthValue = keyword(schema, key);
        noted = true;
        break;
    }
  }
  // most schemas (GitHub's: 6 in 10 of its ~39,000 properties) say none of it: no object to fill then
  if (!noted) return undefined;
  // one object and no closure per call
  const notes: ValueNotes = {};
  let any = false;
  const defaultText = jsonText(defaultValue);
  if (defaultText !== undefined) (notes.default = defaultText), (any = true);
  const exampleText = jsonText(example ?? exampleValue ?? (Array.isArray(examples) ? examples[0] : undefined));
  if (exampleText !== undefined) (notes.example = exampleText), (any = true);
  const format = text(formatValue);
  if (format !== undefined && format !== 'binary') (notes.format = format), (any = true); // binary is the Blob type already
  const pattern = text(patternValue);
  if (pattern !== undefined) (notes.pattern = pattern), (any = true);
  any = bound(notes, minimum, exclusiveMinimum, 'minimum', 'exclusiveMinimum') || any;
  any = bound(notes, maximum, exclusiveMaximum, 'maximum', 'exclusiveMaximum') || any;
  const minLength = count(minLengthValue);
  if (minLength !== undefined) (notes.minLength = minLength), (any = true);
  const maxLength = count(maxLengthValue);
  if (maxLength !== undefined) (notes.maxLength = maxLength), (any = true);
  return any ? notes : undefined;
}

/**
 * A bound and its exclusive form into `notes`, in both dialects; whether it set any. The keys are
 * set in the order the notes were always built in (bound or exclusive, then the exclusive number).
 */
function bound(notes: ValueNotes, limit: unknown, flag: unknown, name: 'minimum' | 'maximum', exclusive: 'exclusiveMinimum' | 'exclusiveMaximum'): boolean {
  const value = finite(limit);
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
