/**
 * Removes the client's secrets from text a server wrote before that text enters an error: a server
 * that echoes the request in its `error_description` must not put the client secret, a password,
 * the Basic value or a token into a message, a log line or a JSON dump.
 */
import { formEncode } from './encoding.js';

export const REDACTED = '[redacted]';

/** Members of a private JWK (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/** The spellings a value may come back in: as sent, form- or percent-encoded (either hex case). */
function spellings(secret: string): string[] {
  const encoded = [formEncode(secret), encodeURIComponent(secret)];
  const lower = encoded.map((text) => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  return [secret, ...encoded, ...lower];
}

/** Tokens remembered at most; older ones have long been replaced. */
const RECENT_TOKENS = 16;

/**
 * The secrets one scheme holds: for its whole life (client secret, password, private key) and the
 * tokens it obtained lately.
 */
export class SecretSet {
  readonly #secrets = new Set<string>();
  readonly #recent: string[] = [];

  /** A token the scheme obtained; only the last few are kept. */
  remember(token: string | undefined): void {
    if (token === undefined || token === '' || this.#recent.includes(token)) return;
    this.#recent.push(token);
    if (this.#recent.length > RECENT_TOKENS) this.#recent.shift();
  }

  add(secret: unknown): void {
    if (typeof secret === 'string' && secret !== '') for (const spelling of spellings(secret)) this.#secrets.add(spelling);
  }

  /** A PEM string, its base64 body, or a JWK's private members. */
  addPrivateKey(key: unknown): void {
    if (typeof key === 'string') {
      this.add(key.trim());
      this.add(key.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
    } else if (typeof key === 'object' && key !== null) {
      for (const member of PRIVATE_JWK_MEMBERS) this.add(Reflect.get(key, member));
    }
  }

  /** These secrets and those of one request, as a function that redacts text. */
  redactor(request: readonly string[] = []): (text: string) => string {
    const all = new Set(this.#secrets);
    for (const secret of [...this.#recent, ...request]) if (secret !== '') for (const spelling of spellings(secret)) all.add(spelling);
    // Longest first, so a secret that contains another is removed whole.
    const ordered = [...all].sort((a, b) => b.length - a.length);
    return (text) => ordered.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);
  }
}
