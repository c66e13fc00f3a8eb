/** A response outside 2xx. `body` is parsed like a success body; unparseable JSON stays text. */
export class ApiError<TBody = unknown> extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: TBody;
  readonly operation: string;

  constructor(init: { operation: string; status: number; statusText: string; headers: Headers; body: TBody }) {
    super(`${init.operation} failed: ${init.status}${init.statusText === '' ? '' : ' ' + init.statusText}`);
    this.operation = init.operation;
    this.status = init.status;
    this.statusText = init.statusText;
    this.headers = init.headers;
    this.body = init.body;
  }
}
