import type { ValueNotes } from '../model/index.js';

// A longer example (AWS documents carry whole request bodies) would bury the hover it is meant to help.
const MAX_EXAMPLE = 300;

const ORDER: ReadonlyArray<keyof ValueNotes> = ['format', 'pattern', 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'minLength', 'maxLength', 'default', 'example'];

/**
 * JSDoc block tags for what a schema says of its values, one per line, in the names JSON Schema and
 * TypeDoc hovers use (`@default 20`, `@minimum 1`, `@format date-time`, `@example "Rex"`); undefined
 * when there is none. The text is raw: docComment escapes it for the comment.
 */
export function noteTags(notes: ValueNotes | undefined): string | undefined {
  if (notes === undefined) return undefined;
  const lines: string[] = [];
  for (const key of ORDER) {
    const value = notes[key];
    if (value === undefined) continue;
    if (key === 'example' && String(value).length > MAX_EXAMPLE) continue;
    lines.push(`@${key} ${String(value)}`);
  }
  return lines.length ? lines.join('\n') : undefined;
}
