/**
 * A response outside 2xx. `body` is parsed like a success body; unparseable JSON stays text.
 * Built by the client core, its fields set in this order (`authNote` only when there is one) and
 * its message written by failure-messages.ts, loaded with setbacks.ts: no constructor of its own,
 * as that is code only a failure needs. `declare`d fields: no field definitions in the bundle.
 */
export class ApiError<TBody = unknown> extends Error {
  override readonly name = 'ApiError';
  declare readonly status: number;
  declare readonly statusText: string;
  declare readonly headers: Headers;
  declare readonly body: TBody;
  declare readonly operation: string;
  /** What authentication did (or chose not to do) about this answer, e.g. why a 401 was not retried. */
  declare readonly authNote?: string;
}
