import { crypto } from './web-crypto.js';

/** Lower-case hex of the bytes. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** `byteCount` random bytes from WebCrypto, in hex: nonces and client nonces. */
export function randomHex(byteCount: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(byteCount)));
}
