import { ApiError } from './api-error.js';
import type { ApiResponse } from './api-promise.js';
import type { OperationSpec } from './operation.js';
import { readErrorBody, readSuccessBody } from './parse-response.js';

/** Reads the final answer: the parsed body of a 2xx, else an ApiError with the parsed error body. */
export async function settleResponse<T>(op: OperationSpec, response: Response, notes: readonly string[]): Promise<ApiResponse<T>> {
  if (!response.ok) {
    const body = await readErrorBody(response, op.method);
    const authNote = notes.length === 0 ? undefined : notes.join('; ');
    throw new ApiError({ operation: op.id, status: response.status, statusText: response.statusText, headers: response.headers, body, authNote });
  }
  return { data: (await readSuccessBody(response, op.method, op.id, op.response)) as T, response };
}
