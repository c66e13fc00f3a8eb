/**
 * WebCrypto imports PKCS#8 RSA keys only under the rsaEncryption algorithm identifier; a key made
 * as an RSA-PSS key (`openssl genpkey -algorithm RSA-PSS`) carries id-RSASSA-PSS (RFC 4055) and is
 * refused ("Invalid key type"). The key material is the same RSAPrivateKey either way, so the
 * PrivateKeyInfo is rebuilt with rsaEncryption and imported for RSA-PSS (PS256).
 */
import type { Bytes } from '../bytes.js';

// DER of the OBJECT IDENTIFIERs 1.2.840.113549.1.1.10 (id-RSASSA-PSS) and the
// AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }.
const RSASSA_PSS_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
const RSA_ENCRYPTION_ALGORITHM = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

interface Element {
  /** Offset of the tag. */
  start: number;
  /** Offset of the contents. */
  body: number;
  /** Offset just past the element. */
  end: number;
}

function element(der: Uint8Array, at: number): Element {
  let length = der[at + 1];
  let body = at + 2;
  if (length === undefined) throw new Error('truncated DER');
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[body + i]!;
    body += octets;
  }
  const end = body + length;
  if (end > der.length) throw new Error('truncated DER');
  return { start: at, body, end };
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return [0x80 | octets.length, ...octets];
}

/** The same key under rsaEncryption when `der` is an RSA-PSS PrivateKeyInfo; else undefined. */
export function rsaPssAsRsaEncryption(der: Bytes): Bytes | undefined {
  try {
    const info = element(der, 0); // PrivateKeyInfo SEQUENCE
    const version = element(der, info.body);
    const algorithm = element(der, version.end);
    const oid = der.subarray(algorithm.body, algorithm.body + RSASSA_PSS_OID.length);
    if (!RSASSA_PSS_OID.every((byte, i) => oid[i] === byte)) return undefined;
    const contents = [...der.subarray(version.start, version.end), ...RSA_ENCRYPTION_ALGORITHM, ...der.subarray(algorithm.end, info.end)];
    return new Uint8Array([0x30, ...encodeLength(contents.length), ...contents]);
  } catch {
    return undefined;
  }
}
