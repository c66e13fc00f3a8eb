import { schemeWhere } from './option-checks.js';

/**
 * A token could not be obtained. Never carries the request's secrets or a response body that
 * might: what the server wrote is redacted before it gets here (message, stack, JSON alike).
 * `error` is the OAuth error code (RFC 6749 §5.2, RFC 8628 §3.5), or `invalid_response`,
 * `network_error`, `timeout`, `login_required`, `state_mismatch`; `errorDescription` text a server
 * wrote reaches here only tidied and redacted (oauth-http-failure.ts, loaded with the answer that
 * carries it). It has Error's constructor: the message (`scheme: error (HTTP n): description`)
 * and the fields are written by who makes one, tokenError in the lazy chunks
 * (lazy-module-imports.ts), offlineError and loadOrFail up front, so the formatting that only the
 * lazy chunks need in full is not in every entry bundle.
 */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  declare readonly error: string;
  declare readonly errorDescription?: string | undefined;
  declare readonly status?: number | undefined;
  declare readonly scheme: string;
  /** What the client suggests doing about it; ours, not the server's. */
  declare readonly hint?: string;
  /** The server's Retry-After, when it asked for a longer wait than the client makes. */
  declare readonly retryAfterMs?: number;

}

/**
 * A TokenError the up-front code makes without a status (the class has Error's constructor; the
 * lazy chunks make theirs with tokenError, lazy-module-imports.ts): the message
 * `scheme: error: description`. error, errorDescription, status (undefined) and scheme own
 * properties, as on every TokenError; `cause` only when there is one.
 */
export function offlineError(scheme: string, error: string, errorDescription: string, cause: unknown): TokenError {
  return Object.assign(new TokenError(`${schemeWhere(scheme)}${error}: ${errorDescription}`, cause === undefined ? undefined : { cause }), { error, errorDescription, status: undefined, scheme });
}

/**
 * For a feature's code loaded with import() (signing, DPoP proofs, the JWT bearer grant, the mTLS
 * endpoint check): when it cannot be loaded (a browser gone offline), a TokenError naming the
 * scheme and the feature, the import's error as its cause, like every other lazy chunk's failure.
 */
export function unloaded(scheme: string, feature: string): (cause: unknown) => never {
  return (cause) => {
    throw offlineError(scheme, 'network_error', `the code of ${feature} could not be loaded`, cause);
  };
}

/**
 * `load`: the code of what comes next (a failure's explanation, a refresh). When it cannot be
 * loaded (a browser gone offline) the call still ends in a TokenError `error` of `from`'s scheme
 * (a strategy, or a scheme's OAuthHttp), saying what is known without that code: that `what`
 * failed, the status, never a server's text (there is nothing to redact it with); `cause` is what
 * went wrong, else the import's error. It writes its TokenError itself (not offlineError's, which
 * has no status): in an app that uses client credentials it is the entry's only one.
 */
export function loadOrFail<T>(load: () => Promise<T>, from: { readonly scheme: string }, error: string, what?: string, status?: number, cause?: unknown): Promise<T> {
  return load().catch((loadError: unknown) => {
    const errorDescription = what && `the ${what} failed (its details could not be loaded)`;
    throw Object.assign(new TokenError(`${schemeWhere(from.scheme)}${error}${status ? ` (HTTP ${status})` : ''}${errorDescription ? `: ${errorDescription}` : ''}`, { cause: cause ?? loadError }), { error, errorDescription, status, scheme: from.scheme });
  });
}
