/**
 * WebCrypto as the runtime calls it, typed here instead of through lib.dom: a project with only
 * @types/node has no global `crypto`, `CryptoKey` or `JsonWebKey` (Node's types keep them under
 * `webcrypto.`), and before TypeScript 5.7 lib.dom's BufferSource takes no generic Uint8Array. These
 * are the structural subset the runtime uses, so a CryptoKey or JWK from lib.dom or from Node is
 * assignable to them. The object behind `crypto` is the platform's `globalThis.crypto`, looked up on
 * every use (as the bare global was).
 */

/** Bytes WebCrypto reads. */
export type BufferSource = ArrayBuffer | ArrayBufferView;

export interface Algorithm {
  name: string;
}

export type AlgorithmIdentifier = string | Algorithm;

export interface RsaHashedImportParams extends Algorithm {
  hash: AlgorithmIdentifier;
}

export interface EcKeyImportParams extends Algorithm {
  namedCurve: string;
}

export interface RsaPssParams extends Algorithm {
  saltLength: number;
}

export interface EcdsaParams extends Algorithm {
  hash: AlgorithmIdentifier;
}

export interface AesGcmParams extends Algorithm {
  iv: BufferSource;
  additionalData?: BufferSource;
}

type ImportParams = AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams;

/** An opaque WebCrypto key: lib.dom's `CryptoKey`, Node's `webcrypto.CryptoKey`. */
export interface CryptoKey {
  readonly algorithm: Algorithm;
  readonly extractable: boolean;
  readonly type: string;
  readonly usages: readonly string[];
}

export interface CryptoKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** A JSON Web Key (RFC 7517), the members WebCrypto reads. */
export interface JsonWebKey {
  kty?: string;
  alg?: string;
  crv?: string;
  use?: string;
  key_ops?: string[];
  ext?: boolean;
  d?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
  p?: string;
  q?: string;
  dp?: string;
  dq?: string;
  qi?: string;
  k?: string;
}

export interface SubtleCrypto {
  digest(algorithm: AlgorithmIdentifier, data: BufferSource): Promise<ArrayBuffer>;
  importKey(format: 'jwk', keyData: JsonWebKey, algorithm: ImportParams, extractable: boolean, keyUsages: readonly string[]): Promise<CryptoKey>;
  importKey(format: 'raw' | 'pkcs8' | 'spki', keyData: BufferSource, algorithm: ImportParams, extractable: boolean, keyUsages: readonly string[]): Promise<CryptoKey>;
  exportKey(format: 'jwk', key: CryptoKey): Promise<JsonWebKey>;
  generateKey(algorithm: EcKeyImportParams, extractable: boolean, keyUsages: readonly string[]): Promise<CryptoKeyPair>;
  sign(algorithm: AlgorithmIdentifier | RsaPssParams | EcdsaParams, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  encrypt(algorithm: AesGcmParams, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
}

export interface WebCrypto {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  /** Absent in browsers outside a secure context. */
  randomUUID?: () => string;
}

/** The platform's own WebCrypto object, as it is now (tests and polyfills may replace it). */
export function platformCrypto(): WebCrypto {
  return (globalThis as unknown as { crypto: WebCrypto }).crypto;
}

/** `crypto.subtle` and `crypto.getRandomValues`, forwarded to the platform's object on each call. */
export const crypto: Pick<WebCrypto, 'subtle' | 'getRandomValues'> = {
  get subtle() {
    return platformCrypto().subtle;
  },
  getRandomValues: (array) => platformCrypto().getRandomValues(array),
};

/** True for a WebCrypto key object (false where the platform has no `CryptoKey` class). */
export function isCryptoKey(value: unknown): value is CryptoKey {
  const CryptoKeyClass = (globalThis as unknown as { CryptoKey?: abstract new () => unknown }).CryptoKey;
  return CryptoKeyClass !== undefined && value instanceof CryptoKeyClass;
}
