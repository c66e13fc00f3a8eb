import { quoteScheme } from '../credential-checks.js';

export interface TokenErrorInit {
  scheme: string;
  /** OAuth error code (RFC 6749 §5.2, RFC 8628 §3.5), or `invalid_response`, `network_error`, `login_required`, `state_mismatch`. */
  error: string;
  errorDescription?: string | undefined;
  status?: number | undefined;
  cause?: unknown;
}

// The description comes from the server: keep it short and on one line so it cannot forge log lines.
function tidy(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const oneLine = text.replace(/[\0-\x1F\x7F]+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

/** A token could not be obtained. Never carries the request's secrets or a response body that might. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  readonly error: string;
  readonly errorDescription?: string;
  readonly status?: number;
  readonly scheme: string;

  constructor(init: TokenErrorInit) {
    const description = tidy(init.errorDescription);
    const code = tidy(init.error) ?? 'invalid_response';
    const status = init.status === undefined ? '' : ` (HTTP ${init.status})`;
    super(
      `security scheme ${quoteScheme(init.scheme)}: ${code}${status}${description === undefined || description === '' ? '' : `: ${description}`}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.error = code;
    if (description !== undefined) this.errorDescription = description;
    if (init.status !== undefined) this.status = init.status;
    this.scheme = init.scheme;
  }
}
