import { schemeWhere } from './option-checks.js';

/**
 * A token could not be obtained. Never carries the request's secrets or a response body that
 * might: what the server wrote is redacted before it gets here (message, stack, JSON alike).
 * `error` is the OAuth error code (RFC 6749 §5.2, RFC 8628 §3.5), or `invalid_response`,
 * `network_error`, `timeout`, `login_required`, `state_mismatch`; `errorDescription` text a server
 * wrote reaches here only tidied and redacted (oauth-http-failure.ts, loaded with the answer that
 * carries it). `more` ends the message: what oauth-http-failure.ts says of the Retry-After and the
 * hint, which it sets (`hint`, `retryAfterMs`) on the error it made.
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

  constructor(scheme: string, error: string, errorDescription?: string, status?: number, cause?: unknown, more = '') {
    super(`${schemeWhere(scheme)}${error}${status ? ` (HTTP ${status})` : ''}${errorDescription ? `: ${errorDescription}` : ''}${more}`, cause === undefined ? undefined : { cause });
    // A status of 0 (an opaque redirect's) is not shown: it is no HTTP status. error,
    // errorDescription, status and scheme own properties (undefined when absent); hint and
    // retryAfterMs only on the errors of an error answer that has them (oauth-http-failure.ts).
    this.error = error;
    this.errorDescription = errorDescription;
    this.status = status;
    this.scheme = scheme;
  }
}

/**
 * For a feature's code loaded with import() (signing, DPoP proofs, the JWT bearer grant, the mTLS
 * endpoint check): when it cannot be loaded (a browser gone offline), a TokenError naming the
 * scheme and the feature, the import's error as its cause, like every other lazy chunk's failure.
 */
export function unloaded(scheme: string, feature: string): (cause: unknown) => never {
  return (cause) => {
    throw new TokenError(scheme, 'network_error', `the code of ${feature} could not be loaded`, undefined, cause);
  };
}

/**
 * `load`: the code of what comes next (a failure's explanation, a refresh). When it cannot be
 * loaded (a browser gone offline) the call still ends in a TokenError `error` of `from`'s scheme
 * (a strategy, or a scheme's OAuthHttp), saying what is known without that code: that `what`
 * failed, the status, never a server's text (there is nothing to redact it with); `cause` is what
 * went wrong, else the import's error.
 */
export function loadOrFail<T>(load: () => Promise<T>, from: { readonly scheme: string }, error: string, what?: string, status?: number, cause?: unknown): Promise<T> {
  return load().catch((loadError: unknown) => {
    throw new TokenError(from.scheme, error, what && `the ${what} failed (its details could not be loaded)`, status, cause ?? loadError);
  });
}
