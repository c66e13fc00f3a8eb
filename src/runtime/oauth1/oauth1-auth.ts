import type { AuthRequest, AuthStrategy } from '../auth-strategy.js';
import { formatAuthorization } from '../authorization-header.js';
import { quoteScheme } from '../credential-checks.js';
import { encodeUnreserved } from '../uri-encoding.js';
import { crypto } from '../web-crypto.js';
import { OAuth1Signer, SIGNATURE_METHODS, type OAuth1SignatureMethod } from './oauth1-signature.js';
import { collectParameters, signatureBaseString, type OAuthParam } from './signature-base-string.js';

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  /** Omit for two-legged (consumer-only) requests. */
  token?: string;
  tokenSecret?: string;
  /** Defaults to HMAC-SHA1. */
  signatureMethod?: OAuth1SignatureMethod;
  realm?: string;
  /**
   * Characters of [A-Za-z0-9] in each oauth_nonce; default 24, inside the ranges common
   * validators enforce (python oauthlib: 20–30).
   */
  nonceLength?: number;
}

export interface OAuth1Options {
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: () => number;
  /** A fresh nonce per request; defaults to `nonceLength` random alphanumerics. */
  nonce?: () => string;
}

const FORM_URLENCODED = 'application/x-www-form-urlencoded';
const CONTROL = /[\0-\x1F\x7F]/;

/**
 * OAuth 1.0a request signing (RFC 5849 §3): every request gets a fresh nonce and timestamp and an
 * `Authorization: OAuth ...` header whose signature covers the method, URL, query and (for a
 * form-urlencoded body) the form fields.
 */
export class OAuth1Auth implements AuthStrategy {
  readonly scheme: string;
  readonly #consumerKey: string;
  readonly #token: string | undefined;
  readonly #realm: string | undefined;
  readonly #signer: OAuth1Signer;
  readonly #clock: () => number;
  readonly #nonce: () => string;

  constructor(scheme: string, credentials: OAuth1Credentials, options: OAuth1Options = {}) {
    const where = `security scheme ${quoteScheme(scheme)}`;
    if (typeof credentials !== 'object' || credentials === null) throw new TypeError(`${where} needs { consumerKey, consumerSecret }`);
    const { consumerKey, consumerSecret, token, tokenSecret, realm } = credentials;
    const signatureMethod = credentials.signatureMethod ?? 'HMAC-SHA1';
    if (typeof consumerKey !== 'string' || consumerKey === '') throw new TypeError(`${where}: consumerKey must be a non-empty string`);
    if (typeof consumerSecret !== 'string') throw new TypeError(`${where}: consumerSecret must be a string`);
    if (token !== undefined && (typeof token !== 'string' || token === '')) throw new TypeError(`${where}: token must be a non-empty string when given`);
    if (tokenSecret !== undefined && typeof tokenSecret !== 'string') throw new TypeError(`${where}: tokenSecret must be a string`);
    if (tokenSecret !== undefined && token === undefined) throw new TypeError(`${where}: tokenSecret was given without a token`);
    if (realm !== undefined && (typeof realm !== 'string' || CONTROL.test(realm))) throw new TypeError(`${where}: realm must be a string without control characters`);
    if (!SIGNATURE_METHODS.includes(signatureMethod)) throw new TypeError(`${where}: signatureMethod must be one of ${SIGNATURE_METHODS.join(', ')}`);
    const nonceLength = credentials.nonceLength ?? DEFAULT_NONCE_LENGTH;
    if (!Number.isInteger(nonceLength) || nonceLength < 8 || nonceLength > 128) throw new TypeError(`${where}: nonceLength must be an integer from 8 to 128`);
    this.scheme = scheme;
    this.#consumerKey = consumerKey;
    this.#token = token;
    this.#realm = realm;
    // RFC 5849 §3.4.2: without a token the token secret is the empty string.
    this.#signer = new OAuth1Signer(signatureMethod, consumerSecret, tokenSecret ?? '');
    this.#clock = options.clock ?? Date.now;
    this.#nonce = options.nonce ?? (() => randomNonce(nonceLength));
  }

  get signatureMethod(): OAuth1SignatureMethod {
    return this.#signer.method;
  }

  async apply(request: AuthRequest): Promise<void> {
    const protocol: OAuthParam[] = [['oauth_consumer_key', this.#consumerKey]];
    if (this.#token !== undefined) protocol.push(['oauth_token', this.#token]);
    protocol.push(
      ['oauth_signature_method', this.#signer.method],
      ['oauth_timestamp', String(Math.floor(this.#clock() / 1000))],
      ['oauth_nonce', this.#nonce()],
    );
    const formBody = isFormUrlencoded(request.headers) ? request.formBody : undefined;
    const baseString = signatureBaseString(request.method, request.url, collectParameters(request.url, formBody, protocol));
    protocol.push(['oauth_signature', await this.#signer.sign(baseString)]);

    // RFC 5849 §3.5.1: realm is a plain auth-param; the oauth_ values are §3.6-encoded.
    const fields = this.#realm === undefined ? [] : [`realm="${this.#realm.replace(/["\\]/g, '\\$&')}"`];
    for (const [name, value] of protocol) fields.push(`${name}="${encodeUnreserved(value)}"`);
    request.headers.set('authorization', formatAuthorization('OAuth', fields.join(', ')));
  }
}

/** §3.4.1.3.1: body parameters count only when the request says it is form-urlencoded. */
function isFormUrlencoded(headers: Headers): boolean {
  const mediaType = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return mediaType === FORM_URLENCODED;
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// 24 of 62 characters: 142 bits, and inside oauthlib's default 20–30 (32 hex characters were not).
const DEFAULT_NONCE_LENGTH = 24;

/** Uniform over the alphabet: bytes from 248 up are skipped rather than folded (no modulo bias). */
function randomNonce(length: number): string {
  let nonce = '';
  while (nonce.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && nonce.length < length) nonce += NONCE_ALPHABET[byte % 62];
    }
  }
  return nonce;
}
