/**
 * Proves the user-facing grants of the test authorization server with plain fetch: password with
 * refresh-token rotation, authorization code + PKCE through the scripted dev login, and the device
 * flow (RFC 8628) with the scripted approval page and the polling rules.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { basicAuthorization, bearer, getJson, postForm, type JsonReply } from './http.js';
import { startAuthServer, type AuthServer } from './provider.js';
import { startResourceServer, type ResourceServer } from './resource-server.js';
import { createPkcePair } from './user-flows.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

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

const basicHeader = () => ({ authorization: basicAuthorization(auth.clients.basic.clientId, auth.clients.basic.clientSecret) });

function passwordGrant(password: string, scope = 'pets:read pets:write'): Promise<JsonReply> {
  return postForm(auth.tokenUrl, { grant_type: 'password', username: 'alice', password, scope }, basicHeader());
}

function refresh(refreshToken: string, extra: Record<string, string> = {}): Promise<JsonReply> {
  return postForm(auth.tokenUrl, { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra }, basicHeader());
}

const text = (value: unknown) => String(value);

describe('password grant', () => {
  test('issues a JWT for alice and a refresh token; the odd password survives form encoding', async () => {
    const { clientId, clientSecret } = auth.clients.post;
    const reply = await postForm(auth.tokenUrl, {
      grant_type: 'password',
      client_id: clientId,
      client_secret: clientSecret,
      username: 'alice',
      password: auth.users.alice.password,
      scope: 'pets:read pets:write',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ token_type: 'Bearer', expires_in: 6, scope: 'pets:read pets:write', refresh_token: expect.any(String) });
    expect(decodeJwt(text(reply.body['access_token']))).toMatchObject({ sub: 'alice', client_id: clientId, aud: auth.audience, iss: auth.issuer });
    const who = await getJson(`${api.url}/whoami`, bearer(text(reply.body['access_token'])));
    expect(who.body).toMatchObject({ sub: 'alice', scope: 'pets:read pets:write' });
    expect(auth.tokenRequests).toEqual([expect.objectContaining({ grantType: 'password', clientId, clientAuth: 'client_secret_post', status: 200 })]);
    expect(JSON.stringify(auth.tokenRequests)).not.toContain(auth.users.alice.password);
  });

  test('a wrong password, or the right one sent without form encoding, is invalid_grant', async () => {
    expect(await passwordGrant('wonderland')).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const unencoded = `grant_type=password&username=alice&password=${auth.users.alice.password}&scope=pets:read`;
    const response = await fetch(auth.tokenUrl, {
      method: 'POST',
      headers: { ...basicHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: unencoded,
    });
    expect(response.status).toBe(400);
    expect(auth.tokenRequests.map((request) => request.error)).toEqual(['invalid_grant', expect.stringMatching(/^invalid_/)]);
  });

  test('unknown scopes are invalid_scope', async () => {
    expect(await passwordGrant(auth.users.alice.password, 'pets:read admin')).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });

  test('refresh rotates the refresh token; reusing a rotated one is refused and revokes the grant', async () => {
    const first = await passwordGrant(auth.users.alice.password);
    const rt1 = text(first.body['refresh_token']);
    const second = await refresh(rt1);
    expect(second.status).toBe(200);
    const rt2 = text(second.body['refresh_token']);
    expect(rt2).not.toBe(rt1);
    expect(second.body['access_token']).not.toBe(first.body['access_token']);
    expect(decodeJwt(text(second.body['access_token']))).toMatchObject({ sub: 'alice', scope: 'pets:read pets:write', aud: auth.audience });
    const third = await refresh(rt2);
    expect(third.status).toBe(200);
    const rt3 = text(third.body['refresh_token']);

    expect(await refresh(rt2)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // oidc-provider's reuse detection: replaying a rotated token revokes the whole grant, rt3 included.
    expect(await refresh(rt3)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(auth.tokenRequests.map(({ grantType, refreshToken, status, errorDetail }) => [grantType, refreshToken, status, errorDetail])).toEqual([
      ['password', undefined, 200, undefined],
      ['refresh_token', rt1, 200, undefined],
      ['refresh_token', rt2, 200, undefined],
      ['refresh_token', rt2, 400, 'refresh token already used'],
      ['refresh_token', rt3, 400, 'refresh token not found'],
    ]);
  });

  test('a refresh may narrow the scope but not widen it', async () => {
    const reader = await passwordGrant(auth.users.alice.password, 'pets:read');
    const narrowedFrom = await passwordGrant(auth.users.alice.password, 'pets:read pets:write');
    const narrowed = await refresh(text(narrowedFrom.body['refresh_token']), { scope: 'pets:read' });
    expect(narrowed).toMatchObject({ status: 200, body: { scope: 'pets:read' } });
    expect(await refresh(text(reader.body['refresh_token']), { scope: 'pets:write' })).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });

  test('revokeRefreshToken and revokeGrantOf make the next refresh fail', async () => {
    const one = text((await passwordGrant(auth.users.alice.password)).body['refresh_token']);
    const two = text((await passwordGrant(auth.users.alice.password)).body['refresh_token']);
    expect(await auth.revokeRefreshToken(one)).toBe(true);
    expect(await auth.revokeRefreshToken(one)).toBe(false);
    expect(await auth.revokeGrantOf(two)).toBe(true);
    expect((await refresh(one)).body['error']).toBe('invalid_grant');
    expect((await refresh(two)).body['error']).toBe('invalid_grant');
  });
});

describe('authorization code with PKCE', () => {
  const client = () => auth.clients.public;

  function exchange(code: string, verifier: string, redirectUri: string = client().redirectUri): Promise<JsonReply> {
    return postForm(auth.tokenUrl, { grant_type: 'authorization_code', client_id: client().clientId, code, redirect_uri: redirectUri, code_verifier: verifier });
  }

  test('public client: code, tokens, API call; the code works once', async () => {
    const pkce = createPkcePair();
    const state = randomUUID();
    const { code, state: echoed, iss } = await auth.authorizeWithCode({ clientId: client().clientId, redirectUri: client().redirectUri, codeChallenge: pkce.challenge, state, scope: 'openid pets:read' });
    expect(echoed).toBe(state);
    expect(iss).toBe(auth.issuer);
    const tokens = await exchange(code, pkce.verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: 'pets:read', id_token: expect.any(String), refresh_token: expect.any(String) });
    expect(decodeJwt(text(tokens.body['id_token']))).toMatchObject({ sub: 'alice', aud: client().clientId });
    const accessToken = text(tokens.body['access_token']);
    expect(decodeJwt(accessToken)).toMatchObject({ sub: 'alice', client_id: client().clientId, aud: auth.audience, scope: 'pets:read' });
    expect((await fetch(`${api.url}/pets`, { headers: bearer(accessToken) })).status).toBe(200);

    expect(await exchange(code, pkce.verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(auth.tokenRequests.map(({ clientAuth, paramNames, status }) => [clientAuth, paramNames, status])).toEqual([
      ['none', ['client_id', 'code', 'code_verifier', 'grant_type', 'redirect_uri'], 200],
      ['none', ['client_id', 'code', 'code_verifier', 'grant_type', 'redirect_uri'], 400],
    ]);
  });

  test('the native client may redirect to any loopback port (RFC 8252 §7.3)', async () => {
    const pkce = createPkcePair();
    const redirectUri = 'http://127.0.0.1:53682/callback';
    const { code, callbackUrl } = await auth.authorizeWithCode({ clientId: client().clientId, redirectUri, codeChallenge: pkce.challenge, scope: 'pets:read' });
    expect(callbackUrl.startsWith(`${redirectUri}?`)).toBe(true);
    expect((await exchange(code, pkce.verifier, redirectUri)).status).toBe(200);
  });

  test('a wrong verifier is invalid_grant; a public client without PKCE cannot even start', async () => {
    const pkce = createPkcePair();
    const { code } = await auth.authorizeWithCode({ clientId: client().clientId, redirectUri: client().redirectUri, codeChallenge: pkce.challenge, scope: 'pets:read' });
    expect(await exchange(code, createPkcePair().verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(auth.tokenRequests[0]?.errorDetail).toBe('code_verifier does not match code_challenge');
    await expect(auth.authorizeWithCode({ clientId: client().clientId, redirectUri: client().redirectUri, scope: 'pets:read' })).rejects.toThrow(/invalid_request/);
  });

  test('an unregistered redirect_uri ends on the error page, and the helper says why', async () => {
    const attempt = auth.authorizeWithCode({ clientId: client().clientId, redirectUri: 'https://evil.test/cb', codeChallenge: createPkcePair().challenge, scope: 'pets:read' });
    await expect(attempt).rejects.toThrow(/status 400 .*redirect_uri/);
  });

  test('public-client refresh tokens rotate', async () => {
    const pkce = createPkcePair();
    const { code } = await auth.authorizeWithCode({ clientId: client().clientId, redirectUri: client().redirectUri, codeChallenge: pkce.challenge, scope: 'pets:read' });
    const rt1 = text((await exchange(code, pkce.verifier)).body['refresh_token']);
    const refreshed = await postForm(auth.tokenUrl, { grant_type: 'refresh_token', client_id: client().clientId, refresh_token: rt1 });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).not.toBe(rt1);
    expect(decodeJwt(text(refreshed.body['access_token']))).toMatchObject({ sub: 'alice', scope: 'pets:read' });
  });

  test('a confidential client (Basic) may skip PKCE', async () => {
    const { clientId, redirectUri } = auth.clients.basic;
    const { code } = await auth.authorizeWithCode({ clientId, redirectUri, scope: 'pets:write', login: 'bob' });
    const tokens = await postForm(auth.tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, basicHeader());
    expect(tokens.status).toBe(200);
    expect(decodeJwt(text(tokens.body['access_token']))).toMatchObject({ sub: 'bob', client_id: clientId, scope: 'pets:write' });
  });
});

describe('device authorization grant', () => {
  async function startDevice(): Promise<{ deviceCode: string; userCode: string; body: Record<string, unknown> }> {
    const reply = await postForm(auth.deviceAuthorizationUrl, { client_id: auth.clients.device.clientId, scope: 'pets:read' });
    expect(reply.status).toBe(200);
    return { deviceCode: text(reply.body['device_code']), userCode: text(reply.body['user_code']), body: reply.body };
  }

  const poll = (deviceCode: string) => postForm(auth.tokenUrl, { grant_type: DEVICE_GRANT, client_id: auth.clients.device.clientId, device_code: deviceCode });

  test('pending until the user approves, then tokens; interval announced', async () => {
    const { deviceCode, userCode, body } = await startDevice();
    expect(body).toMatchObject({ verification_uri: auth.deviceVerificationUrl, verification_uri_complete: `${auth.deviceVerificationUrl}?user_code=${userCode}`, interval: 1, expires_in: 600 });
    expect(await poll(deviceCode)).toMatchObject({ status: 400, body: { error: 'authorization_pending' } });
    await auth.approveDeviceCode(userCode);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const tokens = await poll(deviceCode);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ scope: 'pets:read', refresh_token: expect.any(String) });
    const accessToken = text(tokens.body['access_token']);
    expect(decodeJwt(accessToken)).toMatchObject({ sub: 'alice', client_id: 'keyway-device', aud: auth.audience });
    expect((await fetch(`${api.url}/pets`, { headers: bearer(accessToken) })).status).toBe(200);
    expect(auth.deviceAuthorizationRequests).toEqual([expect.objectContaining({ clientId: 'keyway-device', scope: 'pets:read', status: 200 })]);
    expect(auth.tokenRequests.map(({ grantType, clientAuth, status, error }) => [grantType, clientAuth, status, error])).toEqual([
      [DEVICE_GRANT, 'none', 400, 'authorization_pending'],
      [DEVICE_GRANT, 'none', 200, undefined],
    ]);
    const [pending, granted] = auth.tokenRequests;
    expect((granted?.receivedAt ?? 0) - (pending?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  test('polling faster than the interval gets slow_down; slowDownNext forces one', async () => {
    const fast = await startDevice();
    expect((await poll(fast.deviceCode)).body['error']).toBe('authorization_pending');
    expect(await poll(fast.deviceCode)).toMatchObject({ status: 400, body: { error: 'slow_down' } });
    const forced = await startDevice();
    auth.slowDownNext();
    expect((await poll(forced.deviceCode)).body['error']).toBe('slow_down');
  });

  test('a denied request answers access_denied; an unknown user code is refused', async () => {
    const { deviceCode, userCode } = await startDevice();
    await auth.approveDeviceCode(userCode, { deny: true });
    expect(await poll(deviceCode)).toMatchObject({ status: 400, body: { error: 'access_denied' } });
    await expect(auth.approveDeviceCode('BCDF-GHJK')).rejects.toThrow(/not accepted/);
  });
});
