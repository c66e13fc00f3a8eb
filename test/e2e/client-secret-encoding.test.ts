/**
 * client_secret_basic with a secret that RFC 6749 form-encoding changes, against
 * `@node-oauth/oauth2-server`, which base64-decodes Basic but does not form-decode it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenError } from '../../src/runtime/oauth2/token-error.js';
import { clientCredentials, listPets, oauthClient } from '../unit/runtime/oauth2/support/oauth-client.js';
import { startNodeOAuthServer, type NodeOAuthServer } from './support/node-oauth-server.js';

const client = { id: 'svc-app', secret: 'a+b/c=d e:f%g' };
let server: NodeOAuthServer;
beforeAll(async () => {
  server = await startNodeOAuthServer(client);
});
afterAll(() => server.close());

function api(credential: object) {
  return oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: client.id, clientSecret: client.secret, ...credential } });
}

describe('client_secret_basic against @node-oauth/oauth2-server', () => {
  it("the RFC default (form-encoded) is refused, and the error points at clientSecretEncoding: 'raw' and client_secret_post", async () => {
    const before = server.tokenRequests.length;
    const error = await api({}).core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ error: 'invalid_client', status: 401 });
    expect((error as TokenError).message).toContain("clientSecretEncoding: 'raw'");
    expect((error as TokenError).message).toContain("clientAuthMethod: 'client_secret_post'");
    expect((error as Error).message).not.toContain(client.secret);
    expect(server.tokenRequests.slice(before)).toEqual([{ clientId: client.id, accepted: false, basic: true }]);
  });

  it("clientSecretEncoding: 'raw' is accepted, and the token works on the API", async () => {
    const before = server.tokenRequests.length;
    const calls = server.apiCalls;
    await expect(api({ clientSecretEncoding: 'raw' }).core.request(listPets(), {})).resolves.toEqual({ pets: [] });
    expect(server.tokenRequests.slice(before)).toEqual([{ clientId: client.id, accepted: true, basic: true }]);
    expect(server.apiCalls - calls).toBe(1);
  });

  it('client_secret_post is accepted too', async () => {
    const before = server.tokenRequests.length;
    await expect(api({ clientAuthMethod: 'client_secret_post' }).core.request(listPets(), {})).resolves.toEqual({ pets: [] });
    expect(server.tokenRequests.slice(before)).toEqual([{ clientId: client.id, accepted: true, basic: false }]);
  });

  it('a secret the encoding leaves alone gets no hint', async () => {
    const error = await oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: client.id, clientSecret: 'plainwrong' } })
      .core.request(listPets(), {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ error: 'invalid_client' });
    expect((error as TokenError).hint).toBeUndefined();
  });

  it("'raw' refuses a client id with a colon", () => {
    expect(() => oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'a:b', clientSecret: 's', clientSecretEncoding: 'raw' } })).toThrow("cannot carry a clientId that contains ':'");
  });
});
