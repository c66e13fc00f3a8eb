import type { AuthRequest, AuthStrategy } from '../auth-strategy.js';
import { formatAuthorization } from '../authorization-header.js';
import { quoteScheme } from '../credential-checks.js';
import { randomHex } from '../hex.js';
import { pickDigestChallenge, type DigestChallenge } from './digest-challenge.js';
import { formatDigestCredentials } from './digest-response.js';

export interface DigestCredentials {
  username: string;
  password: string;
}

export interface DigestOptions {
  /** Client nonce for each request; defaults to 128 random bits in hex. Tests pin it. */
  cnonce?: () => string;
}

// Header-borne: the username (or its hash) goes on the wire, so control characters cannot.
const CONTROL = /[\0-\x1F\x7F]/;

/**
 * HTTP Digest (RFC 7616, qop=auth; MD5, SHA-256 and their -sess variants). The first request goes
 * without credentials; the server's 401 challenge is kept, and that request and every later one
 * answers it with the next nonce count, so N calls cost one extra round trip in total. A
 * `stale=true` challenge replaces the expired nonce and earns a retry. In browsers the server must
 * list `WWW-Authenticate` in Access-Control-Expose-Headers for cross-origin calls.
 */
export class DigestAuth implements AuthStrategy {
  readonly scheme: string;
  readonly #username: string;
  readonly #password: string;
  readonly #newCnonce: () => string;
  #challenge: DigestChallenge | undefined;
  /** Requests signed with the current nonce so far. */
  #nc = 0;
  /** Which nonce each request was signed with, to tell a stale nonce from a wrong password. */
  readonly #sentNonce = new WeakMap<AuthRequest, string>();

  constructor(scheme: string, credentials: DigestCredentials, options: DigestOptions = {}) {
    const where = `security scheme ${quoteScheme(scheme)}`;
    if (typeof credentials !== 'object' || credentials === null) throw new TypeError(`${where} needs { username, password }`);
    const { username, password } = credentials;
    if (typeof username !== 'string') throw new TypeError(`${where}: username must be a string`);
    if (typeof password !== 'string') throw new TypeError(`${where}: password must be a string`);
    if (CONTROL.test(username)) throw new TypeError(`${where}: username must not contain control characters`);
    this.scheme = scheme;
    this.#username = username;
    this.#password = password;
    this.#newCnonce = options.cnonce ?? randomCnonce;
  }

  async apply(request: AuthRequest): Promise<void> {
    const challenge = this.#challenge;
    if (challenge === undefined) return; // no challenge yet: the server's 401 supplies realm and nonce
    const nc = ++this.#nc; // taken before any await, so concurrent requests never share a count
    this.#sentNonce.set(request, challenge.nonce);
    const credentials = await formatDigestCredentials({
      challenge,
      username: this.#username,
      password: this.#password,
      method: request.method,
      uri: request.url.pathname + request.url.search,
      nc,
      cnonce: this.#newCnonce(),
    });
    request.headers.set('authorization', formatAuthorization('digest', credentials));
  }

  async onUnauthorized(request: AuthRequest, response: Response): Promise<boolean> {
    const challenge = pickDigestChallenge(response.headers.get('www-authenticate'));
    if (challenge === undefined) return false;
    const sentNonce = this.#sentNonce.get(request);
    if (challenge.nonce !== this.#challenge?.nonce) this.#nc = 0;
    this.#challenge = challenge;
    // Unsigned, or signed with a nonce the server calls stale: answering the challenge can work.
    // A fresh answer rejected without `stale` means wrong credentials; a retry would repeat it.
    return sentNonce === undefined || challenge.stale;
  }
}

function randomCnonce(): string {
  return randomHex(16);
}
