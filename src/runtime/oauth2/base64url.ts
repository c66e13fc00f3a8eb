/**
 * Byte and text encodings of the signed OAuth formats (JWTs, DPoP proofs, PKCE), from web-standard
 * globals only. Only lazily loaded modules use them (see lazy-modules.ts), so they load with the
 * first of those and never with the up-front runtime.
 */
import type { Bytes } from '../bytes.js';
import { crypto } from './lazy-crypto.js';

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlText(text: string): string {
  return base64url(new TextEncoder().encode(text));
}

export function base64ToBytes(base64: string): Bytes {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `byteCount` random bytes as base64url: state, PKCE verifiers, JWT ids. */
export function randomToken(byteCount: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

export async function sha256(text: string): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}
