import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../../../src/runtime/auth-strategy.js';
import { authorizationFlow } from '../../../../src/runtime/oauth2/authorization-flow.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import type { TokenSet } from '../../../../src/runtime/oauth2/types.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type TestServer } from '../../../support/oauth2/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.on('/oauth/token', () => tokenJson('user-token', { expires_in: 3600, refresh_token: 'user-refresh', scope: 'openid pets:read', id_token: 'id.jwt' }));
  server.on('/api/pets', bearerApi(() => ['user-token']));
});

const scheme: SchemeSpec = {
  type: 'oauth2',
  flows: { authorizationCode: { authorizationUrl: '/oauth/authorize?tenant=acme', tokenUrl: '/oauth/token', scopes: ['pets:read'] } },
};
const redirectUri = 'https://app.example/callback';

function signIn(credential: object = { clientId: 'spa', redirectUri }, env = {}) {
  return makeClient(server.origin, { oauth: scheme }, { oauth: credential }, { ...fakeClock().env, ...env });
}

describe('authorizationUrl', () => {
  it('builds a PKCE S256 request with a random state on the spec’s endpoint', async () => {
    const { core } = signIn();
    const first = await authorizationFlow(core, 'oauth').authorizationUrl({ scopes: ['openid', 'pets:read'], extraParams: { nonce: 'n-1', prompt: 'login' } });
    const url = new URL(first.url);
    expect(url.origin + url.pathname).toBe(`${server.origin}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 'acme',
      response_type: 'code',
      client_id: 'spa',
      redirect_uri: redirectUri,
      state: first.state,
      code_challenge: createHash('sha256').update(first.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      scope: 'openid pets:read',
      nonce: 'n-1',
      prompt: 'login',
    });
    expect(first.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(first.state).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const second = await authorizationFlow(core, 'oauth').authorizationUrl({ redirectUri: 'https://app.example/other' });
    expect(second.state).not.toBe(first.state);
    expect(second.codeVerifier).not.toBe(first.codeVerifier);
    expect(new URL(second.url).searchParams.get('redirect_uri')).toBe('https://app.example/other');
    expect(new URL(second.url).searchParams.has('scope')).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it('keeps a given state; extraParams cannot replace the security parameters', async () => {
    const flow = authorizationFlow(signIn().core, 'oauth');
    expect((await flow.authorizationUrl({ state: 'mine' })).state).toBe('mine');
    await expect(flow.authorizationUrl({ extraParams: { code_challenge_method: 'plain' } })).rejects.toThrow(/extraParams cannot set code_challenge_method/);
    await expect(authorizationFlow(signIn({ clientId: 'spa' }).core, 'oauth').authorizationUrl()).rejects.toThrow(/redirectUri is needed/);
  });
});

describe('exchangeCode', () => {
  it('redeems the code with the verifier; the tokens are stored, reported and used', async () => {
    const events: TokenSet[] = [];
    const { core } = signIn({ clientId: 'web', clientSecret: 'web-secret', redirectUri }, { onTokens: (e: { tokens: TokenSet }) => void events.push(e.tokens) });
    const flow = authorizationFlow(core, 'oauth');
    const { state, codeVerifier } = await flow.authorizationUrl();
    const tokens = await flow.exchangeCode({ code: 'the-code', codeVerifier, state, expectedState: state });
    expect(tokens).toMatchObject({ accessToken: 'user-token', refreshToken: 'user-refresh', scope: 'openid pets:read', idToken: 'id.jwt', tokenType: 'Bearer' });
    const [request] = server.to('/oauth/token');
    expect(Object.fromEntries(request!.form)).toEqual({ grant_type: 'authorization_code', code: 'the-code', redirect_uri: redirectUri, code_verifier: codeVerifier });
    expect(request!.basic).toEqual({ id: 'web', secret: 'web-secret' });
    expect(events).toEqual([tokens]);
    await expect(core.request(listPets(['pets:read']), {})).resolves.toEqual({ token: 'user-token' });
    await expect(core.request(listPets(['other']), {})).resolves.toEqual({ token: 'user-token' });
    expect(server.to('/oauth/token')).toHaveLength(1);
  });

  it('a public client sends client_id in the form', async () => {
    const flow = authorizationFlow(signIn().core, 'oauth');
    await flow.exchangeCode({ code: 'c', codeVerifier: 'v'.repeat(43) });
    const [request] = server.to('/oauth/token');
    expect(request!.clientAuth).toBe('none');
    expect(request!.form.get('client_id')).toBe('spa');
  });

  it('refuses a redirect whose state does not match, before any request', async () => {
    const flow = authorizationFlow(signIn().core, 'oauth');
    const error = await flow.exchangeCode({ code: 'c', codeVerifier: 'v'.repeat(43), state: 'forged', expectedState: 'sent' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ error: 'state_mismatch', scheme: 'oauth' });
    expect(server.requests).toHaveLength(0);
  });

  it('is not retried on 5xx: a code is single-use', async () => {
    server.on('/oauth/token', () => ({ status: 503 }));
    const flow = authorizationFlow(signIn().core, 'oauth');
    await expect(flow.exchangeCode({ code: 'c', codeVerifier: 'v'.repeat(43) })).rejects.toMatchObject({ error: 'invalid_response', status: 503 });
    expect(server.to('/oauth/token')).toHaveLength(1);
  });

  it('before sign-in, a request fails with login_required and sends nothing', async () => {
    const { core } = signIn();
    await expect(core.request(listPets(), {})).rejects.toMatchObject({ name: 'TokenError', error: 'login_required' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('ClientCore.authorization', () => {
  it('only for schemes running the authorization code flow', () => {
    const { core } = makeClient(
      server.origin,
      { oauth: scheme, cc: clientCredentialsScheme(), key: { type: 'apiKey', in: 'header', name: 'k' } },
      { oauth: { clientId: 'spa' }, cc: { clientId: 'a', clientSecret: 'b' }, key: 'k' },
    );
    expect(typeof authorizationFlow(core, 'oauth').exchangeCode).toBe('function');
    expect(() => authorizationFlow(core, 'cc')).toThrow(/"cc" runs the clientCredentials flow, not the authorization code flow/);
    expect(() => authorizationFlow(core, 'key')).toThrow(/"key" has no OAuth 2.0 credentials/);
    expect(() => authorizationFlow(core, 'missing')).toThrow(/"missing"/);
  });
});
