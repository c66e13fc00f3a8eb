/**
 * Token endpoints that accept the connection and then never answer, or answer without end: the
 * token request ends within its own budget (tokenTimeoutMs), also for callers that share it, and
 * stops reading at the size limit. Each server here is real (node:http on loopback).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import { clientCredentials, listPets, oauthClient } from './support/oauth-client.js';
import { bearerRoute, eventually, json, startRawServer, type RawServer } from './support/raw-server.js';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.on('/api/pets', bearerRoute(() => ['tok']));
});

const credentials = { oauth: { clientId: 'app', clientSecret: 'SECRET-client' } };

async function failure(promise: Promise<unknown>): Promise<TokenError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

describe('tokenTimeoutMs', () => {
  it('a token endpoint that never answers fails with code timeout once the budget is spent, retries included', async () => {
    server.on('/oauth/token', () => undefined); // accepts, reads the request, never answers
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { tokenTimeoutMs: 800 });
    const started = Date.now();
    const error = await failure(core.request(listPets(), {}));
    const elapsed = Date.now() - started;
    expect(error.error).toBe('timeout');
    expect(error.message).toContain('did not answer within 800 ms (tokenTimeoutMs)');
    expect(elapsed).toBeGreaterThanOrEqual(750);
    expect(elapsed).toBeLessThan(8_000); // bounded; undici alone would wait 300 s per attempt
    expect(server.to('/oauth/token')).toHaveLength(1); // the budget covers all attempts
    await eventually(() => server.closedSockets >= 1); // the abandoned request let its socket go
    expect(server.to('/api/pets')).toHaveLength(0);
  }, 20_000);

  it('a body that starts and then stalls is bounded too', async () => {
    server.on('/oauth/token', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"access_token":"tok",'); // …and nothing more
    });
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { tokenTimeoutMs: 800 });
    expect((await failure(core.request(listPets(), {}))).error).toBe('timeout');
  }, 20_000);

  it('the shared token request ends on its own timeout: an aborted caller and a patient one both stop waiting', async () => {
    server.on('/oauth/token', () => undefined);
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { tokenTimeoutMs: 1_000 });
    const controller = new AbortController();
    const impatient = core.request(listPets(), {}, { signal: controller.signal }).catch((e: unknown) => e);
    const patient = core.request(listPets(), {});
    await eventually(() => server.to('/oauth/token').length === 1);
    controller.abort(new Error('user gave up'));
    expect(await impatient).toMatchObject({ message: 'user gave up' });
    const started = Date.now();
    const error = await failure(patient);
    expect(error.error).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(server.to('/oauth/token')).toHaveLength(1); // one shared request for both callers
    await eventually(() => server.closedSockets >= 1);
  }, 20_000);

  it('a later call after a timeout starts a new token request, which can succeed', async () => {
    server.on('/oauth/token', (_request, response, count) => {
      if (count > 1) json(response, 200, { access_token: 'tok', token_type: 'Bearer', expires_in: 3600 });
    });
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { tokenTimeoutMs: 600 });
    expect((await failure(core.request(listPets(), {}))).error).toBe('timeout');
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok' });
    expect(server.to('/oauth/token')).toHaveLength(2);
  }, 20_000);

  it('discovery is bounded by the same budget', async () => {
    server.on('/.well-known/openid-configuration', () => undefined);
    const { core } = oauthClient(server.origin, { oauth: { type: 'openIdConnect', url: '/.well-known/openid-configuration' } }, credentials, { tokenTimeoutMs: 600 });
    const error = await failure(core.request(listPets(), {}));
    expect(error.error).toBe('timeout');
    expect(error.message).toContain('authorization server metadata');
  }, 20_000);

  it('a device authorization endpoint is bounded too', async () => {
    server.on('/oauth/device', () => undefined);
    const device = { type: 'oauth2' as const, flows: { deviceAuthorization: { deviceAuthorizationUrl: '/oauth/device', tokenUrl: '/oauth/token', scopes: [] } } };
    const prompts: unknown[] = [];
    const { core } = oauthClient(server.origin, { oauth: device }, { oauth: { clientId: 'tv', onUserCode: (prompt: unknown) => void prompts.push(prompt) } }, { tokenTimeoutMs: 600 });
    const error = await failure(core.request(listPets([]), {}));
    expect(error.error).toBe('timeout');
    expect(error.message).toContain('device authorization endpoint');
    expect(prompts).toEqual([]);
  }, 20_000);

  it('rejects a budget that is not a positive number', () => {
    expect(() => oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { tokenTimeoutMs: 0 })).toThrow('tokenTimeoutMs must be a finite number > 0');
  });
});

describe('tokenResponseMaxBytes', () => {
  it('an endless token answer fails at 1 MiB by default, and the client stops reading', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    server.on('/oauth/token', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"access_token":"tok","pad":"');
      const pump = (): void => {
        // Up to 300 MiB, as the report had; stops when the client goes away.
        for (let sent = 0; sent < 300 * 16 && !response.destroyed; sent++) if (!response.write(chunk)) return void response.once('drain', pump);
      };
      pump();
    });
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials);
    const error = await failure(core.request(listPets(), {}));
    expect(error.error).toBe('invalid_response');
    expect(error.message).toContain('larger than 1048576 bytes (tokenResponseMaxBytes)');
    await eventually(() => server.closedSockets >= 1);
    expect(server.bytesWritten).toBeLessThan(64 * 1024 * 1024); // nowhere near 300 MiB went out
  }, 30_000);

  it('a declared Content-Length over the limit fails before the body is read; the limit is an option', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: 'tok', token_type: 'Bearer', pad: 'x'.repeat(2_000) }));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { tokenResponseMaxBytes: 1_000 });
    expect((await failure(core.request(listPets(), {}))).message).toContain('larger than 1000 bytes');
    const roomy = oauthClient(server.origin, { oauth: clientCredentials() }, credentials, { tokenResponseMaxBytes: 10_000 });
    await expect(roomy.core.request(listPets(), {})).resolves.toEqual({ token: 'tok' });
  });
});
