/**
 * Proves the test authorization server (test/support/oidc/provider.ts) and resource server
 * (resource-server.ts) with plain fetch: discovery, the four ways a client authenticates at the
 * token endpoint, JWT access tokens the resource server accepts or refuses, and the request log.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, importJWK, importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { basicAuthorization, bearer, getJson, postForm } from './http.js';
import { startAuthServer, type AuthServer } from './provider.js';
import { startResourceServer, type ResourceServer } from './resource-server.js';

let auth: AuthServer;
let api: ResourceServer;

beforeAll(async () => {
  auth = await startAuthServer();
  api = await startResourceServer({ issuer: auth.issuer, jwksUri: auth.jwksUri, audience: auth.audience });
});

afterAll(async () => {
  await api?.stop();
  await auth?.stop();
});

beforeEach(() => {
  auth.resetCounters();
  api.resetRequests();
});

function clientCredentials(form: Record<string, string>, headers: Record<string, string> = {}) {
  return postForm(auth.tokenUrl, { grant_type: 'client_credentials', ...form }, headers);
}

function basicClientCredentials(scope = 'pets:read') {
  const { clientId, clientSecret } = auth.clients.basic;
  return clientCredentials({ scope }, { authorization: basicAuthorization(clientId, clientSecret) });
}

async function accessTokenFor(scope: string): Promise<string> {
  const reply = await basicClientCredentials(scope);
  expect(reply.status).toBe(200);
  return String(reply.body['access_token']);
}

type SigningKey = Parameters<SignJWT['sign']>[0];

async function clientAssertion(key: SigningKey, alg: string, kid: string, audience = auth.tokenUrl): Promise<string> {
  const { clientId } = auth.clients.jwt;
  return new SignJWT({})
    .setProtectedHeader({ alg, kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('1m')
    .sign(key);
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

describe('discovery', () => {
  test('both well-known documents describe this server and are counted', async () => {
    const openid = await getJson(auth.discoveryUrl);
    const oauth = await getJson(auth.oauthMetadataUrl);
    expect(openid.status).toBe(200);
    expect(oauth.body).toEqual(openid.body);
    expect(openid.body).toMatchObject({
      issuer: auth.issuer,
      authorization_endpoint: auth.authorizationUrl,
      token_endpoint: auth.tokenUrl,
      device_authorization_endpoint: auth.deviceAuthorizationUrl,
      jwks_uri: auth.jwksUri,
      revocation_endpoint: auth.revocationUrl,
      code_challenge_methods_supported: ['S256'],
    });
    expect(openid.body['grant_types_supported']).toEqual(
      expect.arrayContaining(['authorization_code', 'client_credentials', 'refresh_token', 'password', 'urn:ietf:params:oauth:grant-type:device_code']),
    );
    expect(openid.body['token_endpoint_auth_methods_supported']).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none']),
    );
    expect(auth.discoveryRequests).toBe(2);
    expect(auth.discoveryPaths).toEqual(['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server']);
    expect(auth.tokenRequests).toEqual([]);
  });
});

describe('client authentication at the token endpoint', () => {
  test('client_secret_basic yields an RS256 at+jwt for the API audience', async () => {
    const reply = await basicClientCredentials('pets:read');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ token_type: 'Bearer', expires_in: 6, scope: 'pets:read' });
    expect(reply.body['refresh_token']).toBeUndefined();
    const token = String(reply.body['access_token']);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: auth.issuer, aud: auth.audience, client_id: 'keyway-basic', sub: 'keyway-basic', scope: 'pets:read' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(6);
    expect(auth.tokenRequests).toEqual([
      expect.objectContaining({ grantType: 'client_credentials', clientId: 'keyway-basic', clientAuth: 'client_secret_basic', scope: 'pets:read', status: 200 }),
    ]);
  });

  test('client_secret_post sends the secret in the form; the log keeps only its name', async () => {
    const { clientId, clientSecret } = auth.clients.post;
    const reply = await clientCredentials({ client_id: clientId, client_secret: clientSecret, scope: 'pets:read pets:write' });
    expect(reply.status).toBe(200);
    expect(decodeJwt(String(reply.body['access_token']))).toMatchObject({ client_id: clientId, scope: 'pets:read pets:write' });
    expect(auth.tokenRequests).toHaveLength(1);
    expect(auth.tokenRequests[0]).toMatchObject({ clientId, clientAuth: 'client_secret_post', status: 200 });
    expect(auth.tokenRequests[0]?.paramNames).toEqual(['client_id', 'client_secret', 'grant_type', 'scope']);
    expect(JSON.stringify(auth.tokenRequests)).not.toContain(clientSecret);
  });

  test('a client must send its secret the way it registered (strictClientAuth)', async () => {
    const basic = auth.clients.basic;
    const asForm = await clientCredentials({ client_id: basic.clientId, client_secret: basic.clientSecret });
    expect(asForm).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const post = auth.clients.post;
    const asHeader = await clientCredentials({}, { authorization: basicAuthorization(post.clientId, post.clientSecret) });
    expect(asHeader).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(auth.tokenRequests.map(({ clientId, clientAuth, status }) => [clientId, clientAuth, status])).toEqual([
      ['keyway-basic', 'client_secret_post', 401],
      ['keyway-post', 'client_secret_basic', 401],
    ]);
  });

  test('a wrong secret is invalid_client with a Basic challenge', async () => {
    const reply = await clientCredentials({}, { authorization: basicAuthorization(auth.clients.basic.clientId, 'wrong') });
    expect(reply.status).toBe(401);
    expect(reply.body['error']).toBe('invalid_client');
    expect(reply.headers.get('www-authenticate')).toMatch(/^Basic realm="/);
  });

  test.each(['RS256', 'ES256'] as const)('private_key_jwt with the %s key (JWK and PKCS#8 exports both sign)', async (alg) => {
    const key = auth.clientKeys[alg];
    const fromJwk = await importJWK(key.privateJwk, alg);
    const fromPem = await importPKCS8(key.privatePkcs8, alg);
    for (const signingKey of [fromJwk, fromPem]) {
      const assertion = await clientAssertion(signingKey, alg, key.kid);
      const reply = await clientCredentials({ client_assertion_type: ASSERTION_TYPE, client_assertion: assertion, scope: 'pets:read' });
      expect(reply.status).toBe(200);
      expect(decodeJwt(String(reply.body['access_token']))).toMatchObject({ client_id: 'keyway-jwt', aud: auth.audience });
    }
    expect(auth.tokenRequests.map((request) => [request.clientId, request.clientAuth, request.assertionAlg, request.status])).toEqual([
      ['keyway-jwt', 'private_key_jwt', alg, 200],
      ['keyway-jwt', 'private_key_jwt', alg, 200],
    ]);
  });

  test('private_key_jwt: a replayed assertion (same jti) and a foreign audience are refused', async () => {
    const key = auth.clientKeys.ES256;
    const signingKey = await importPKCS8(key.privatePkcs8, 'ES256');
    const assertion = await clientAssertion(signingKey, 'ES256', key.kid);
    const form = { client_assertion_type: ASSERTION_TYPE, client_assertion: assertion };
    expect((await clientCredentials(form)).status).toBe(200);
    const replayed = await clientCredentials(form);
    expect(replayed).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const elsewhere = await clientAssertion(signingKey, 'ES256', key.kid, 'https://elsewhere.test/token');
    expect((await clientCredentials({ client_assertion_type: ASSERTION_TYPE, client_assertion: elsewhere })).status).toBe(401);
    expect(auth.tokenRequests.map((request) => request.errorDetail)).toEqual([
      undefined,
      expect.stringMatching(/only be used once/),
      expect.stringMatching(/aud/),
    ]);
  });

  test('RFC 6749 §2.3.1: the odd id and secret work only when form-encoded before base64', async () => {
    const { clientId, clientSecret } = auth.clients.odd;
    const encoded = await clientCredentials({ scope: 'pets:read' }, { authorization: basicAuthorization(clientId, clientSecret) });
    expect(encoded.status).toBe(200);
    expect(decodeJwt(String(encoded.body['access_token'])).client_id).toBe(clientId);

    const naive = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    const refused = await clientCredentials({ scope: 'pets:read' }, { authorization: naive });
    // `%/` is not a valid escape, so the server cannot even decode the naive header.
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    // The log decodes the Basic user-id the same way the server does.
    expect(auth.tokenRequests[0]).toMatchObject({ clientId, clientAuth: 'client_secret_basic', status: 200 });
  });
});

describe('resource server', () => {
  test('accepts a valid token with the route scope and records its claims', async () => {
    const token = await accessTokenFor('pets:read');
    const list = await fetch(`${api.url}/pets`, { headers: bearer(token) });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual([expect.objectContaining({ id: 1, name: 'Rex' }), expect.objectContaining({ id: 2 })]);
    const one = await getJson(`${api.url}/pets/2`, bearer(token));
    expect(one).toMatchObject({ status: 200, body: { id: 2, name: 'Tom' } });
    const who = await getJson(`${api.url}/whoami`, bearer(token));
    expect(who.body).toMatchObject({ sub: 'keyway-basic', client_id: 'keyway-basic', scope: 'pets:read', aud: auth.audience, iss: auth.issuer });
    expect(api.requests.map((request) => [request.method, request.url, request.status])).toEqual([
      ['GET', '/pets', 200],
      ['GET', '/pets/2', 200],
      ['GET', '/whoami', 200],
    ]);
    expect(api.requests[0]?.authorization).toBe(`Bearer ${token}`);
    expect(api.requests[0]?.claims).toMatchObject({ client_id: 'keyway-basic', scope: 'pets:read' });
  });

  test('403 insufficient_scope names the missing scope', async () => {
    const token = await accessTokenFor('pets:read');
    const response = await fetch(`${api.url}/pets`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: '{"name":"Kit"}' });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="pets", error="insufficient_scope", error_description="scope pets:write required", scope="pets:write"');
    const writer = await accessTokenFor('pets:write');
    const created = await fetch(`${api.url}/pets`, { method: 'POST', headers: { ...bearer(writer), 'content-type': 'application/json' }, body: '{"name":"Kit"}' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 3, name: 'Kit' });
  });

  test('no credentials or another scheme: bare 401 challenge; malformed Bearer: 400', async () => {
    const none = await fetch(`${api.url}/pets`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="pets"');
    const basic = await fetch(`${api.url}/pets`, { headers: { authorization: 'Basic YTpi' } });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toBe('Bearer realm="pets"');
    const malformed = await fetch(`${api.url}/pets`, { headers: { authorization: 'Bearer two words' } });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('www-authenticate')).toContain('error="invalid_request"');
  });

  test('the Bearer scheme name is case-insensitive', async () => {
    const token = await accessTokenFor('pets:read');
    expect((await fetch(`${api.url}/pets`, { headers: { authorization: `bEaReR ${token}` } })).status).toBe(200);
  });

  test('garbage, forged and wrong-audience tokens are invalid_token', async () => {
    const token = await accessTokenFor('pets:read');
    const [header = '', payload = '', signature = ''] = token.split('.');
    const flipped = `${signature.slice(0, -4)}${signature.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    for (const bad of ['not-a-jwt', `${header}.${payload}.${flipped}`]) {
      const response = await fetch(`${api.url}/pets`, { headers: bearer(bad) });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="pets", error="invalid_token"/);
    }
    const other = await startResourceServer({ issuer: auth.issuer, jwksUri: auth.jwksUri, audience: 'https://other.keyway.test' });
    try {
      const response = await fetch(`${other.url}/pets`, { headers: bearer(token) });
      expect(response.status).toBe(401);
      expect(other.requests[0]).toMatchObject({ status: 401, error: 'invalid_token', errorDescription: 'token aud claim rejected' });
    } finally {
      await other.stop();
    }
  });

  test('rejectNext and revokeToken simulate server-side revocation', async () => {
    const token = await accessTokenFor('pets:read');
    api.rejectNext();
    expect((await fetch(`${api.url}/pets`, { headers: bearer(token) })).status).toBe(401);
    expect((await fetch(`${api.url}/pets`, { headers: bearer(token) })).status).toBe(200);
    api.revokeToken(token);
    expect((await fetch(`${api.url}/pets`, { headers: bearer(token) })).status).toBe(401);
    expect((await fetch(`${api.url}/pets`, { headers: bearer(token) })).status).toBe(401);
    const fresh = await accessTokenFor('pets:read');
    expect((await fetch(`${api.url}/pets`, { headers: bearer(fresh) })).status).toBe(200);
    expect(api.requests.map((request) => request.errorDescription)).toEqual([
      'token revoked',
      undefined,
      'token revoked',
      'token revoked',
      undefined,
    ]);
  });

  test('a short-lived token is refused once it expires (real clock)', async () => {
    // 2 s, not 1: a 1 s token issued late in a second could expire before the first call.
    auth.setAccessTokenTTL(2);
    try {
      const reply = await basicClientCredentials();
      expect(reply.body['expires_in']).toBe(2);
      const token = String(reply.body['access_token']);
      expect((await fetch(`${api.url}/pets`, { headers: bearer(token) })).status).toBe(200);
      // exp has whole-second resolution and a token with exp <= now is expired: wait until just past exp.
      const msUntilExpired = Number(decodeJwt(token).exp) * 1000 - Date.now() + 20;
      expect(msUntilExpired).toBeLessThanOrEqual(2020);
      await new Promise((resolve) => setTimeout(resolve, msUntilExpired));
      const expired = await fetch(`${api.url}/pets`, { headers: bearer(token) });
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toBe('Bearer realm="pets", error="invalid_token", error_description="token expired"');
    } finally {
      auth.setAccessTokenTTL(6);
    }
  });
});

describe('request log', () => {
  test('records exactly the token requests that were made, in order', async () => {
    await basicClientCredentials('pets:read');
    await clientCredentials({ client_id: auth.clients.post.clientId, client_secret: 'nope' });
    await postForm(auth.tokenUrl, { grant_type: 'password', client_id: auth.clients.post.clientId, client_secret: auth.clients.post.clientSecret, username: 'alice', password: 'wrong' });
    await postForm(auth.tokenUrl, { grant_type: 'telepathy', client_id: auth.clients.post.clientId, client_secret: auth.clients.post.clientSecret });
    expect(auth.tokenRequests.map(({ grantType, clientId, clientAuth, status, error }) => ({ grantType, clientId, clientAuth, status, error }))).toEqual([
      { grantType: 'client_credentials', clientId: 'keyway-basic', clientAuth: 'client_secret_basic', status: 200, error: undefined },
      { grantType: 'client_credentials', clientId: 'keyway-post', clientAuth: 'client_secret_post', status: 401, error: 'invalid_client' },
      { grantType: 'password', clientId: 'keyway-post', clientAuth: 'client_secret_post', status: 400, error: 'invalid_grant' },
      { grantType: 'telepathy', clientId: 'keyway-post', clientAuth: 'client_secret_post', status: 400, error: 'unsupported_grant_type' },
    ]);
    expect(JSON.stringify(auth.tokenRequests)).not.toMatch(/wrong|nope|post-secret/);
    expect(auth.discoveryRequests).toBe(0);
  });
});
