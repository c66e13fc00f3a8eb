/**
 * The client secret methods of RFC 6749 §2.3.1 (client_secret_basic, client_secret_post): what every
 * app with a client secret runs, so kept apart from the plain credential's checks and the other
 * methods (client-auth.ts, private-key-jwt.ts, client-certificate.ts).
 */
import { encodeBasicCredentials } from '../authorization-header.js';
import { formEncode } from './encoding.js';

/** A client's authentication; holds its secret or key in closures only (kept off inspect output). */
export interface ClientAuthenticator {
  readonly clientId: string;
  /** Whether the client can authenticate at all; RFC 6749 §4.4 allows client credentials only then. */
  readonly confidential: boolean;
  /**
   * With client_secret_basic, how the id and secret go into HTTP Basic; else undefined. Read for
   * the hint on `invalid_client` too (oauth-http-failure.ts).
   */
  readonly basicEncoding?: 'form' | 'raw' | undefined;
  /** Adds the client's authentication to a token-endpoint request bound for `endpoint`. */
  authenticate(form: URLSearchParams, headers: Headers, endpoint: string, nowMs: number): void | Promise<void>;
}

/**
 * client_secret_basic (`post` false) or client_secret_post. `raw`: the id and secret go into Basic
 * as given, for servers that do not decode; else each is form-urlencoded first (RFC 6749 §2.3.1),
 * so a `:` in either survives the split.
 */
export function secretAuthenticator(clientId: string, secret: string, post: boolean | undefined, encoding: 'form' | 'raw' | undefined): ClientAuthenticator {
  const encode = encoding === 'raw' ? (value: string) => value : formEncode;
  return {
    clientId,
    confidential: true,
    // `encoding` was checked (one of form, raw) with the credential's other options.
    basicEncoding: post ? undefined : (encoding ?? 'form'),
    authenticate(form, headers) {
      if (post) {
        form.set('client_id', clientId);
        form.set('client_secret', secret);
      } else headers.set('authorization', `Basic ${encodeBasicCredentials(encode(clientId), encode(secret))}`);
    },
  };
}
