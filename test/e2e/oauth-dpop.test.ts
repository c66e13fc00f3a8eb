/**
 * End to end: DPoP (RFC 9449) through the client generated from fixtures/oauth/pets-oauth.yaml,
 * against the real oidc-provider (features.dPoP with server nonces required) and a DPoP resource
 * server (test/support/oidc/dpop-resource-server.ts) that verifies the token, the proof and the
 * key binding and demands its own nonces. Everything asserted is what the two servers received.
 */
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDpopResourceServer, type DpopResourceServer } from '../support/oidc/dpop-resource-server.js';
import { startAuthServer, type AuthServer, type TokenRequestRecord } from '../support/oidc/provider.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';
import { generateOAuthClient, type ClientOptions, type GeneratedClient, type PetsClient, type TokenSet } from './support/generated-oauth-client.js';
import { shiftedClock } from './support/test-clock.js';

let auth: AuthServer;
let api: DpopResourceServer;
let workDir: string;
let generated: GeneratedClient;

beforeAll(async () => {
  workDir = await makeTempDir('keyway-dpop-e2e-');
  auth = await startAuthServer({ dpopNonces: true });
  api = await startDpopResourceServer({ issuer: auth.issuer, jwksUri: auth.jwksUri, audience: auth.audience });
  generated = await generateOAuthClient({ auth, api }, 'pets-oauth.yaml', workDir);
}, 30_000);

afterAll(async () => {
  await Promise.all([api?.stop(), auth?.stop()]);
  if (workDir !== undefined) await removeTempDir(workDir);
});

beforeEach(() => {
  auth.resetCounters();
  api.resetRequests();
});

function client(options: ClientOptions): PetsClient {
  return new generated.mod.Client(options);
}

function basic(extra: object = {}) {
  const { clientId, clientSecret } = auth.clients.basic;
  return { clientId, clientSecret, dpop: true, ...extra };
}

/** The proof header and claims of a recorded token request. */
function proofOf(request: TokenRequestRecord) {
  expect(request.dpopProof).toEqual(expect.any(String));
  return { header: decodeProtectedHeader(request.dpopProof!), claims: decodeJwt(request.dpopProof!) };
}

it('the generated client with dpop credentials compiles under strict', async () => {
  const result = await typecheck(generated.dir, { moduleResolution: 'NodeNext' });
  expect(result.diagnostics).toBe('');
}, 60_000);

describe('client credentials with dpop: true', () => {
  it('proves possession at the token endpoint and the API, one nonce retry each, tokens bound to one key', async () => {
    const issued: TokenSet[] = [];
    const pets = client({ auth: { clientCredentials: basic() }, onTokens: ({ tokens }) => void issued.push(tokens) });
    await pets.listPets();
    await pets.listPets();
    await expect(pets.createPet({ body: { name: 'Kit' } })).resolves.toMatchObject({ name: 'Kit' });

    // Token endpoint: the first proof has no nonce → use_dpop_nonce; exactly one retry with it; the
    // second scope set's request carries the remembered nonce at once.
    const tokenRequests = auth.tokenRequests;
    expect(tokenRequests.map((r) => [r.grantType, r.scope, r.status, r.error])).toEqual([
      ['client_credentials', 'pets:read', 400, 'use_dpop_nonce'],
      ['client_credentials', 'pets:read', 200, undefined],
      ['client_credentials', 'pets:write', 200, undefined],
    ]);
    const proofs = tokenRequests.map(proofOf);
    const [first, retried, later] = proofs;
    expect(first!.claims['nonce']).toBeUndefined();
    expect(retried!.claims['nonce']).toBe(tokenRequests[0]!.dpopNonce);
    expect(later!.claims['nonce']).toBe(retried!.claims['nonce']);
    for (const { header, claims } of proofs) {
      expect(header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256' } });
      expect(Object.keys(header.jwk!).sort()).toEqual(['crv', 'kty', 'x', 'y']); // no private `d`
      expect(claims).toMatchObject({ htm: 'POST', htu: auth.tokenUrl, iat: expect.any(Number), jti: expect.any(String) });
      expect(claims['ath']).toBeUndefined();
    }
    expect(new Set(proofs.map((p) => p.claims.jti)).size).toBe(3);
    const jkt = await calculateJwkThumbprint(first!.header.jwk as JWK);
    expect(new Set(await Promise.all(proofs.map((p) => calculateJwkThumbprint(p.header.jwk as JWK))))).toEqual(new Set([jkt]));

    // API: the first call is asked for the API's nonce and retried once; later calls carry it.
    expect(api.requests.map((r) => [r.method, r.status, r.error])).toEqual([
      ['GET', 401, 'use_dpop_nonce'],
      ['GET', 200, undefined],
      ['GET', 200, undefined],
      ['POST', 201, undefined],
    ]);
    for (const request of api.requests) {
      const token = /^DPoP (.+)$/.exec(request.authorization ?? '')?.[1];
      expect(token).toEqual(expect.any(String));
      expect(request.tokenClaims?.['cnf']).toEqual({ jkt });
      expect(request.proofJkt).toBe(jkt);
      expect(request.proofClaims).toMatchObject({ htm: request.method, htu: `${api.url}/pets`, ath: createHash('sha256').update(token!).digest('base64url') });
    }
    expect(api.requests[0]!.proofClaims?.['nonce']).toBeUndefined();
    expect(api.requests.slice(1).map((r) => r.proofClaims?.['nonce'])).toEqual(Array(3).fill(api.nonce));
    expect(new Set(api.requests.map((r) => r.proofClaims?.jti)).size).toBe(4);

    expect(issued.map((t) => [t.tokenType, t.scope, t.dpopRefused])).toEqual([
      ['DPoP', 'pets:read', undefined],
      ['DPoP', 'pets:write', undefined],
    ]);
  });

  it('a new API nonce costs exactly one retry; a nonce loop ends in ApiError 401 after that one retry', async () => {
    const pets = client({ auth: { clientCredentials: basic() } });
    await pets.listPets();
    api.rotateNonce();
    await pets.listPets();
    expect(api.requests.map((r) => [r.status, r.error])).toEqual([
      [401, 'use_dpop_nonce'],
      [200, undefined],
      [401, 'use_dpop_nonce'],
      [200, undefined],
    ]);

    api.resetRequests();
    api.nonceLoop(true);
    try {
      const call = pets.listPets();
      await expect(call).rejects.toBeInstanceOf(generated.mod.ApiError);
      await expect(call).rejects.toMatchObject({ status: 401 });
    } finally {
      api.nonceLoop(false);
    }
    expect(api.requests.map((r) => [r.status, r.error])).toEqual([
      [401, 'use_dpop_nonce'],
      [401, 'use_dpop_nonce'],
    ]);
  });

  it('the resource server refuses a replayed proof, a token without its proof, and the token sent as Bearer', async () => {
    const pets = client({ auth: { clientCredentials: basic() } });
    await pets.listPets();
    const accepted = api.requests.at(-1)!;
    expect(accepted.status).toBe(200);
    const url = `${api.url}/pets`;
    const replayed = await fetch(url, { headers: { authorization: accepted.authorization!, dpop: accepted.proof! } });
    const withoutProof = await fetch(url, { headers: { authorization: accepted.authorization! } });
    const asBearer = await fetch(url, { headers: { authorization: accepted.authorization!.replace(/^DPoP/, 'Bearer') } });
    expect([replayed.status, withoutProof.status, asBearer.status]).toEqual([401, 401, 401]);
    expect(api.requests.slice(-3).map((r) => [r.error, r.errorDescription])).toEqual([
      ['invalid_dpop_proof', 'proof replayed (jti seen before)'],
      ['invalid_dpop_proof', 'exactly one DPoP proof required'],
      ['invalid_token', 'DPoP-bound access token required (Authorization: DPoP)'],
    ]);
  });

  it('two clients have two keys: their tokens are bound to different thumbprints', async () => {
    await client({ auth: { clientCredentials: basic() } }).listPets();
    await client({ auth: { clientCredentials: basic() } }).listPets();
    const bound = new Set(api.requests.filter((r) => r.status === 200).map((r) => (r.tokenClaims?.['cnf'] as { jkt: string }).jkt));
    expect(bound.size).toBe(2);
  });
});

describe('an application key: dpop: { privateKey, publicJwk }', () => {
  it('binds the tokens to that key (cnf.jkt is its thumbprint)', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const pets = client({ auth: { clientCredentials: basic({ dpop: { privateKey: pair.privateKey, publicJwk } }) } });
    await pets.listPets();
    const expected = await calculateJwkThumbprint(publicJwk as JWK);
    expect(api.requests.at(-1)).toMatchObject({ status: 200, proofJkt: expected, tokenClaims: { cnf: { jkt: expected } } });
  });
});

describe('the JWT bearer grant (RFC 7523) with DPoP, at oidc-provider', () => {
  const jwtBearer = () => ({ issuer: 'keyway-assertion', subject: 'alice', privateKey: auth.clientKeys.ES256.privateJwk });
  const assertionClient = { client_id: 'keyway-assertion' };

  it('the assertion goes with a DPoP proof (one nonce retry); the token is DPoP-bound and the API takes it with proofs', async () => {
    const issued: TokenSet[] = [];
    const pets = client({ auth: { clientCredentials: { jwtBearer: jwtBearer(), tokenParams: assertionClient, dpop: true } }, onTokens: ({ tokens }) => void issued.push(tokens) });
    await pets.listPets();
    await pets.listPets();

    expect(auth.tokenRequests.map((r) => [r.grantType, r.clientId, r.scope, r.status, r.error])).toEqual([
      ['urn:ietf:params:oauth:grant-type:jwt-bearer', 'keyway-assertion', 'pets:read', 400, 'use_dpop_nonce'],
      ['urn:ietf:params:oauth:grant-type:jwt-bearer', 'keyway-assertion', 'pets:read', 200, undefined],
    ]);
    const [first, retried] = auth.tokenRequests.map(proofOf);
    expect(first!.claims['nonce']).toBeUndefined();
    expect(retried!.claims).toMatchObject({ htm: 'POST', htu: auth.tokenUrl, nonce: auth.tokenRequests[0]!.dpopNonce });
    const jkt = await calculateJwkThumbprint(retried!.header.jwk as JWK);
    expect(api.requests.map((r) => [r.status, r.error])).toEqual([
      [401, 'use_dpop_nonce'],
      [200, undefined],
      [200, undefined],
    ]);
    expect(api.requests.at(-1)).toMatchObject({ proofJkt: jkt, tokenClaims: { cnf: { jkt }, sub: 'alice', client_id: 'keyway-assertion' } });
    expect(issued.map((t) => [t.tokenType, t.dpopRefused])).toEqual([['DPoP', undefined]]);
  });

  it('the same credential without dpop gets a Bearer token, which the DPoP resource server refuses', async () => {
    const call = client({ auth: { clientCredentials: { jwtBearer: jwtBearer(), tokenParams: assertionClient } } }).listPets();
    await expect(call).rejects.toBeInstanceOf(generated.mod.ApiError);
    // The 401 earns one renewal (a new assertion), whose Bearer token is refused too.
    expect(auth.tokenRequests.map((r) => [r.grantType, r.status, r.dpopProof])).toEqual(Array(2).fill(['urn:ietf:params:oauth:grant-type:jwt-bearer', 200, undefined]));
    expect(api.requests.map((r) => [r.status, r.errorDescription])).toEqual(Array(2).fill([401, 'DPoP-bound access token required (Authorization: DPoP)']));
  });
});

describe('EdDSA (Ed25519) keys, where WebCrypto has them', () => {
  it('an Ed25519 DPoP key and an Ed25519 private_key_jwt key: oidc-provider verifies both, the API the proofs', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const { clientId } = auth.clients.jwt;
    const pets = client({ auth: { clientCredentials: { clientId, privateKey: auth.clientKeys.EdDSA.privateJwk, dpop: { privateKey: pair.privateKey, publicJwk } } } });
    await pets.listPets();

    const accepted = auth.tokenRequests.filter((r) => r.status === 200);
    expect(accepted.map((r) => [r.clientAuth, r.assertionAlg])).toEqual([['private_key_jwt', 'EdDSA']]);
    const proof = proofOf(accepted[0]!);
    expect(proof.header).toMatchObject({ alg: 'EdDSA', jwk: { kty: 'OKP', crv: 'Ed25519', x: publicJwk.x } });
    expect(Object.keys(proof.header.jwk!).sort()).toEqual(['crv', 'kty', 'x']);
    const jkt = await calculateJwkThumbprint(publicJwk as JWK);
    expect(api.requests.at(-1)).toMatchObject({ status: 200, proofJkt: jkt, tokenClaims: { cnf: { jkt }, client_id: clientId } });
    expect(decodeProtectedHeader(api.requests.at(-1)!.proof!).alg).toBe('EdDSA');
  });
});

describe('authorization code + PKCE with DPoP, then refresh', () => {
  it('the code exchange and the refresh carry proofs of the same key; the refreshed token stays bound', async () => {
    const clock = shiftedClock();
    const issued: TokenSet[] = [];
    const pets = client({ auth: { authorizationCode: { clientId: auth.clients.public.clientId, dpop: true, resource: auth.audience } }, clock: clock.now, onTokens: ({ tokens }) => void issued.push(tokens) });
    const flow = pets.authorization('authorizationCode');
    const redirectUri = 'http://127.0.0.1/callback';
    const request = await flow.authorizationUrl({ redirectUri, scopes: ['openid', 'pets:read'] });
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const callback = await auth.authorizeWithCode({ clientId: 'keyway-public', redirectUri, codeChallenge: params['code_challenge']!, state: params['state']!, scope: params['scope']! });
    await flow.exchangeCode({ code: callback.code, redirectUri, codeVerifier: request.codeVerifier, state: callback.state, expectedState: request.state });
    await pets.listPets();
    clock.advance(6_000); // past the 6 s lifetime by the client's clock: it refreshes first
    await pets.listPets();

    expect(auth.tokenRequests.map((r) => [r.grantType, r.status, r.error, r.resource])).toEqual([
      ['authorization_code', 400, 'use_dpop_nonce', auth.audience],
      ['authorization_code', 200, undefined, auth.audience],
      ['refresh_token', 200, undefined, auth.audience],
    ]);
    const thumbprints = await Promise.all(auth.tokenRequests.map((r) => calculateJwkThumbprint(proofOf(r).header.jwk as JWK)));
    expect(new Set(thumbprints).size).toBe(1);
    const ok = api.requests.filter((r) => r.status === 200);
    expect(ok).toHaveLength(2);
    expect(ok.map((r) => (r.tokenClaims?.['cnf'] as { jkt: string }).jkt)).toEqual([thumbprints[0], thumbprints[0]]);
    expect(ok[0]!.authorization).not.toBe(ok[1]!.authorization);
    expect(issued.map((t) => t.tokenType)).toEqual(['DPoP', 'DPoP']);
  });
});

describe('resource indicators (RFC 8707) at oidc-provider', () => {
  it('the resource goes with the token request and is the token\'s audience; an unknown one is invalid_target', async () => {
    await client({ auth: { clientCredentials: basic({ resource: auth.audience }) } }).listPets();
    expect(auth.tokenRequests.filter((r) => r.status === 200).map((r) => r.resource)).toEqual([auth.audience]);
    expect(api.requests.at(-1)?.tokenClaims?.aud).toBe(auth.audience);

    auth.resetCounters();
    const call = client({ auth: { clientCredentials: basic({ resource: 'https://unknown.keyway.test/' }) } }).listPets();
    await expect(call).rejects.toBeInstanceOf(generated.mod.TokenError);
    await expect(call).rejects.toMatchObject({ error: 'invalid_target' });
    expect(auth.tokenRequests.map((r) => [r.resource, r.error]).at(-1)).toEqual(['https://unknown.keyway.test/', 'invalid_target']);
  });
});

describe('pushed authorization requests (RFC 9126) from discovery', () => {
  const redirectUri = 'http://127.0.0.1/callback';

  it('pushes the whole request (PKCE, state, dpop_jkt, resource) and sends the user with only client_id and request_uri', async () => {
    const pets = client({ auth: { authorizationCode: { clientId: auth.clients.public.clientId, issuer: auth.issuer, dpop: true, resource: auth.audience } } });
    const flow = pets.authorization('authorizationCode');
    const request = await flow.authorizationUrl({ redirectUri, scopes: ['openid', 'pets:read'] });
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(auth.authorizationUrl);
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    expect(url.searchParams.get('client_id')).toBe('keyway-public');

    const pushed = auth.pushedAuthorizationRequests;
    expect(pushed.map((r) => [r.status, r.error])).toEqual([
      [400, 'use_dpop_nonce'],
      [201, undefined],
    ]);
    expect(pushed[1]!.paramNames).toEqual(['client_id', 'code_challenge', 'code_challenge_method', 'dpop_jkt', 'redirect_uri', 'resource', 'response_type', 'scope', 'state']);
    expect(pushed[1]!.resource).toBe(auth.audience);
    const proofKey = await calculateJwkThumbprint(proofOf(pushed[1]!).header.jwk as JWK);
    expect(pushed[1]!.dpopJkt).toBe(proofKey);

    const callback = await auth.authorizeAtUrl(request.url);
    expect(callback.state).toBe(request.state);
    await flow.exchangeCode({ code: callback.code, redirectUri, codeVerifier: request.codeVerifier, state: callback.state, expectedState: request.state });
    await pets.listPets();
    expect(api.requests.at(-1)).toMatchObject({ status: 200, tokenClaims: { cnf: { jkt: proofKey } } });
  });

  it('a confidential client authenticates its push (client_secret_basic); par: false builds the plain URL', async () => {
    const { clientId, clientSecret, redirectUri: confidentialRedirect } = auth.clients.basic;
    const pushing = client({ auth: { authorizationCode: { clientId, clientSecret, issuer: auth.issuer, par: true } } });
    const request = await pushing.authorization('authorizationCode').authorizationUrl({ redirectUri: confidentialRedirect, scopes: ['pets:read'] });
    expect([...new URL(request.url).searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    expect(auth.pushedAuthorizationRequests.map((r) => [r.clientAuth, r.clientId, r.status])).toEqual([['client_secret_basic', 'keyway-basic', 201]]);

    const plain = client({ auth: { authorizationCode: { clientId, clientSecret, issuer: auth.issuer, par: false } } });
    const direct = await plain.authorization('authorizationCode').authorizationUrl({ redirectUri: confidentialRedirect, scopes: ['pets:read'] });
    expect(new URL(direct.url).searchParams.get('code_challenge')).toEqual(expect.any(String));
    expect(auth.pushedAuthorizationRequests).toHaveLength(1);
  });

  it('par: true where no metadata names the endpoint: TokenError, nothing sent', async () => {
    const pets = client({ auth: { authorizationCode: { clientId: auth.clients.public.clientId, par: true } } });
    const call = pets.authorization('authorizationCode').authorizationUrl({ redirectUri });
    await expect(call).rejects.toBeInstanceOf(generated.mod.TokenError);
    await expect(call).rejects.toThrow('no pushed_authorization_request_endpoint');
    expect(auth.pushedAuthorizationRequests).toHaveLength(0);
  });
});

describe('a FAPI 2.0-shaped client: private_key_jwt + PAR + PKCE + DPoP', () => {
  it('signs in through a pushed request and gets sender-constrained tokens, each request authenticated with a client assertion', async () => {
    const { clientId, redirectUri } = auth.clients.fapi;
    const pets = client({ auth: { authorizationCode: { clientId, privateKey: auth.clientKeys.ES256.privateJwk, issuer: auth.issuer, dpop: true, redirectUri } } });
    const flow = pets.authorization('authorizationCode');
    const request = await flow.authorizationUrl({ scopes: ['openid', 'pets:read'] });
    expect([...new URL(request.url).searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    const callback = await auth.authorizeAtUrl(request.url);
    await flow.exchangeCode({ code: callback.code, codeVerifier: request.codeVerifier, state: callback.state, expectedState: request.state });
    await pets.listPets();

    const accepted = [...auth.pushedAuthorizationRequests, ...auth.tokenRequests].filter((r) => r.status < 300);
    expect(accepted.map((r) => [r.grantType, r.clientAuth, r.assertionAlg, r.status])).toEqual([
      [undefined, 'private_key_jwt', 'ES256', 201],
      ['authorization_code', 'private_key_jwt', 'ES256', 200],
    ]);
    const jkt = auth.pushedAuthorizationRequests.at(-1)!.dpopJkt;
    expect(api.requests.at(-1)).toMatchObject({ status: 200, proofJkt: jkt, tokenClaims: { cnf: { jkt }, client_id: clientId } });
  });

  it('the same client without dpop is refused by the server that requires DPoP-bound tokens', async () => {
    const { clientId, redirectUri } = auth.clients.fapi;
    const pets = client({ auth: { authorizationCode: { clientId, privateKey: auth.clientKeys.ES256.privateJwk, issuer: auth.issuer, redirectUri } } });
    const flow = pets.authorization('authorizationCode');
    const request = await flow.authorizationUrl({ scopes: ['pets:read'] });
    const callback = await auth.authorizeAtUrl(request.url);
    const exchange = flow.exchangeCode({ code: callback.code, codeVerifier: request.codeVerifier });
    await expect(exchange).rejects.toBeInstanceOf(generated.mod.TokenError);
    await expect(exchange).rejects.toMatchObject({ error: 'invalid_grant', status: 400 });
    expect(auth.tokenRequests.map((r) => [r.grantType, r.status, r.error, r.errorDetail, r.dpopProof])).toEqual([['authorization_code', 400, 'invalid_grant', 'DPoP proof JWT not provided', undefined]]);
  });
});
