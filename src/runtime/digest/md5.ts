/**
 * MD5 (RFC 1321). WebCrypto has no MD5, yet HTTP Digest servers still default to it, so the runtime
 * carries this small implementation. It is used for Digest responses only, never for security
 * decisions of our own.
 */

// Per-round left-rotation amounts (RFC 1321 §3.4).
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

// T[i] = floor(2^32 * |sin(i + 1)|), computed once rather than listed as 64 magic numbers.
const SINE_TABLE = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** The 16-byte MD5 digest of `message`. */
export function md5(message: Uint8Array): Uint8Array {
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const padded = pad(message);
  const view = new DataView(padded.buffer);
  const words = new Uint32Array(16);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) words[i] = view.getUint32(offset + i * 4, true);
    compress(state, words);
  }
  const digest = new Uint8Array(16);
  const out = new DataView(digest.buffer);
  state.forEach((word, i) => out.setUint32(i * 4, word, true));
  return digest;
}

/** Appends 0x80, zeros up to 56 mod 64, then the bit length as a little-endian 64-bit integer. */
function pad(message: Uint8Array): Uint8Array {
  const length = (((message.length + 8) >>> 6) + 1) << 6;
  const padded = new Uint8Array(length);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = message.length * 8;
  view.setUint32(length - 8, bits >>> 0, true);
  view.setUint32(length - 4, Math.floor(bits / 2 ** 32), true);
  return padded;
}

function compress(state: Uint32Array, words: Uint32Array): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let i = 0; i < 64; i++) {
    const round = i >>> 4;
    let mixed: number;
    let index: number;
    if (round === 0) {
      mixed = (b & c) | (~b & d);
      index = i;
    } else if (round === 1) {
      mixed = (d & b) | (~d & c);
      index = (5 * i + 1) & 15;
    } else if (round === 2) {
      mixed = b ^ c ^ d;
      index = (3 * i + 5) & 15;
    } else {
      mixed = c ^ (b | ~d);
      index = (7 * i) & 15;
    }
    const sum = (a + mixed + SINE_TABLE[i]! + words[index]!) | 0;
    const shift = SHIFTS[(round << 2) + (i & 3)]!;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
  }
  state[0] = state[0]! + a;
  state[1] = state[1]! + b;
  state[2] = state[2]! + c;
  state[3] = state[3]! + d;
}
