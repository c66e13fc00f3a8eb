/**
 * private_key_jwt with a PKCS#8 PEM of an RSA-PSS key (id-RSASSA-PSS, as `openssl genpkey
 * -algorithm RSA-PSS` or node's generateKeyPair('rsa-pss') make): signs PS256, and the token
 * endpoint verifies the assertion with node:crypto against the public key (WebCrypto, and so jose,
 * cannot even import an RSA-PSS SPKI).
 */
import { constants, generateKeyPairSync, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCredentials, listPets, oauthClient } from './support/oauth-client.js';
import { bearerRoute, json, startRawServer, type RawServer } from './support/raw-server.js';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
});
afterAll(() => server.close());

// Without and with RSASSA-PSS-params in the key's AlgorithmIdentifier.
const pssKeys = [generateKeyPairSync('rsa-pss', { modulusLength: 2048 }), generateKeyPairSync('rsa-pss', { modulusLength: 2048, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256' })];
let pss = pssKeys[0]!;
const pemOf = (pair: typeof pss): string => pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const privatePem = pemOf(pss);

/** RFC 7518 §3.5 PS256: RSASSA-PSS, SHA-256, MGF1 SHA-256, 32-byte salt. */
function verifyPs256(jwt: string): { alg: string; iss: unknown; aud: unknown } | undefined {
  const [header, payload, signature] = jwt.split('.');
  const ok = verify('sha256', Buffer.from(`${header}.${payload}`), { key: pss.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, Buffer.from(signature ?? '', 'base64url'));
  if (!ok) return undefined;
  const { alg } = JSON.parse(Buffer.from(header!, 'base64url').toString()) as { alg: string };
  const { iss, aud } = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { iss: unknown; aud: unknown };
  return { alg, iss, aud };
}

describe('an RSA-PSS PKCS#8 PEM as privateKey', () => {
  it.each([0, 1])('signs PS256 client assertions the server verifies (key %i)', async (index) => {
    pss = pssKeys[index]!;
    const verified: Array<{ alg: string; iss: unknown; aud: unknown }> = [];
    server.on('/oauth/token', (request, response) => {
      const claims = verifyPs256(request.form.get('client_assertion') ?? '');
      if (claims === undefined) return json(response, 401, { error: 'invalid_client', error_description: 'bad signature' });
      verified.push(claims);
      json(response, 200, { access_token: 'tok', token_type: 'Bearer' });
    });
    server.on('/api/pets', bearerRoute(() => ['tok']));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'pss-app', privateKey: pemOf(pss) } });
    await expect(core.request(listPets(), {})).resolves.toEqual({ token: 'tok' });
    expect(verified).toEqual([{ alg: 'PS256', iss: 'pss-app', aud: `${server.origin}/oauth/token` }]);
  });

  it('refuses another algorithm for an RSA-PSS key, without quoting the key', async () => {
    server.on('/oauth/token', (_request, response) => json(response, 200, { access_token: 'tok', token_type: 'Bearer' }));
    const { core } = oauthClient(server.origin, { oauth: clientCredentials() }, { oauth: { clientId: 'pss-app', privateKey: privatePem, privateKeyAlg: 'RS256' } });
    const error = await core.request(listPets(), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('usable for RS256');
    expect((error as Error).message).not.toContain(privatePem.split('\n')[1]!.slice(0, 20));
  });
});
