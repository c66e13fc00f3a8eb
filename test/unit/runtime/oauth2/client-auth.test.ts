import { createPublicKey, verify, constants, type KeyObject } from 'node:crypto';
import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClientCredentialsGrant } from '../../../../src/runtime/oauth2/types.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type Recorded, type TestServer } from '../../../support/oauth2/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.on('/oauth/token', () => tokenJson('tok', { expires_in: 3600 }));
  server.on('/api/pets', bearerApi(() => ['tok']));
});

async function tokenRequestWith(credential: ClientCredentialsGrant, env = fakeClock().env): Promise<Recorded> {
  const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: credential }, env);
  await core.request(listPets(), {});
  const [request] = server.to('/oauth/token');
  return request!;
}

describe('client_secret_basic (the default with a secret)', () => {
  it('form-urlencodes id and secret before base64 (RFC 6749 §2.3.1)', async () => {
    const clientId = 'my:client id';
    const clientSecret = 'p:a ss+w%rd/ü€';
    const request = await tokenRequestWith({ clientId, clientSecret });
    expect(request.clientAuth).toBe('basic');
    const raw = Buffer.from(request.headers.authorization!.slice('Basic '.length), 'base64').toString('latin1');
    expect(raw).toBe('my%3Aclient+id:p%3Aa+ss%2Bw%25rd%2F%C3%BC%E2%82%AC');
    expect(request.basic).toEqual({ id: clientId, secret: clientSecret });
    expect(request.form.has('client_secret')).toBe(false);
    expect(request.form.has('client_id')).toBe(false);
    expect(request.grantType).toBe('client_credentials');
    expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.method).toBe('POST');
  });
});

describe('other client authentication methods', () => {
  it('client_secret_post: id and secret in the form, no Authorization', async () => {
    const request = await tokenRequestWith({ clientId: 'app', clientSecret: 'a b&c', clientAuthMethod: 'client_secret_post' });
    expect(request.clientAuth).toBe('post');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.form.get('client_id')).toBe('app');
    expect(request.form.get('client_secret')).toBe('a b&c');
  });

  it('none: a public client sends only client_id', async () => {
    const { core } = makeClient(
      server.origin,
      { oauth: { type: 'oauth2', flows: { password: { tokenUrl: '/oauth/token', scopes: [] } } } },
      { oauth: { clientId: 'cli', username: 'u', password: 'p' } },
      fakeClock().env,
    );
    await core.request(listPets(), {});
    const [request] = server.to('/oauth/token');
    expect(request!.clientAuth).toBe('none');
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.form.get('client_id')).toBe('cli');
  });

  it('tokenParams add fields but cannot replace the grant', async () => {
    const request = await tokenRequestWith({ clientId: 'app', clientSecret: 's', tokenParams: { audience: 'https://api.example', resource: 'urn:x', grant_type: 'password' } });
    expect(request.form.get('audience')).toBe('https://api.example');
    expect(request.form.get('resource')).toBe('urn:x');
    expect(request.form.getAll('grant_type')).toEqual(['client_credentials']);
  });

  it('refuses inconsistent settings at construction, naming the scheme', () => {
    const make = (credential: object) => () => makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: credential });
    expect(make({ clientId: 'app', clientAuthMethod: 'client_secret_basic', privateKey: 'x' })).toThrow(/"oauth".*needs a clientSecret/);
    expect(make({ clientId: 'app', clientSecret: 's', clientAuthMethod: 'private_key_jwt' })).toThrow(/"oauth".*needs a privateKey/);
    expect(make({ clientId: 'app', clientSecret: 's', clientAuthMethod: 'secret_magic' })).toThrow(/"oauth".*clientAuthMethod must be one of/);
    expect(make({ clientId: '', clientSecret: 's' })).toThrow(/"oauth".*clientId/);
  });
});

interface Jwt {
  header: { alg: string; typ?: string; kid?: string };
  claims: { iss: string; sub: string; aud: string; jti: string; iat: number; exp: number };
  signingInput: Buffer;
  signature: Buffer;
}

function decodeJwt(jwt: string): Jwt {
  const [h, c, s] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h!, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(c!, 'base64url').toString()),
    signingInput: Buffer.from(`${h}.${c}`),
    signature: Buffer.from(s!, 'base64url'),
  };
}

function verifies(alg: string, publicKey: KeyObject, jwt: Jwt): boolean {
  if (alg === 'ES256') return verify('sha256', jwt.signingInput, { key: publicKey, dsaEncoding: 'ieee-p1363' }, jwt.signature);
  if (alg === 'PS256') return verify('sha256', jwt.signingInput, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, jwt.signature);
  return verify('sha256', jwt.signingInput, publicKey, jwt.signature);
}

const KEY_PARAMS = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  PS256: { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
} as const;

describe('private_key_jwt (RFC 7523)', () => {
  const pairs = new Map<string, CryptoKeyPair>();
  beforeAll(async () => {
    for (const [alg, params] of Object.entries(KEY_PARAMS)) {
      pairs.set(alg, (await webcrypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair);
    }
  });

  async function publicKeyOf(alg: string): Promise<KeyObject> {
    const jwk = await webcrypto.subtle.exportKey('jwk', pairs.get(alg)!.publicKey);
    return createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  }

  async function checkAssertion(request: Recorded, alg: string, nowMs: number): Promise<Jwt> {
    expect(request.clientAuth).toBe('jwt');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const jwt = decodeJwt(request.form.get('client_assertion')!);
    expect(jwt.header.alg).toBe(alg);
    expect(jwt.claims).toMatchObject({ iss: 'app', sub: 'app', aud: `${server.origin}/oauth/token`, iat: Math.floor(nowMs / 1000) });
    expect(jwt.claims.exp).toBeGreaterThan(jwt.claims.iat);
    expect(jwt.claims.jti).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(verifies(alg, await publicKeyOf(alg), jwt)).toBe(true);
    return jwt;
  }

  it.each(['RS256', 'PS256', 'ES256'])('%s with a CryptoKey; ES256 signatures are raw r||s', async (alg) => {
    const clock = fakeClock();
    const request = await tokenRequestWith({ clientId: 'app', privateKey: pairs.get(alg)!.privateKey, privateKeyId: 'k1' }, clock.env);
    const jwt = await checkAssertion(request, alg, clock.now);
    expect(jwt.header.kid).toBe('k1');
    if (alg === 'ES256') expect(jwt.signature).toHaveLength(64);
  });

  it('RS256 and ES256 from a JWK, kid taken from it', async () => {
    for (const alg of ['RS256', 'ES256']) {
      server.reset();
      server.on('/oauth/token', () => tokenJson('tok', { expires_in: 3600 }));
      server.on('/api/pets', bearerApi(() => ['tok']));
      const jwk = { ...(await webcrypto.subtle.exportKey('jwk', pairs.get(alg)!.privateKey)), kid: `jwk-${alg}` };
      const clock = fakeClock();
      const jwt = await checkAssertion(await tokenRequestWith({ clientId: 'app', privateKey: jwk }, clock.env), alg, clock.now);
      expect(jwt.header.kid).toBe(`jwk-${alg}`);
    }
  });

  it('PKCS#8 PEM strings: RSA by default, P-256 detected', async () => {
    for (const alg of ['RS256', 'ES256']) {
      server.reset();
      server.on('/oauth/token', () => tokenJson('tok', { expires_in: 3600 }));
      server.on('/api/pets', bearerApi(() => ['tok']));
      const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', pairs.get(alg)!.privateKey));
      const pem = `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`;
      const clock = fakeClock();
      await checkAssertion(await tokenRequestWith({ clientId: 'app', privateKey: pem }, clock.env), alg, clock.now);
    }
  });

  it('a fresh jti for every token request, retries included', async () => {
    let n = 0;
    server.on('/oauth/token', () => (++n === 1 ? { status: 503 } : tokenJson('tok', { expires_in: 60 })));
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'app', privateKey: pairs.get('ES256')!.privateKey } }, clock.env);
    await core.request(listPets(), {});
    clock.tick(60_000);
    await core.request(listPets(), {});
    const jtis = server.to('/oauth/token').map((r) => decodeJwt(r.form.get('client_assertion')!).claims.jti);
    expect(jtis).toHaveLength(3);
    expect(new Set(jtis).size).toBe(3);
  });

  it('a key that cannot sign fails with a TypeError that does not describe the key', async () => {
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, { oauth: { clientId: 'app', privateKey: 'not a key SECRET-PEM-BODY' } }, fakeClock().env);
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/"oauth": privateKey must be/);
    expect(`${(error as Error).stack}`).not.toContain('SECRET-PEM-BODY');
  });
});
