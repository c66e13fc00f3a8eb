/**
 * A token store misbehaved. Never carries a token: messages name the operation and the store's own
 * error text, with any value the store was given cut out.
 */
export type TokenStoreErrorCode =
  /** The store could not be reached or answered with an error; the client carries on without it. */
  | 'store_unavailable'
  /** An entry is not a token set this client can read (corrupt, or encrypted with another key). */
  | 'corrupt_entry';

export class TokenStoreError extends Error {
  override readonly name = 'TokenStoreError';
  readonly code: TokenStoreErrorCode;

  constructor(code: TokenStoreErrorCode, message: string) {
    // One line, bounded: store errors end up in logs.
    const oneLine = message.replace(/[\0-\x1F\x7F]+/g, ' ').trim();
    super(oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine);
    this.code = code;
  }
}
