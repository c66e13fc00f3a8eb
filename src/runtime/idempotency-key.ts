/**
 * The Idempotency-Key of a call that asks for one. Loaded with before-send-steps.ts (lazy-core-modules.ts) by
 * the first such call, so a client that never sends one never downloads it; imports no up-front module.
 */
import type { HeadersInit } from './fetch-types.js';
import type { WebCrypto } from './web-crypto.js';

/** `true` → a fresh random UUID (made once per call, so every retry carries the same one); a string is used as is. */
export function idempotencyKeyFor(option: string | boolean | undefined): string | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return randomUuid();
  if (typeof option !== 'string' || option === '' || /[\0\r\n]/.test(option)) throw new TypeError('idempotencyKey must be true or a non-empty single-line string');
  return option;
}

function randomUuid(): string {
  // The platform's object as it is now (tests and polyfills may replace it).
  const webCrypto = (globalThis as unknown as { crypto: WebCrypto }).crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  // randomUUID needs a secure context in browsers; getRandomValues does not (RFC 9562 version 4 layout).
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The call's headers with its Idempotency-Key (see idempotencyKeyFor; `option` is neither undefined nor false). */
export function withIdempotencyKey(headers: HeadersInit | undefined, option: string | true): Headers {
  const keyed = new Headers(headers);
  keyed.set('idempotency-key', idempotencyKeyFor(option)!);
  return keyed;
}
