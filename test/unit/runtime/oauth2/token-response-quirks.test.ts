/**
 * Token endpoints as real providers run them: GitHub's form-encoded answers and 200-with-error,
 * rate limits with Retry-After, and expires_in: 0.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS } from '../../../../src/runtime/oauth2/oauth-http-failure.js';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import { clientCredentials, listPets, oauthClient, recordedSleeps } from './support/oauth-client.js';
import { bearerRoute, json, startRawServer, type RawServer } from './support/raw-server.js';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.on('/api/pets', bearerRoute(() => ['tok', 'tok-1', 'tok-2', 'tok-3']));
});

const credentials = { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } };

async function failure(promise: Promise<unknown>): Promise<TokenError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

describe('form-encoded token responses (GitHub without Accept: application/json)', () => {
  it('are read like JSON ones, expires_in included', async () => {
    let now = 1_000_000;
    server.on('/oauth/token', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' });
      response.end('access_token=tok&token_type=bearer&scope=pets%3Aread&expires_in=60');
    });
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { now: () => now });
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok' });
    now += 30_000;
    await core.request(listPets(), {}); // still fresh: reused
    now += 30_000;
    await core.request(listPets(), {}); // expired: renewed
    expect(server.to('/oauth/token')).toHaveLength(2);
  });

  it('a form-encoded error keeps its OAuth code', async () => {
    server.on('/oauth/token', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
      response.end('error=incorrect_client_credentials&error_description=The+client_id+and%2For+client_secret+passed+are+incorrect.');
    });
    const error = await failure(oauthClient(server.origin, { oauth: clientCredentials() }, credentials).core.request(listPets(), {}));
    expect(error.error).toBe('incorrect_client_credentials');
    expect(error.errorDescription).toBe('The client_id and/or client_secret passed are incorrect.');
  });

  it('every token and discovery request asks for JSON', async () => {
    server.on('/.well-known/openid-configuration', (_request, response) => json(response, 200, { issuer: server.origin, token_endpoint: `${server.origin}/oauth/token` }));
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: 'tok', token_type: 'Bearer' }));
    const { core } = oauthClient(server.origin, { oauth: { type: 'openIdConnect', url: '/.well-known/openid-configuration' } }, credentials);
    await core.request(listPets(), {});
    expect(server.to('/.well-known/openid-configuration')[0]!.headers.accept).toBe('application/json');
    expect(server.to('/oauth/token')[0]!.headers.accept).toBe('application/json');
  });
});

describe('200 with an OAuth error in the JSON', () => {
  it('keeps the error code instead of "no access_token"', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' }));
    const error = await failure(oauthClient(server.origin, { oauth: clientCredentials() }, credentials).core.request(listPets(), {}));
    expect(error).toMatchObject({ error: 'bad_verification_code', status: 200, errorDescription: 'The code passed is incorrect or expired.' });
  });
});

describe('429 and 503 with Retry-After', () => {
  it('waits as long as Retry-After (seconds) says, then retries', async () => {
    server.on('/oauth/token', (_request, response, count) => {
      if (count === 1) json(response, 429, { error: 'slow_down' }, { 'retry-after': '3' });
      else json(response, 200, { access_token: 'tok', token_type: 'Bearer' });
    });
    const clock = recordedSleeps();
    await expect(oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { sleep: clock.sleep }).core.request(listPets(), {})).resolves.toEqual({ token: 'tok' });
    expect(clock.sleeps).toEqual([3_000]);
    expect(server.to('/oauth/token')).toHaveLength(2);
  });

  it('honours an HTTP-date on 503', async () => {
    server.on('/oauth/token', (_request, response, count) => {
      if (count === 1) json(response, 503, {}, { 'retry-after': new Date(Date.now() + 5_000).toUTCString() });
      else json(response, 200, { access_token: 'tok', token_type: 'Bearer' });
    });
    const clock = recordedSleeps();
    await oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { sleep: clock.sleep }).core.request(listPets(), {});
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(2_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(5_000);
  });

  it('does not wait longer than the bound: fails at once and says what the server asked', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 429, { error: 'rate_limited' }, { 'retry-after': '120' }));
    const clock = recordedSleeps();
    const error = await failure(oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { sleep: clock.sleep }).core.request(listPets(), {}));
    expect(120_000).toBeGreaterThan(MAX_RETRY_AFTER_MS);
    expect(error).toMatchObject({ error: 'rate_limited', status: 429, retryAfterMs: 120_000 });
    expect(error.message).toContain('the server asked to retry after 120 s');
    expect(clock.sleeps).toEqual([]);
    expect(server.to('/oauth/token')).toHaveLength(1);
  });

  it('does not wait past the token budget', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 503, {}, { 'retry-after': '5' }));
    const clock = recordedSleeps();
    const error = await failure(oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { sleep: clock.sleep, tokenTimeoutMs: 2_000 }).core.request(listPets(), {}));
    expect(error.status).toBe(503);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('expires_in: 0', () => {
  it('means already expired: the next call gets a new token', async () => {
    let issued = 0;
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 0 }));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials);
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-1' });
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok-2' });
    expect(server.to('/oauth/token')).toHaveLength(2);
  });
});

describe('a success without a usable token (checked on the happy path, explained by the failure module)', () => {
  it('no access_token: invalid_response, and no API request', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { token_type: 'Bearer', expires_in: 60 }));
    const error = await failure(oauthClient(server.origin, { oauth: clientCredentials() }, credentials).core.request(listPets(), {}));
    expect(error).toMatchObject({ error: 'invalid_response', scheme: 'oauth' });
    expect(error.message).toBe('security scheme "oauth": invalid_response: the token response has no access_token');
    expect(server.to('/oauth/token')).toHaveLength(1);
    expect(server.to('/api/pets')).toHaveLength(0);
  });

  it('a token type it cannot use: unsupported_token_type quoting it, redacted', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: 'tok', token_type: 'mac-SECRET-client' }));
    const error = await failure(oauthClient(server.origin, { oauth: clientCredentials() }, credentials).core.request(listPets(), {}));
    expect(error).toMatchObject({ error: 'unsupported_token_type' });
    expect(error.message).toContain('the token endpoint issued a "mac-');
    expect(error.message).not.toContain('SECRET-client');
    expect(server.to('/api/pets')).toHaveLength(0);
  });
});
