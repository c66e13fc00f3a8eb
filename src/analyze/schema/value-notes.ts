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
  const notes: ValueNotes = {};
  const set = <K extends keyof ValueNotes>(key: K, value: ValueNotes[K] | undefined): void => {
    if (value !== undefined) notes[key] = value;
  };
  set('default', jsonText(keyword(schema, 'default')));
  const examples = keyword(schema, 'examples');
  set('example', jsonText(example ?? keyword(schema, 'example') ?? (Array.isArray(examples) ? examples[0] : undefined)));
  const format = text(keyword(schema, 'format'));
  if (format !== 'binary') set('format', format); // binary is the Blob type already
  set('pattern', text(keyword(schema, 'pattern')));
  for (const [bound, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    const value = finite(keyword(schema, bound));
    const flag = keyword(schema, exclusive);
    if (flag === true && value !== undefined) set(exclusive, value);
    else set(bound, value);
    set(exclusive, finite(flag));
  }
  set('minLength', count(keyword(schema, 'minLength')));
  set('maxLength', count(keyword(schema, 'maxLength')));
  return Object.keys(notes).length ? notes : undefined;
}
