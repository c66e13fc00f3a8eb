import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FetchLike } from '../../../../src/runtime/client-core.js';
import { testCore } from '../../../support/test-core.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import type { AuthEnvironment } from '../../../../src/runtime/oauth2/types.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';
import { clientCredentialsScheme, listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, fakeClock, startServer, tokenJson, type Reply, type TestServer } from '../../../support/oauth2/test-server.js';

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  [server, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([server.close(), other.close()]));
beforeEach(() => {
  server.reset();
  other.reset();
  server.on('/api/pets', bearerApi(() => ['tok']));
});

const credentials = { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } };

function answering(...replies: Reply[]) {
  server.on('/oauth/token', (_request, n) => replies[Math.min(n, replies.length) - 1]!);
}

async function failure(env: Partial<AuthEnvironment> = fakeClock().env): Promise<TokenError> {
  const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, env);
  const error = await core.request(listPets(), {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

describe('token endpoint answers', () => {
  it('sends a form POST asking for JSON', async () => {
    answering(tokenJson('tok'));
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, fakeClock().env);
    await core.request(listPets(), {});
    const [request] = server.to('/oauth/token');
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(request!.headers.accept).toBe('application/json');
  });

  it('an OAuth error becomes TokenError(error, error_description, status)', async () => {
    answering({ status: 400, json: { error: 'invalid_scope', error_description: 'pets:admin is not allowed' } });
    const error = await failure();
    expect(error).toMatchObject({ name: 'TokenError', error: 'invalid_scope', errorDescription: 'pets:admin is not allowed', status: 400, scheme: 'oauth' });
    expect(error.message).toBe('security scheme "oauth": invalid_scope (HTTP 400): pets:admin is not allowed');
    expect(server.to('/oauth/token')).toHaveLength(1); // 4xx is not retried
  });

  it('5xx is retried twice with growing backoff, then succeeds', async () => {
    answering({ status: 503 }, { status: 502 }, tokenJson('tok'));
    const clock = fakeClock();
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, clock.env);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok' });
    expect(server.to('/oauth/token')).toHaveLength(3);
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it('5xx three times: TokenError with the status (and the server error code, if any)', async () => {
    answering({ status: 503, json: { error: 'temporarily_unavailable' } });
    const error = await failure();
    expect(error).toMatchObject({ error: 'temporarily_unavailable', status: 503 });
    expect(server.to('/oauth/token')).toHaveLength(3);
  });

  it('network errors are retried, then reported as network_error with the cause', async () => {
    let failures = 3;
    const flaky: FetchLike = (input, init) => (String(input).endsWith('/oauth/token') && failures-- > 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    answering(tokenJson('tok'));
    const clock = fakeClock();
    const error = await failure({ ...clock.env, fetch: flaky });
    expect(error).toMatchObject({ error: 'network_error' });
    expect((error.cause as Error).message).toBe('fetch failed');
    expect(clock.sleeps).toEqual([250, 500]);
    failures = 2;
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, { ...fakeClock().env, fetch: flaky });
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok' });
  });

  it('a 2xx that is not JSON: invalid_response, and the body (which may hold a token) is not echoed', async () => {
    // (A form-encoded answer is read as a form: see test/unit/runtime/oauth2/token-response-quirks.test.ts.)
    answering({ body: '<p>access_token=SECRET-in-body&token_type=bearer</p>', headers: { 'content-type': 'text/html' } });
    const error = await failure();
    expect(error).toMatchObject({ error: 'invalid_response', status: 200 });
    expect(`${error.message}${error.stack}${JSON.stringify(error)}`).not.toContain('SECRET-in-body');
  });

  it('a 2xx JSON without access_token: invalid_response', async () => {
    answering({ json: { token_type: 'Bearer', refresh_token: 'SECRET-refresh' } });
    const error = await failure();
    expect(error.error).toBe('invalid_response');
    expect(error.message).toMatch(/no access_token/);
    expect(error.message).not.toContain('SECRET-refresh');
  });

  it('a 4xx that is not an OAuth error: invalid_response with the status', async () => {
    answering({ status: 404, body: 'no such page' });
    expect(await failure()).toMatchObject({ error: 'invalid_response', status: 404 });
  });

  it('a token type other than Bearer is refused', async () => {
    answering(tokenJson('tok', { token_type: 'DPoP' }));
    const error = await failure();
    expect(error).toMatchObject({ error: 'unsupported_token_type' });
    expect(error.message).toContain('the token endpoint issued a "DPoP" token; only Bearer tokens');
  });

  it('the token type quoted in that error has the client secret redacted', async () => {
    answering(tokenJson('tok', { token_type: 'x-SECRET-client' }));
    const error = await failure();
    expect(error.message).toContain('issued a "x-[redacted]" token');
    expect(`${error.message}${error.stack}${JSON.stringify(error)}`).not.toContain('SECRET-client');
  });

  it('accepts token_type in any case and expires_in as a numeric string', async () => {
    const clock = fakeClock();
    const events: number[] = [];
    answering(tokenJson('tok', { token_type: 'bearer', expires_in: '120' }));
    const { core } = makeClient(server.origin, { oauth: clientCredentialsScheme() }, credentials, { ...clock.env, onTokens: (e) => void events.push(e.tokens.expiresAt!) });
    await core.request(listPets(), {});
    expect(events).toEqual([clock.now + 120_000]);
  });

  it('does not follow a redirect from the token endpoint (it would carry the credentials away)', async () => {
    other.on('/steal', () => tokenJson('stolen'));
    answering({ status: 307, headers: { location: `${other.origin}/steal` } });
    expect(await failure()).toMatchObject({ error: 'invalid_response', status: 307 });
    expect(other.requests).toHaveLength(0);
  });

  it("a browser's opaque redirect (status 0) is refused too, its message showing no HTTP status", async () => {
    const fetch: FetchLike = async (url, init) => {
      if (!String(url).endsWith('/oauth/token')) return globalThis.fetch(url, init);
      const response = new Response(null, { status: 200 });
      Object.defineProperties(response, { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false } });
      return response;
    };
    const error = await failure({ ...fakeClock().env, fetch });
    expect(error).toMatchObject({ error: 'invalid_response', status: 0 });
    expect(error.message).toBe('security scheme "oauth": invalid_response: the token endpoint answered with a redirect, which is not followed');
  });
});

describe('endpoint URLs', () => {
  const cc = (tokenUrl: string) => ({ oauth: clientCredentialsScheme(tokenUrl) });

  it('must be https, except on loopback hosts or with allowInsecureHttp', () => {
    expect(() => createAuthStrategies(cc('http://auth.example/token'), credentials, { baseUrl: 'https://api.example' })).toThrow(
      /^security scheme "oauth": tokenUrl must be an https URL$/,
    );
    expect(() => createAuthStrategies(cc('ftp://auth.example/token'), credentials, { baseUrl: 'https://api.example', allowInsecureHttp: true })).toThrow(TypeError);
    for (const url of ['https://auth.example/token', 'http://localhost:8080/t', 'http://127.1.2.3/t', 'http://[::1]:9/t']) {
      expect(() => createAuthStrategies(cc(url), credentials, { baseUrl: 'https://api.example' }), url).not.toThrow();
    }
    expect(() => createAuthStrategies(cc('http://auth.example/token'), credentials, { baseUrl: 'https://api.example', allowInsecureHttp: true })).not.toThrow();
  });

  it('a relative tokenUrl inherits an http baseUrl, which must then be loopback too', () => {
    expect(() => createAuthStrategies(cc('/token'), credentials, { baseUrl: 'http://api.example' })).toThrow(/https/);
  });

  it('relative URLs resolve against the baseUrl', async () => {
    server.on('/base/oauth/token', () => tokenJson('tok'));
    server.on('/base/api/pets', bearerApi(() => ['tok']));
    const baseUrl = `${server.origin}/base/`;
    const core = testCore({ baseUrl, auth: createAuthStrategies(cc('oauth/token'), credentials, { baseUrl }) });
    await core.request(listPets(), {});
    expect(server.to('/base/oauth/token')).toHaveLength(1);
  });

  it('a relative URL without a baseUrl is refused at construction', () => {
    expect(() => createAuthStrategies(cc('/token'), credentials)).toThrow(/^security scheme "oauth": tokenUrl must be a valid absolute URL, or relative to baseUrl$/);
  });
});
