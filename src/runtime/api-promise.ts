/** A call's outcome with the response it came from. The body has been read already (unless `data` is its stream): use status and headers. */
export interface ApiResponse<T> {
  data: T;
  response: Response;
}

/**
 * What every generated method returns. Awaiting it gives the parsed body; `.withResponse()` gives
 * `{ data, response }` for status and headers (rate limits, `Link`, `ETag`). Not a Promise
 * subclass, so `then` chains stay plain Promises.
 */
export class ApiPromise<T> implements PromiseLike<T> {
  readonly #result: Promise<ApiResponse<T>>;

  constructor(result: Promise<ApiResponse<T>>) {
    this.#result = result;
  }

  withResponse(): Promise<ApiResponse<T>> {
    return this.#result;
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    // One reaction, not two: awaiting the call is the hot path. Not a function: the data as it is (as Promise's then does).
    return this.#result.then((result) => (typeof onFulfilled === 'function' ? onFulfilled(result.data) : (result.data as unknown as R1)), onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(null, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return 'ApiPromise';
  }
}
