import type { ErrorObject } from 'ajv';
import { KeywayError } from '../errors.js';
import type { SourceVersion } from '../model/api.js';
import { pointer } from '../json/json-pointer.js';
import { schemaErrors } from './schema-validators.js';
import type { TextPosition } from './text-position.js';

const MAX_DETAILS = 20;

/**
 * Checks a whole (bundled) document against the official JSON Schema for its version.
 * The first violation becomes the error's message and location; all of them (up to 20)
 * go into `details` as `pointer: message` lines.
 */
export async function validateDocument(
  document: unknown,
  version: SourceVersion,
  file: string,
  locate: (segments: readonly string[]) => TextPosition | undefined,
): Promise<void> {
  let errors: ErrorObject[];
  try {
    errors = await schemaErrors(document, version);
  } catch (cause) {
    // ajv's generated code recurses with the document's depth
    if (!(cause instanceof RangeError)) throw cause;
    throw new KeywayError('E_INVALID', 'the document is nested too deeply to validate', { file }, { cause });
  }
  if (errors.length === 0) return;
  const { summarizeAjvErrors } = await import('./summarize-ajv-errors.js');
  const violations = summarizeAjvErrors(errors);
  const [first] = violations;
  const details = violations.slice(0, MAX_DETAILS).map((v) => `${pointer(...v.segments)}: ${v.message}`);
  if (violations.length > MAX_DETAILS) details.push(`… and ${violations.length - MAX_DETAILS} more`);
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more problem${violations.length > 2 ? 's' : ''})` : '';
  throw new KeywayError(
    'E_INVALID',
    `${first!.message}${more}`,
    { file, pointer: pointer(...first!.segments), ...locate(first!.segments) },
    { details },
  );
}
