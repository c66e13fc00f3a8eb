/**
 * A token store misbehaved. Never carries a token: messages name the operation and the store's own
 * error text, with any value the store was given cut out.
 */
export type TokenStoreErrorCode =
  /** The store could not be reached or answered with an error; the client carries on without it. */
  | 'store_unavailable'
  /** An entry is not a token set this client can read (corrupt, or encrypted with another key). */
  | 'corrupt_entry';

/** The message is the caller's: ours, with a store's own text through storeErrorText (one line, bounded: store errors end up in logs). */
export class TokenStoreError extends Error {
  override readonly name = 'TokenStoreError';
  declare readonly code: TokenStoreErrorCode;

  constructor(code: TokenStoreErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** A store's own error text as a TokenStoreError quotes it: on one line (it cannot forge log lines), at most 300 characters. */
export function storeErrorText(text: string): string {
  const oneLine = text.replace(/[\0-\x1F\x7F]+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}
