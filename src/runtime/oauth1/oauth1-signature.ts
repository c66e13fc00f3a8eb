import { encodeUnreserved } from '../uri-encoding.js';
import { crypto, type CryptoKey } from '../web-crypto.js';

export type OAuth1SignatureMethod = 'HMAC-SHA1' | 'HMAC-SHA256' | 'PLAINTEXT';

export const SIGNATURE_METHODS: readonly OAuth1SignatureMethod[] = ['HMAC-SHA1', 'HMAC-SHA256', 'PLAINTEXT'];

/**
 * Signs base strings with one client/token secret pair. The HMAC key is imported once as a
 * non-extractable CryptoKey; only PLAINTEXT keeps the key text, because it is the signature.
 */
export class OAuth1Signer {
  readonly method: OAuth1SignatureMethod;
  // RFC 5849 §3.4.2: key = encode(client secret) & encode(token secret), the `&` always present.
  readonly #keyText: string;
  #hmacKey: Promise<CryptoKey> | undefined;

  constructor(method: OAuth1SignatureMethod, consumerSecret: string, tokenSecret: string) {
    this.method = method;
    this.#keyText = `${encodeUnreserved(consumerSecret)}&${encodeUnreserved(tokenSecret)}`;
  }

  /** The `oauth_signature` value (before §3.6 encoding for the header). */
  async sign(baseString: string): Promise<string> {
    if (this.method === 'PLAINTEXT') return this.#keyText; // RFC 5849 §3.4.4
    this.#hmacKey ??= crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(this.#keyText),
      { name: 'HMAC', hash: this.method === 'HMAC-SHA1' ? 'SHA-1' : 'SHA-256' },
      false,
      ['sign'],
    );
    const signature = await crypto.subtle.sign('HMAC', await this.#hmacKey, new TextEncoder().encode(baseString));
    let binary = '';
    for (const byte of new Uint8Array(signature)) binary += String.fromCharCode(byte);
    return btoa(binary);
  }
}
