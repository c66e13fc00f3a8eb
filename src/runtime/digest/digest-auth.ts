import type { AuthContext, AuthRequest, AuthStrategy } from '../auth-strategy.js';
import { formatAuthorization } from '../authorization-header.js';
import { quoteScheme } from '../credential-checks.js';
import { randomHex } from '../hex.js';
import { discardBody } from '../parse-response.js';
import { ChallengePool, MAX_CHALLENGES, type ChallengeSlot } from './challenge-pool.js';
import { pickDigestChallenge } from './digest-challenge.js';
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
 * HTTP Digest (RFC 7616, qop=auth; MD5, SHA-256 and their -sess variants). Challenges are kept in
 * a pool and each serves one request at a time with the next nonce count, so concurrent calls
 * reach a nonce-count-checking server (Apache) in order. When no answered challenge is free, the
 * strategy fetches a new one with a probe: the same URL without body or credentials, with the
 * same method when it is safe (GET, HEAD, OPTIONS) and HEAD otherwise.
 * So a body is never sent unsigned (a stream body could not be sent again), and N sequential calls
 * cost one extra round trip in total. A 401 to a request signed with a reused challenge (stale
 * nonce, or a count the server refused) takes the new challenge and earns one retry. In browsers the server must list
 * `WWW-Authenticate` in Access-Control-Expose-Headers for cross-origin calls.
 */
export class DigestAuth implements AuthStrategy {
  readonly scheme: string;
  readonly #username: string;
  readonly #password: string;
  readonly #newCnonce: () => string;
  readonly #pool = new ChallengePool();
  /** The slot each request in flight was signed with. */
  readonly #signedWith = new WeakMap<AuthRequest, ChallengeSlot>();
  /** Probes under way: each will add a challenge. */
  #probing = 0;

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

  async apply(request: AuthRequest, context: AuthContext): Promise<void> {
    const slot = await this.#slotFor(context);
    if (slot === undefined) return; // the server asked for nothing: the request goes as it is
    const nc = ++slot.nc;
    this.#signedWith.set(request, slot);
    try {
      const credentials = await formatDigestCredentials({
        challenge: slot.challenge,
        username: this.#username,
        password: this.#password,
        method: request.method,
        uri: request.url.pathname + request.url.search,
        nc,
        cnonce: this.#newCnonce(),
      });
      request.headers.set('authorization', formatAuthorization('Digest', credentials));
    } catch (error) {
      this.#signedWith.delete(request);
      this.#pool.release(slot);
      throw error;
    }
  }

  /** The request has its answer (or failed): its challenge may serve the next one. */
  settle(request: AuthRequest): void {
    const slot = this.#signedWith.get(request);
    if (slot !== undefined && slot.busy) this.#pool.release(slot);
  }

  async onUnauthorized(request: AuthRequest, response: Response): Promise<boolean> {
    const challenge = pickDigestChallenge(response.headers.get('www-authenticate'));
    const slot = this.#signedWith.get(request);
    this.#signedWith.delete(request);
    // Refused: stale, a count out of order, or wrong credentials. Its nonce serves no one again.
    if (slot !== undefined) this.#pool.discard(slot);
    if (challenge === undefined) return false;
    this.#pool.add(challenge, false);
    // A challenge answered for the first time is refused only for wrong credentials; a reused one
    // may have expired or met a count the server saw out of order: that earns the one retry.
    return slot === undefined || challenge.stale || slot.nc > 1;
  }

  /** A free answered challenge, a new one from a probe, or (pool full) the next to come free. */
  async #slotFor(context: AuthContext): Promise<ChallengeSlot | undefined> {
    for (;;) {
      const free = this.#pool.take();
      if (free !== undefined) return free;
      if (this.#pool.size + this.#probing < MAX_CHALLENGES && context.probe !== undefined) {
        this.#probing++;
        try {
          const probed = await context.probe();
          await discardBody(probed);
          const challenge = probed.status === 401 ? pickDigestChallenge(probed.headers.get('www-authenticate')) : undefined;
          // No challenge: this resource asks for none (or the server is not Digest); send as is.
          return challenge === undefined ? undefined : this.#pool.add(challenge, true);
        } finally {
          // Only now: counted until its challenge is in the pool, so probes never overshoot the limit.
          this.#probing--;
          this.#pool.wakeAll();
        }
      }
      if (this.#pool.size + this.#probing === 0) return undefined; // no probe available: the server's 401 supplies one
      await this.#pool.waitForFree(context.signal);
    }
  }
}

function randomCnonce(): string {
  return randomHex(16);
}
