import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5 } from '../../../../src/runtime/digest/md5.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const md5Text = (text: string) => hex(md5(new TextEncoder().encode(text)));

describe('md5', () => {
  // RFC 1321 appendix A.5 test suite.
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
  ])('MD5(%j) = %s', (text, expected) => {
    expect(md5Text(text)).toBe(expected);
  });

  it('agrees with node:crypto on every length across several padding boundaries', () => {
    // Lengths 55, 56, 63, 64, 119, 120 are where the length field spills into a new block.
    for (let length = 0; length <= 200; length++) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 131 + length * 7) & 0xff);
      expect(hex(md5(bytes)), `length ${length}`).toBe(createHash('md5').update(bytes).digest('hex'));
    }
  });

  it('hashes UTF-8 text as its bytes', () => {
    expect(md5Text('jürgen:пароль')).toBe(createHash('md5').update('jürgen:пароль', 'utf8').digest('hex'));
  });

  it('handles a message longer than 64 KiB', () => {
    const bytes = new Uint8Array(70_000).fill(0x61);
    expect(hex(md5(bytes))).toBe(createHash('md5').update(bytes).digest('hex'));
  });
});
