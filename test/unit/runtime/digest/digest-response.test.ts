import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DigestAlgorithm, DigestChallenge } from '../../../../src/runtime/digest/digest-challenge.js';
import { computeDigestResponse, formatDigestCredentials, type DigestInput } from '../../../../src/runtime/digest/digest-response.js';

// RFC 7616 §3.9.1: user Mufasa, password "Circle of Life", GET /dir/index.html.
const rfcChallenge = (algorithm: DigestAlgorithm): DigestChallenge => ({
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
  algorithm,
  qop: 'auth',
  stale: false,
  userhash: false,
});
const rfcInput = (algorithm: DigestAlgorithm): DigestInput => ({
  challenge: rfcChallenge(algorithm),
  username: 'Mufasa',
  password: 'Circle of Life',
  method: 'GET',
  uri: '/dir/index.html',
  nc: 1,
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
});

/** An independent computation with node:crypto, for the variants the RFC gives no vector for. */
function expected(input: DigestInput): string {
  const { challenge } = input;
  const H = (data: string) => createHash(challenge.algorithm.startsWith('MD5') ? 'md5' : 'sha256').update(data, 'utf8').digest('hex');
  let ha1 = H(`${input.username}:${challenge.realm}:${input.password}`);
  if (challenge.algorithm.endsWith('-sess')) ha1 = H(`${ha1}:${challenge.nonce}:${input.cnonce}`);
  const ha2 = H(`${input.method}:${input.uri}`);
  if (challenge.qop === undefined) return H(`${ha1}:${challenge.nonce}:${ha2}`);
  return H([ha1, challenge.nonce, input.nc.toString(16).padStart(8, '0'), input.cnonce, 'auth', ha2].join(':'));
}

describe('RFC 7616 §3.9.1 worked example', () => {
  it('MD5 response', async () => {
    expect(await computeDigestResponse(rfcInput('MD5'))).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('SHA-256 response', async () => {
    expect(await computeDigestResponse(rfcInput('SHA-256'))).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });

  it('formats the Authorization credentials as the RFC shows them', async () => {
    expect(await formatDigestCredentials(rfcInput('MD5'))).toBe(
      'username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, ' +
        'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, ' +
        'cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, ' +
        'response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
  });
});

describe('other variants agree with node:crypto', () => {
  it.each(['MD5-sess', 'SHA-256-sess'] as const)('%s', async (algorithm) => {
    const input = { ...rfcInput(algorithm), nc: 0x1a, uri: '/a/b?c=d%20e' };
    expect(await computeDigestResponse(input)).toBe(expected(input));
  });

  it('no qop (RFC 2069)', async () => {
    const input = { ...rfcInput('MD5'), challenge: { ...rfcChallenge('MD5'), qop: undefined } };
    expect(await computeDigestResponse(input)).toBe(expected(input));
    expect(await formatDigestCredentials(input)).not.toMatch(/nc=|cnonce=|qop=/);
  });

  it('UTF-8 credentials', async () => {
    const input = { ...rfcInput('SHA-256'), username: 'jürgen', password: 'пароль' };
    expect(await computeDigestResponse(input)).toBe(expected(input));
  });
});

describe('username forms (RFC 7616 §3.4.4)', () => {
  it('userhash sends H(username:realm) and userhash=true', async () => {
    const input = { ...rfcInput('SHA-256'), challenge: { ...rfcChallenge('SHA-256'), userhash: true } };
    const hashed = createHash('sha256').update('Mufasa:http-auth@example.org').digest('hex');
    const credentials = await formatDigestCredentials(input);
    expect(credentials).toContain(`username="${hashed}"`);
    expect(credentials).toMatch(/, userhash=true$/);
    expect(credentials).not.toContain('Mufasa');
  });

  it('a non-ASCII name goes as username*', async () => {
    expect(await formatDigestCredentials({ ...rfcInput('MD5'), username: 'J\u00e4s\u00f8n Doe' })).toMatch(/^username\*=UTF-8''J%C3%A4s%C3%B8n%20Doe, /);
  });

  it('quotes and backslashes are escaped', async () => {
    expect(await formatDigestCredentials({ ...rfcInput('MD5'), username: 'a"b\\c' })).toMatch(/^username="a\\"b\\\\c", /);
  });
});
