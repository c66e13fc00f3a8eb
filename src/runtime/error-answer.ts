/**
 * The ApiError of a final answer outside 2xx. Loaded with import() (lazy-core-modules.ts) by the
 * first such answer, so an app whose calls succeed never downloads it; it takes the body reader
 * of the up-front runtime as an argument, importing none of it.
 */
import { ApiError } from './api-error.js';
import type { OperationSpec } from './operation.js';
import type { readBody } from './parse-response.js';

/** The answer's body parsed like a success body, but JSON that does not parse stays text; `notes`: what authentication said about it. */
export async function errorAnswer(response: Response, op: OperationSpec, notes: readonly string[], read: typeof readBody): Promise<ApiError> {
  const body = await read(response, op.method, (text) => text);
  return new ApiError({ operation: op.id, status: response.status, statusText: response.statusText, headers: response.headers, body, authNote: notes.length === 0 ? undefined : notes.join('; ') });
}
