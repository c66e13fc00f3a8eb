/**
 * DPoP (RFC 9449) in the runtime, against a local HTTP server that counts what it received: the
 * proof's shape, the nonce retry at the token endpoint and its bound, a Bearer answer to a DPoP
 * request, resource indicators (RFC 8707), and keys that cannot sign.
 */
import { calculateJwkThumbprint, EmbeddedJWK, jwtVerify, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DpopProver, jwkThumbprint, proofTarget } from '../../../../src/runtime/oauth2/dpop.js';
import { dpopProverFor } from '../../../../src/runtime/oauth2/dpop-option.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import type { TokenSet } from '../../../../src/runtime/oauth2/types.js';
import { clientCredentials, listPets, oauthClient } from './support/oauth-client.js';
import { json, startRawServer, type RawServer } from './support/raw-server.js';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

async function prover(dpop: unknown): Promise<DpopProver> {
  const made = dpopProverFor({ dpop }, 'oauth');
  if (made === undefined) throw new Error('no prover');
  return made.prover();
}

describe('proofs', () => {
  it('carry typ, the public jwk only, a fresh jti, htm, htu without query and fragment, iat, ath and the origin nonce', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const dpop = await prover({ privateKey: privateJwk });
    const url = new URL('https://api.example.test/pets?limit=2#top');
    expect(dpop.rememberNonce(new URL('https://api.example.test/other'), 'n-1')).toBe(true);
    expect(dpop.rememberNonce(url, 'n-1')).toBe(false);
    const first = await dpop.proof('get', url, 1_700_000_000_500, 'the-token');
    const second = await dpop.proof('GET', url, 1_700_000_000_500);
    const { payload, protectedHeader } = await jwtVerify(first.proof, EmbeddedJWK, { typ: 'dpop+jwt', currentDate: new Date(1_700_000_000_000) });
    expect(protectedHeader.alg).toBe('ES256');
    expect(Object.keys(protectedHeader.jwk!).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(payload).toMatchObject({ htm: 'GET', htu: 'https://api.example.test/pets', iat: 1_700_000_000, nonce: 'n-1' });
    // base64url(SHA-256("the-token"))
    expect(payload['ath']).toBe(Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('the-token'))).toString('base64url'));
    const again = await jwtVerify(second.proof, EmbeddedJWK);
    expect(again.payload.jti).not.toBe(payload.jti);
    expect(again.payload['ath']).toBeUndefined();
    expect(first.nonce).toBe('n-1');
    expect(dpop.nonceFor(new URL('https://elsewhere.test/'))).toBeUndefined();
    // RFC 7638 thumbprint, as jose computes it.
    expect(await dpop.thumbprint()).toBe(await calculateJwkThumbprint(protectedHeader.jwk as JWK));
    expect(await jwkThumbprint({ kty: 'EC', crv: 'P-256', x: privateJwk.x!, y: privateJwk.y! })).toBe(await dpop.thumbprint());
  });

  it('dpop: true makes one non-extractable P-256 key per prover', async () => {
    const a = await prover(true);
    const b = await prover(true);
    const url = new URL('https://as.example.test/token');
    const [pa, pb] = await Promise.all([a.proof('POST', url, Date.now()), b.proof('POST', url, Date.now())]);
    const [ha, hb] = await Promise.all([jwtVerify(pa.proof, EmbeddedJWK), jwtVerify(pb.proof, EmbeddedJWK)]);
    expect(ha.protectedHeader.jwk).not.toEqual(hb.protectedHeader.jwk);
    expect(await a.thumbprint()).toBe(await a.thumbprint());
  });

  it('htu keeps path and port, drops query and fragment', () => {
    expect(proofTarget(new URL('http://127.0.0.1:8080/a/b?c=d#e'))).toBe('http://127.0.0.1:8080/a/b');
  });
});

describe('bad DPoP options', () => {
  it('wrong shapes fail at construction, naming the scheme', () => {
    expect(() => dpopProverFor({ dpop: 'yes' }, 'oauth')).toThrow('security scheme "oauth": dpop must be true or { privateKey, publicJwk }');
    expect(() => dpopProverFor({ dpop: { publicJwk: {} } }, 'oauth')).toThrow('security scheme "oauth": dpop must be true or { privateKey, publicJwk }');
    expect(dpopProverFor({}, 'oauth')).toBeUndefined();
    expect(dpopProverFor({ dpop: false }, 'oauth')).toBeUndefined();
  });

  // Checked by the prover, loaded with the first proof (before any request leaves): the same TypeError every time.
  it('a key without a usable public JWK fails the first proof, naming the scheme', async () => {
    await expect(prover({ privateKey: '-----BEGIN PRIVATE KEY-----x' })).rejects.toThrow(new TypeError('security scheme "oauth": dpop: publicJwk is needed unless privateKey is a JWK'));
    await expect(prover({ privateKey: { kty: 'oct', k: 'c2VjcmV0' } })).rejects.toThrow(new TypeError('security scheme "oauth": dpop: publicJwk must be an EC, RSA or OKP public JWK'));
    await expect(prover({ privateKey: { kty: 'EC', crv: 'P-256', x: 'eA' } })).rejects.toThrow(new TypeError('security scheme "oauth": dpop: publicJwk lacks its "y" member'));
    const made = dpopProverFor({ dpop: { privateKey: '-----BEGIN PRIVATE KEY-----x' } }, 'oauth')!;
    await expect(made.prover()).rejects.toThrow(TypeError);
    await expect(made.prover()).rejects.toThrow('publicJwk is needed unless privateKey is a JWK');
  });

  it('a client with such a key is made, and its first call rejects with that TypeError before any request leaves', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: 'never', token_type: 'DPoP' }));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client', dpop: { privateKey: { kty: 'oct', k: 'c2VjcmV0' } } } });
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('security scheme "oauth": dpop: publicJwk must be an EC, RSA or OKP public JWK');
    expect(server.requests).toHaveLength(0);
  });

  it('curves without a default algorithm are refused by the first proof; Ed25519 signs EdDSA proofs', async () => {
    const p384 = { kty: 'EC', crv: 'P-384', x: 'eA', y: 'eQ', d: 'ZA' };
    await expect(prover({ privateKey: p384 })).rejects.toThrow(new TypeError('security scheme "oauth": dpop: EC P-384 keys are not supported; use an EC P-256, RSA or Ed25519 key'));
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const dpop = await prover({ privateKey: await crypto.subtle.exportKey('jwk', pair.privateKey) });
    const { proof } = await dpop.proof('GET', new URL('https://api.example.test/pets'), Date.now());
    const { protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { algorithms: ['EdDSA'] });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'dpop+jwt', jwk: { kty: 'OKP', crv: 'Ed25519' } });
    expect(Object.keys(protectedHeader.jwk!).sort()).toEqual(['crv', 'kty', 'x']);
  });

  it('a key that cannot sign fails the first request with a message that holds no key material', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const broken = { ...privateJwk, d: 'AAAA-not-a-valid-scalar-SECRETD' };
    const dpop = await prover({ privateKey: broken, publicJwk });
    const error = await dpop.proof('POST', new URL('https://as.example.test/token'), Date.now()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain('security scheme "oauth": dpop: privateKey must be a private key');
    expect(String(error)).not.toContain('SECRETD');
    // A public key where the private one belongs cannot sign either.
    const wrong = await prover({ privateKey: pair.publicKey, publicJwk });
    await expect(wrong.proof('POST', new URL('https://as.example.test/token'), Date.now())).rejects.toThrow('dpop: privateKey must be a private key');
  });
});

describe('the token endpoint with DPoP', () => {
  it('a server that asks for a new nonce every time: exactly one retry, then TokenError use_dpop_nonce', async () => {
    server.on('/oauth/token', (_request, response, n) => json(response, 400, { error: 'use_dpop_nonce', error_description: 'nonce required' }, { 'dpop-nonce': `nonce-${n}` }));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client', dpop: true } });
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ error: 'use_dpop_nonce', status: 400 });
    expect((error as Error).message).toContain('asked for a new DPoP nonce again');
    const sent = server.to('/oauth/token').map((r) => (r.headers['dpop'] === undefined ? undefined : JSON.parse(Buffer.from(String(r.headers['dpop']).split('.')[1]!, 'base64url').toString()).nonce));
    expect(sent).toEqual([undefined, 'nonce-1']);
  });

  it('use_dpop_nonce without a DPoP-Nonce header is not retried', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 400, { error: 'use_dpop_nonce' }));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client', dpop: true } });
    await expect(core.request(listPets(), {})).rejects.toMatchObject({ error: 'use_dpop_nonce' });
    expect(server.to('/oauth/token')).toHaveLength(1);
  });

  it('a Bearer answer to a DPoP request is used as Bearer and reported as dpopRefused through onTokens', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: 'plain', token_type: 'Bearer', expires_in: 60 }));
    server.on('/api/pets', (request, response) => json(response, 200, { authorization: request.headers.authorization, dpop: request.headers['dpop'] ?? null }));
    const events: TokenSet[] = [];
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client', dpop: true } }, { onTokens: ({ tokens }) => void events.push(tokens) });
    await expect(core.request(listPets(), {})).resolves.toEqual({ authorization: 'Bearer plain', dpop: null });
    expect(events).toMatchObject([{ tokenType: 'Bearer', dpopRefused: true }]);
    expect(server.to('/oauth/token')[0]!.headers['dpop']).toEqual(expect.any(String));
  });

  it('a DPoP token without dpop on is refused as unsupported', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: 'bound', token_type: 'DPoP' }));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } });
    await expect(core.request(listPets(), {})).rejects.toMatchObject({ error: 'unsupported_token_type' });
  });
});

describe('API requests with a DPoP token', () => {
  it('a same-origin redirect gets a proof of its own (new jti, the new htu), with the token\'s ath', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: 'bound', token_type: 'DPoP', expires_in: 60 }));
    server.on('/api/pets', (_request, response) => void response.writeHead(307, { location: '/api/moved?page=2' }).end());
    server.on('/api/moved', (_request, response) => json(response, 200, {}));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client', dpop: true } });
    await core.request(listPets(), {});
    const hops = server.requests.filter((r) => r.path.startsWith('/api/'));
    expect(hops.map((r) => r.headers.authorization)).toEqual(['DPoP bound', 'DPoP bound']);
    const claims = await Promise.all(hops.map(async (r) => (await jwtVerify(String(r.headers['dpop']), EmbeddedJWK, { typ: 'dpop+jwt' })).payload));
    expect(claims.map((c) => [c['htm'], c['htu']])).toEqual([
      ['GET', `${server.origin}/api/pets`],
      ['GET', `${server.origin}/api/moved`],
    ]);
    expect(claims[0]!.jti).not.toBe(claims[1]!.jti);
    const ath = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('bound'))).toString('base64url');
    expect(claims.map((c) => c['ath'])).toEqual([ath, ath]);
  });
});

describe('resource indicators (RFC 8707)', () => {
  it('every value is its own resource field', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: 'tok', token_type: 'Bearer' }));
    server.on('/api/pets', (_request, response) => json(response, 200, {}));
    const resource = ['https://api.example.test/', 'urn:example:ledger'];
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'SECRET-client', resource } });
    await core.request(listPets(), {});
    expect(server.to('/oauth/token')[0]!.form.getAll('resource')).toEqual(resource);
  });

  it('a relative or fragment URI fails at construction', () => {
    for (const resource of ['/relative', 'https://api.example.test/#frag', ['https://ok.test/', 7]]) {
      expect(() => oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', resource } })).toThrow('security scheme "oauth": resource must be an absolute URI without a fragment');
    }
  });
});
