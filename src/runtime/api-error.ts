/** A response outside 2xx. `body` is parsed like a success body; unparseable JSON stays text. */
export class ApiError<TBody = unknown> extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: TBody;
  readonly operation: string;
  /** What authentication did (or chose not to do) about this answer, e.g. why a 401 was not retried. */
  readonly authNote?: string;

  constructor(init: { operation: string; status: number; statusText: string; headers: Headers; body: TBody; authNote?: string | undefined }) {
    const { operation, status, statusText, authNote } = init;
    super(`${operation} failed: ${status}${statusText === '' ? '' : ' ' + statusText}${authNote === undefined ? '' : ` (${authNote})`}`);
    if (authNote !== undefined) this.authNote = authNote;
    this.operation = operation;
    this.status = status;
    this.statusText = statusText;
    this.headers = init.headers;
    this.body = init.body;
  }
}
