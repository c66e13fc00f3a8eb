/** SHA-256 and HMAC-SHA256 through WebCrypto, the only primitives Signature Version 4 needs. */
import type { Bytes } from '../bytes.js';
import { crypto } from '../web-crypto.js';

const encoder = new TextEncoder();

export type { Bytes };

export function utf8(text: string): Bytes {
  // TextEncoder always makes a fresh ArrayBuffer; @types/node types the result as any Uint8Array.
  return encoder.encode(text) as Bytes;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export async function sha256Hex(data: string | Bytes): Promise<string> {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

export async function hmacSha256(key: Bytes, message: string): Promise<Bytes> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8(message)));
}
