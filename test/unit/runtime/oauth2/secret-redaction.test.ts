/**
 * A token endpoint that echoes the request in `error_description` (some do, in debug modes): no
 * secret the client holds may reach TokenError's message, String(), inspect(), JSON or stack.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenError } from '../../../../src/runtime/oauth2/token-error.js';
import { clientCredentials, listPets, oauthClient, passwordFlow } from './support/oauth-client.js';
import { json, startRawServer, type RawServer } from './support/raw-server.js';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Echoes everything it got, in several spellings, as the OAuth error description. */
function echoing(status: number, code: string): void {
  server.on('/oauth/token', (request, response) => {
    const echo = `got ${request.headers.authorization ?? 'no authorization'} and ${request.body} i.e. ${decodeURIComponent(request.body.replace(/\+/g, ' '))}`;
    json(response, status, { error: code, error_description: echo });
  });
}

async function everythingShown(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TokenError);
  const tokenError = error as TokenError;
  return [tokenError.message, String(tokenError), inspect(tokenError, { depth: 5 }), JSON.stringify(tokenError), tokenError.stack, tokenError.errorDescription].join('\n');
}

describe('secrets echoed by the server are redacted', () => {
  it('password grant: client secret, password, the Basic value and its decoded parts', async () => {
    echoing(400, 'invalid_grant');
    const credential = { clientId: 'app', clientSecret: 'S3cr3t/with+odd=chars', username: 'ann', password: 'hunter2-pass word' };
    const shown = await everythingShown(oauthClient(server.origin, { oauth: passwordFlow() }, { oauth: credential }).core.request(listPets(), {}));
    const basic = server.to('/oauth/token')[0]!.headers.authorization!.slice('Basic '.length);
    expect(shown).toContain('[redacted]');
    expect(shown).toContain('invalid_grant');
    for (const secret of ['S3cr3t/with+odd=chars', 'S3cr3t%2Fwith%2Bodd%3Dchars', 'hunter2-pass word', 'hunter2-pass+word', basic]) expect(shown).not.toContain(secret);
    expect(shown).toContain('ann'); // not a secret: the message stays useful
  });

  it('client_secret_post: the posted secret, in every encoding', async () => {
    echoing(401, 'invalid_client');
    const credential = { clientId: 'app', clientSecret: 'p0st/secret', clientAuthMethod: 'client_secret_post' };
    const shown = await everythingShown(oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: credential }).core.request(listPets(), {}));
    for (const secret of ['p0st/secret', 'p0st%2Fsecret', 'p0st%2fsecret']) expect(shown).not.toContain(secret);
  });

  it('a refresh token being redeemed', async () => {
    echoing(400, 'invalid_request');
    const scheme = { type: 'oauth2' as const, flows: { authorizationCode: { authorizationUrl: '/authorize', tokenUrl: '/oauth/token', scopes: [] } } };
    const credential = { clientId: 'app', refreshToken: 'RT-very-secret-refresh' };
    const shown = await everythingShown(oauthClient(server.origin, { oauth: scheme }, { oauth: credential }).core.request(listPets(), {}));
    expect(server.to('/oauth/token')[0]!.form.get('refresh_token')).toBe('RT-very-secret-refresh');
    expect(shown).not.toContain('RT-very-secret-refresh');
  });

  it('a secret in the error code itself', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 400, { error: 'bad secret cc-secret-1' }));
    const shown = await everythingShown(oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'cc-secret-1' } }).core.request(listPets(), {}));
    expect(shown).not.toContain('cc-secret-1');
  });
});

describe('redactorFor', () => {
  it('covers private key material: the PEM, its base64 body, a JWK’s private members', async () => {
    const { provideLazyModuleImports } = await import('../../../../src/runtime/oauth2/lazy-modules.js');
    await provideLazyModuleImports();
    const { redactorFor } = await import('../../../../src/runtime/oauth2/secret-redaction.js');
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\nhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    const redact = redactorFor({ values: [], keys: [pem, { kty: 'EC', crv: 'P-256', x: 'public-x', d: 'private-d-member' }], recent: [] });
    expect(redact('key MIIEvQIBADANBgkqhkiG9w0BAQEFAASC and private-d-member, public-x')).toBe('key [redacted] and [redacted], public-x');
  });
});

describe('tokens the scheme obtained', () => {
  it('are redacted from later token endpoint errors', async () => {
    let calls = 0;
    server.on('/oauth/token', (_request, response) => {
      calls++;
      if (calls === 1) json(response, 200, { access_token: 'AT-issued-first-0001', token_type: 'Bearer', expires_in: 0 });
      else json(response, 400, { error: 'invalid_request', error_description: 'you already hold AT-issued-first-0001' });
    });
    server.on('/api/pets', (_request, response) => json(response, 200, {}));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'app', clientSecret: 'cc-secret-2' } });
    await core.request(listPets(), {});
    const shown = await everythingShown(core.request(listPets(), {}));
    expect(shown).toContain('you already hold [redacted]');
  });
});
