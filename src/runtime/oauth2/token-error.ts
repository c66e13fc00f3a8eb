import { quoteScheme } from '../credential-checks.js';

export interface TokenErrorInit {
  scheme: string;
  /**
   * OAuth error code (RFC 6749 §5.2, RFC 8628 §3.5), or `invalid_response`, `network_error`,
   * `timeout`, `login_required`, `state_mismatch`.
   */
  error: string;
  errorDescription?: string | undefined;
  status?: number | undefined;
  cause?: unknown;
  /** Applied to the code and description, which the server wrote: removes the client's secrets. */
  redact?: ((text: string) => string) | undefined;
  /** What the client suggests doing about it; ours, not the server's. */
  hint?: string | undefined;
  /** The server's Retry-After, when it asked for a longer wait than the client makes. */
  retryAfterMs?: number | undefined;
}

// The description comes from the server: keep it short and on one line so it cannot forge log lines.
function tidy(text: string | undefined, redact: (text: string) => string): string | undefined {
  if (text === undefined) return undefined;
  // Redacted before cutting, so a secret straddling the cut cannot survive in part.
  const oneLine = redact(text.replace(/[\0-\x1F\x7F]+/g, ' ').trim());
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

const asIs = (text: string): string => text;

/**
 * A token could not be obtained. Never carries the request's secrets or a response body that
 * might: what the server wrote is redacted before it gets here (message, stack, JSON alike).
 */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  readonly error: string;
  readonly errorDescription?: string;
  readonly status?: number;
  readonly scheme: string;
  readonly hint?: string;
  readonly retryAfterMs?: number;

  constructor(init: TokenErrorInit) {
    const redact = init.redact ?? asIs;
    const description = tidy(init.errorDescription, redact);
    const code = tidy(init.error, redact) ?? 'invalid_response';
    const status = init.status === undefined ? '' : ` (HTTP ${init.status})`;
    const retry = init.retryAfterMs === undefined ? '' : ` (the server asked to retry after ${Math.ceil(init.retryAfterMs / 1000)} s)`;
    const hint = init.hint === undefined ? '' : ` (${init.hint})`;
    super(
      `security scheme ${quoteScheme(init.scheme)}: ${code}${status}${description === undefined || description === '' ? '' : `: ${description}`}${retry}${hint}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.error = code;
    if (description !== undefined) this.errorDescription = description;
    if (init.status !== undefined) this.status = init.status;
    this.scheme = init.scheme;
    if (init.hint !== undefined) this.hint = init.hint;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}
