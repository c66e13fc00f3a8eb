import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuthRequest } from '../../../../src/runtime/auth-strategy.js';
import { OAuth1Auth, type OAuth1Credentials } from '../../../../src/runtime/oauth1/oauth1-auth.js';
import { baseStringUri, collectParameters, normalizeParameters, signatureBaseString } from '../../../../src/runtime/oauth1/signature-base-string.js';

// RFC 5849 §3.4.1.1 (line breaks removed).
const RFC_REQUEST_URL = 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b';
const RFC_FORM_BODY = 'c2&a3=2+q';
const RFC_PROTOCOL = [
  ['oauth_consumer_key', '9djdj82h48djs9d2'],
  ['oauth_token', 'kkk9d7dh3k39sjv7'],
  ['oauth_signature_method', 'HMAC-SHA1'],
  ['oauth_timestamp', '137131201'],
  ['oauth_nonce', '7d8f3e4a'],
] as const;
const RFC_BASE_STRING =
  'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7';

function request(method: string, url: string, formBody?: string): AuthRequest {
  const headers = new Headers();
  if (formBody === undefined) return { method, url: new URL(url), headers };
  headers.set('content-type', 'application/x-www-form-urlencoded');
  return { method, url: new URL(url), headers, formBody };
}

function signer(credentials: OAuth1Credentials, timestamp: number, nonce: string) {
  return new OAuth1Auth('oauth', credentials, { clock: () => timestamp * 1000 + 999, nonce: () => nonce });
}

describe('signature base string (RFC 5849 §3.4.1)', () => {
  it('reproduces the §3.4.1.1 example exactly', () => {
    const url = new URL(RFC_REQUEST_URL);
    expect(signatureBaseString('post', url, collectParameters(url, RFC_FORM_BODY, RFC_PROTOCOL))).toBe(RFC_BASE_STRING);
  });

  it('normalizes the §3.4.1.3.2 parameters', () => {
    const url = new URL(RFC_REQUEST_URL);
    expect(normalizeParameters(collectParameters(url, RFC_FORM_BODY, RFC_PROTOCOL))).toBe(
      'a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7',
    );
  });

  it.each([
    ['http://EXAMPLE.COM:80/r%20v/X?id=123', 'http://example.com/r%20v/X'],
    ['https://www.example.net:8080/?q=1', 'https://www.example.net:8080/'],
    ['HTTPS://Api.Example.com:443/a/b/#frag', 'https://api.example.com/a/b/'],
  ])('base string URI of %s is %s (§3.4.1.2)', (url, expected) => {
    expect(baseStringUri(new URL(url))).toBe(expected);
  });

  it('percent-encodes per §3.6: only unreserved characters stay, UTF-8, upper-case hex', () => {
    const url = new URL('http://h.test/p');
    expect(normalizeParameters(collectParameters(url, undefined, [["a-._~!*'()", 'ü +/=&%']]))).toBe('a-._~%21%2A%27%28%29=%C3%BC%20%2B%2F%3D%26%25');
  });

  it('sorts equal names by value, in byte order', () => {
    expect(normalizeParameters([['b', 'z'], ['a', 'B'], ['a', 'a'], ['A', 'x']])).toBe('A=x&a=B&a=a&b=z');
  });
});

describe('OAuth1Auth Authorization header', () => {
  it('the §3.4.1.1 request: the header of the RFC, signed over exactly its base string', async () => {
    // The RFC does not publish this example's secrets, so the signature is checked against the
    // base string with secrets of our own.
    const req = request('POST', RFC_REQUEST_URL, RFC_FORM_BODY);
    const credentials = { consumerKey: '9djdj82h48djs9d2', consumerSecret: 'j49sk3j29djd', token: 'kkk9d7dh3k39sjv7', tokenSecret: 'dh893hdasih9', realm: 'Example' };
    await signer(credentials, 137131201, '7d8f3e4a').apply(req);
    const signature = createHmac('sha1', 'j49sk3j29djd&dh893hdasih9').update(RFC_BASE_STRING).digest('base64');
    expect(req.headers.get('authorization')).toBe(
      'OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", ' +
        `oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", oauth_signature="${encodeURIComponent(signature)}"`,
    );
  });

  it('the §1.2 photo request with the RFC\'s keys gives the RFC\'s exact signature', async () => {
    const req = request('GET', 'http://photos.example.net/photos?file=vacation.jpg&size=original');
    const credentials = { consumerKey: 'dpf43f3p2l4k3l03', consumerSecret: 'kd94hf93k423kf44', token: 'nnch734d00sl2jdk', tokenSecret: 'pfkkdhi9sl3r4s00', realm: 'Photos' };
    await signer(credentials, 137131202, 'chapoH').apply(req);
    expect(req.headers.get('authorization')).toBe(
      'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", oauth_signature_method="HMAC-SHA1", ' +
        'oauth_timestamp="137131202", oauth_nonce="chapoH", oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
    );
  });

  it('PLAINTEXT without a token is the §2.1 example signature', async () => {
    const req = request('POST', 'https://server.example.com/request_temp_credentials');
    await signer({ consumerKey: 'jd83jd92dhsh93js', consumerSecret: 'ja893SD9', signatureMethod: 'PLAINTEXT' }, 1, 'n').apply(req);
    expect(req.headers.get('authorization')).toMatch(/^OAuth oauth_consumer_key="jd83jd92dhsh93js", oauth_signature_method="PLAINTEXT", .*, oauth_signature="ja893SD9%26"$/);
  });

  it('HMAC-SHA256 signs the same base string with SHA-256', async () => {
    const req = request('POST', RFC_REQUEST_URL, RFC_FORM_BODY);
    const credentials = { consumerKey: '9djdj82h48djs9d2', consumerSecret: 'cs', token: 'kkk9d7dh3k39sjv7', tokenSecret: 'ts', signatureMethod: 'HMAC-SHA256' as const };
    await signer(credentials, 137131201, '7d8f3e4a').apply(req);
    const base = RFC_BASE_STRING.replace('HMAC-SHA1', 'HMAC-SHA256');
    const signature = createHmac('sha256', 'cs&ts').update(base).digest('base64');
    expect(req.headers.get('authorization')).toContain(`oauth_signature="${encodeURIComponent(signature)}"`);
  });

  it('ignores the form body unless the Content-Type says form-urlencoded', async () => {
    const credentials = { consumerKey: 'k', consumerSecret: 's' };
    const withForm = request('POST', 'http://h.test/p', 'a=1');
    const mislabelled = request('POST', 'http://h.test/p', 'a=1');
    mislabelled.headers.set('content-type', 'application/json');
    const noBody = request('POST', 'http://h.test/p');
    for (const req of [withForm, mislabelled, noBody]) await signer(credentials, 5, 'n').apply(req);
    const signatureOf = (req: AuthRequest) => /oauth_signature="([^"]+)"/.exec(req.headers.get('authorization')!)![1];
    expect(signatureOf(mislabelled)).toBe(signatureOf(noBody));
    expect(signatureOf(withForm)).not.toBe(signatureOf(noBody));
  });
});
