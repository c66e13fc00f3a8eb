/**
 * The runtime's WebCrypto handle: forwards to whatever `globalThis.crypto` is at call time (as the
 * bare global did), calls it as a method (browsers refuse a detached getRandomValues), and tells
 * a CryptoKey from a JWK.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { crypto, isCryptoKey, platformCrypto } from '../../../src/runtime/web-crypto.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('crypto', () => {
  it('is the platform WebCrypto: digests and random bytes work', async () => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')));
    expect(Buffer.from(digest).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    expect(bytes).toHaveLength(32);
    expect(bytes.some((b) => b !== 0)).toBe(true);
  });

  it('looks the global up on every use, so a replaced global (a polyfill, a test double) is the one used', () => {
    const fill = vi.fn((array: Uint8Array) => array.fill(7));
    const subtle = { marker: true };
    vi.stubGlobal('crypto', { subtle, getRandomValues: fill });
    expect(crypto.getRandomValues(new Uint8Array(2))).toEqual(new Uint8Array([7, 7]));
    expect(crypto.subtle).toBe(subtle);
    expect(platformCrypto().subtle).toBe(subtle);
    expect(fill.mock.contexts[0]).toBe(platformCrypto()); // called as a method of the platform object
  });
});

describe('isCryptoKey', () => {
  it('is true for a WebCrypto key, false for a JWK, a string or null', async () => {
    const pair = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const jwk = await globalThis.crypto.subtle.exportKey('jwk', pair.privateKey);
    expect(isCryptoKey(pair.privateKey)).toBe(true);
    expect(isCryptoKey(jwk)).toBe(false);
    expect(isCryptoKey('-----BEGIN PRIVATE KEY-----')).toBe(false);
    expect(isCryptoKey(null)).toBe(false);
  });

  it('is false where the platform has no CryptoKey class', async () => {
    const pair = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    vi.stubGlobal('CryptoKey', undefined);
    expect(isCryptoKey(pair.privateKey)).toBe(false);
  });
});
