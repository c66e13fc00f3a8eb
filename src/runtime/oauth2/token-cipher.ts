/**
 * How the Redis store writes a TokenSet: JSON, or with an encryption key AES-256-GCM (WebCrypto)
 * with a random 96-bit IV and the entry's Redis key as additional data, so an entry copied under
 * another key does not decrypt either.
 */
import type { Bytes } from '../bytes.js';
import { crypto, type CryptoKey } from '../web-crypto.js';
import { TokenStoreError } from './token-store-error.js';
import type { TokenSet } from './types.js';

const ENCRYPTED_PREFIX = 'keyway-aes256gcm-v1.';
const IV_BYTES = 12;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Bytes {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The 32 raw key bytes as an AES-GCM key; a TypeError (naming no byte) for anything else. */
export function importEncryptionKey(raw: Uint8Array | ArrayBuffer): Promise<CryptoKey> {
  const bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw) : raw instanceof Uint8Array ? raw : undefined;
  if (bytes === undefined || bytes.byteLength !== 32) throw new TypeError('RedisTokenStore: encryptionKey must be 32 bytes (a Uint8Array or ArrayBuffer)');
  return crypto.subtle.importKey('raw', new Uint8Array(bytes), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function encodeTokens(tokens: TokenSet, key: CryptoKey | undefined, redisKey: string): Promise<string> {
  const json = JSON.stringify(tokens);
  if (key === undefined) return json;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(redisKey) }, key, new TextEncoder().encode(json));
  return `${ENCRYPTED_PREFIX}${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`;
}

function unreadable(why: string): TokenStoreError {
  return new TokenStoreError('corrupt_entry', `a token set in redis is unreadable (${why}); it is treated as missing`);
}

export async function decodeTokens(text: string, key: CryptoKey | undefined, redisKey: string): Promise<TokenSet> {
  let json = text;
  if (key !== undefined) {
    if (!text.startsWith(ENCRYPTED_PREFIX)) throw unreadable('not encrypted, but an encryptionKey is set');
    const [iv, sealed, extra] = text.slice(ENCRYPTED_PREFIX.length).split('.');
    if (iv === undefined || sealed === undefined || extra !== undefined) throw unreadable('malformed');
    try {
      const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv), additionalData: new TextEncoder().encode(redisKey) }, key, fromBase64(sealed));
      json = new TextDecoder().decode(opened);
    } catch {
      throw unreadable('it does not decrypt with this encryptionKey');
    }
  } else if (text.startsWith(ENCRYPTED_PREFIX)) {
    throw unreadable('encrypted, but no encryptionKey is set');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw unreadable('not JSON');
  }
  const tokens = value as Partial<TokenSet> | null;
  if (typeof tokens !== 'object' || tokens === null || typeof tokens.accessToken !== 'string' || typeof tokens.tokenType !== 'string') throw unreadable('not a token set');
  return tokens as TokenSet;
}

/** Hex SHA-256: what Redis keys are made of, so no key names a client id or scope. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
