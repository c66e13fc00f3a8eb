/**
 * WebCrypto for the lazily loaded modules (signing, DPoP proofs, lease owners): the same forwarding
 * to the platform's object as web-crypto.ts, which they cannot import (an app's entry reaches that
 * module through the Redis store's cipher, so one import from here would put it in a chunk shared
 * with the entry: a second initial file). Only its types are imported.
 */
import type { CryptoKey, WebCrypto } from '../web-crypto.js';

const platform = (): WebCrypto => (globalThis as unknown as { crypto: WebCrypto }).crypto;

/** `crypto.subtle` and `crypto.getRandomValues`, forwarded to the platform's object on each call (tests and polyfills may replace it). */
export const crypto: Pick<WebCrypto, 'subtle' | 'getRandomValues'> = {
  get subtle() {
    return platform().subtle;
  },
  getRandomValues: (array) => platform().getRandomValues(array),
};

/**
 * The signing code (client-assertion.ts), a lazy module of its own, for the lazily loaded modules
 * that sign (DPoP proofs, the JWT bearer grant): loaded directly, as they are lazy too. The up-front
 * code has its own, loadSigning (lazy-modules.ts), which hands the lazy modules their imports first.
 */
export const importSigning = (): Promise<typeof import('./client-assertion.js')> => import('./client-assertion.js');

/** True for a WebCrypto key object (false where the platform has no `CryptoKey` class). */
export function isCryptoKey(value: unknown): value is CryptoKey {
  const CryptoKeyClass = (globalThis as unknown as { CryptoKey?: abstract new () => unknown }).CryptoKey;
  return CryptoKeyClass !== undefined && value instanceof CryptoKeyClass;
}
