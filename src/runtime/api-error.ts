/**
 * A response outside 2xx. `body` is parsed like a success body; unparseable JSON stays text.
 * `declare`d fields: set by the constructor, in this order, whatever the compiler's class-field
 * setting (and no field definitions in the bundle); `authNote` is there only when there is one.
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

  constructor(init: { operation: string; status: number; statusText: string; headers: Headers; body: TBody; authNote?: string | undefined }) {
    const { operation, status, statusText, authNote } = init;
    super(`${operation} failed: ${status}${statusText === '' ? '' : ' ' + statusText}${authNote === undefined ? '' : ` (${authNote})`}`);
    this.status = status;
    this.statusText = statusText;
    this.headers = init.headers;
    this.body = init.body;
    this.operation = operation;
    if (authNote !== undefined) this.authNote = authNote;
  }
}
