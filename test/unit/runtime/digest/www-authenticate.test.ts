import { describe, expect, it } from 'vitest';
import { pickDigestChallenge } from '../../../../src/runtime/digest/digest-challenge.js';
import { parseChallenges } from '../../../../src/runtime/digest/www-authenticate.js';

const simplify = (header: string) =>
  parseChallenges(header).map(({ scheme, params, token68 }) => ({ scheme, params: Object.fromEntries(params), token68 }));

describe('parseChallenges', () => {
  it('reads the RFC 7616 §3.9.1 challenge', () => {
    expect(
      simplify(
        'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, ' +
          'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
      ),
    ).toEqual([
      {
        scheme: 'digest',
        params: {
          realm: 'http-auth@example.org',
          qop: 'auth, auth-int',
          algorithm: 'SHA-256',
          nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
          opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
        },
        token68: undefined,
      },
    ]);
  });

  it('splits several challenges, keeps commas and escapes inside quoted-strings', () => {
    const header =
      'Basic realm="simple, \\"quoted\\" realm", charset="UTF-8", ' +
      'Newauth realm="apps", type=1, title="Login to \\"apps\\"", ' +
      'Negotiate YIIBhAYGKwYBBQUCoIIBeDCCAXSgMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCg==, ' +
      'DIGEST REALM = "r" ,NONCE=abc';
    expect(simplify(header)).toEqual([
      { scheme: 'basic', params: { realm: 'simple, "quoted" realm', charset: 'UTF-8' }, token68: undefined },
      { scheme: 'newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' }, token68: undefined },
      { scheme: 'negotiate', params: {}, token68: 'YIIBhAYGKwYBBQUCoIIBeDCCAXSgMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCg==' },
      { scheme: 'digest', params: { realm: 'r', nonce: 'abc' }, token68: undefined },
    ]);
  });

  it('reads a bare scheme, a short token68, and survives garbage', () => {
    expect(simplify('Bearer, Basic abc=,  ,realm=orphan, @@@ junk, Digest nonce="n"')).toEqual([
      { scheme: 'bearer', params: {}, token68: undefined },
      { scheme: 'basic', params: {}, token68: 'abc=' },
      { scheme: 'digest', params: { nonce: 'n' }, token68: undefined },
    ]);
  });

  it('accepts unquoted values that are not strictly tokens', () => {
    expect(simplify('Digest realm="r", nonce=abc/def+==, qop=auth')).toEqual([
      { scheme: 'digest', params: { realm: 'r', nonce: 'abc/def+==', qop: 'auth' }, token68: undefined },
    ]);
  });

  it('keeps the first of a repeated parameter and tolerates an unterminated quote', () => {
    expect(simplify('Digest nonce="first", nonce="second", realm="open')).toEqual([
      { scheme: 'digest', params: { nonce: 'first' }, token68: undefined },
    ]);
  });
});

describe('pickDigestChallenge', () => {
  it('takes the first Digest challenge it can answer, next to Basic', () => {
    const header =
      'Basic realm="x", Digest realm="r", nonce="n1", algorithm=SHA-512-256, qop="auth", ' +
      'Digest realm="r", nonce="n2", qop="auth-int", ' +
      'Digest realm="r", nonce="n3", algorithm=sha-256-SESS, qop="auth-int,auth", stale=TRUE, userhash=true, opaque="o", ' +
      'Digest realm="r", nonce="n4"';
    expect(pickDigestChallenge(header)).toEqual({
      realm: 'r',
      nonce: 'n3',
      opaque: 'o',
      algorithm: 'SHA-256-sess',
      qop: 'auth',
      stale: true,
      userhash: true,
    });
  });

  it('defaults to MD5 without qop (RFC 2069 servers)', () => {
    expect(pickDigestChallenge('Digest realm="r", nonce="n"')).toEqual({
      realm: 'r',
      nonce: 'n',
      opaque: undefined,
      algorithm: 'MD5',
      qop: undefined,
      stale: false,
      userhash: false,
    });
  });

  it.each([null, 'Basic realm="x"', 'Digest realm="r"', 'Digest nonce="n"', 'Digest realm="r", nonce="n", qop="auth-int"'])(
    'finds nothing answerable in %j',
    (header) => {
      expect(pickDigestChallenge(header)).toBeUndefined();
    },
  );
});
