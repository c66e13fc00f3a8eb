/**
 * End to end: RFC 8705 through the client generated from fixtures/oauth/pets-oauth.yaml, against
 * the real oidc-provider with features.mTLS (tls_client_auth, self_signed_tls_client_auth,
 * certificate-bound access tokens) behind an https listener that asks for client certificates and
 * is published as the discovery document's mtls_endpoint_aliases, and an https resource server
 * (test/support/oidc/mtls-resource-server.ts) that accepts a token only over a connection
 * presenting the certificate its `cnf.x5t#S256` names. Certificates: openssl, made here. The
 * client's certificate fetch is Node's fetch with an undici Agent, as the README's recipe says.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDpopResourceServer } from '../support/oidc/dpop-resource-server.js';
import { MTLS_CLIENTS } from '../support/oidc/mtls-feature.js';
import { startMtlsResourceServer, type MtlsResourceServer } from '../support/oidc/mtls-resource-server.js';
import { startAuthServer, type AuthServer } from '../support/oidc/provider.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { hasOpenssl, makeTestPki, type Pem, type TestPki } from '../support/verifiers/mtls.js';
import { generateOAuthClient, type ClientOptions, type FetchLike, type GeneratedClient, type PetsClient, type TokenSet } from './support/generated-oauth-client.js';
import { shiftedClock } from './support/test-clock.js';

const CLIENT_CN = 'keyway-mtls-client';

let pki: TestPki;
let auth: AuthServer;
let api: MtlsResourceServer;
let workDir: string;
let generated: GeneratedClient;
const agents: Agent[] = [];

beforeAll(async () => {
  if (!hasOpenssl) return;
  pki = makeTestPki(CLIENT_CN);
  workDir = await makeTempDir('keyway-mtls-e2e-');
  // The CA-issued certificate authenticates keyway-mtls by its subject; the self-signed one
  // (same CN, no CA) is registered by its own thumbprint for keyway-mtls-self-signed.
  auth = await startAuthServer({ mtls: { ca: pki.ca, server: pki.server, subjectDn: `CN=${CLIENT_CN}`, selfSignedCert: pki.rogue.cert } });
  api = await startMtlsResourceServer({ issuer: auth.issuer, jwksUri: auth.jwksUri, audience: auth.audience, tls: pki.server });
  generated = await generateOAuthClient({ auth, api }, 'pets-oauth.yaml', workDir);
}, 30_000);

afterAll(async () => {
  await Promise.all([...agents.map((agent) => agent.close()), api?.stop(), auth?.stop()]);
  pki?.remove();
  if (workDir !== undefined) await removeTempDir(workDir);
});

beforeEach(() => {
  auth?.resetCounters();
  api?.resetRequests();
});

/** Node's fetch through an undici Agent presenting `identity` (none: the TLS connection shows no certificate). */
function certificateFetch(identity: Pem | undefined): FetchLike {
  const dispatcher = new Agent({ connect: { ca: pki.ca, ...(identity === undefined ? {} : { cert: identity.cert, key: identity.key }) } });
  agents.push(dispatcher);
  return (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
}

function thumbprint(identity: Pem): string {
  return createHash('sha256').update(new X509Certificate(identity.cert).raw).digest('base64url');
}

function client(options: ClientOptions): PetsClient {
  return new generated.mod.Client(options);
}

/** The tls_client_auth client on the clientCredentials scheme, endpoints from the issuer's discovery. */
function tlsClient(identity: Pem | undefined, extra: object = {}) {
  return { clientId: MTLS_CLIENTS.tls.clientId, clientAuthMethod: 'tls_client_auth', issuer: auth.issuer, clientCertificate: { fetch: certificateFetch(identity) }, ...extra };
}

describe.skipIf(!hasOpenssl)('RFC 8705 mutual-TLS client authentication and certificate-bound tokens', () => {
  it('tls_client_auth: the token request goes to the mTLS alias with the certificate only; the token is bound to it and the API accepts it over that certificate', async () => {
    const issued: TokenSet[] = [];
    const pets = client({ auth: { clientCredentials: tlsClient(pki.client) }, onTokens: ({ tokens }) => void issued.push(tokens) });
    await expect(pets.listPets()).resolves.toHaveLength(2);
    await expect(pets.getPet({ petId: 1 })).resolves.toMatchObject({ name: 'Rex' });

    // One token request, at the alias (not the issuer's own /token), authenticated by the certificate alone.
    expect(auth.tokenRequests.map((r) => [r.origin, r.grantType, r.clientId, r.clientAuth, r.paramNames, r.certificateThumbprint, r.status])).toEqual([
      [auth.mtlsOrigin, 'client_credentials', 'keyway-mtls', 'none', ['client_id', 'grant_type', 'scope'], thumbprint(pki.client), 200],
    ]);
    expect(auth.tokenRequests.filter((r) => r.origin === auth.issuer)).toHaveLength(0);
    const bound = { 'x5t#S256': thumbprint(pki.client) };
    expect(api.requests.map((r) => [r.method, r.status, r.certificateThumbprint, r.tokenClaims?.['cnf']])).toEqual([
      ['GET', 200, thumbprint(pki.client), bound],
      ['GET', 200, thumbprint(pki.client), bound],
    ]);
    expect(api.requests[0]!.tokenClaims).toMatchObject({ client_id: 'keyway-mtls', aud: auth.audience });
    expect(issued.map((t) => t.tokenType)).toEqual(['Bearer']);

    // The same token over a connection with a different certificate, or none: refused.
    const authorization = `Bearer ${issued[0]!.accessToken}`;
    const url = `${api.url}/pets`;
    const statuses = [];
    for (const identity of [pki.rogue, undefined, pki.client]) statuses.push((await certificateFetch(identity)(url, { headers: { authorization } })).status);
    expect(statuses).toEqual([401, 401, 200]);
    expect(api.requests.slice(-3).map((r) => [r.certificateThumbprint, r.status, r.errorDescription])).toEqual([
      [thumbprint(pki.rogue), 401, 'certificate does not match the token binding (cnf.x5t#S256)'],
      [undefined, 401, 'no client certificate presented'],
      [thumbprint(pki.client), 200, undefined],
    ]);
  });

  it('self_signed_tls_client_auth on the openIdConnect scheme: the registered self-signed certificate authenticates and binds', async () => {
    const credential = { clientId: MTLS_CLIENTS.selfSigned.clientId, clientAuthMethod: 'self_signed_tls_client_auth', scopes: ['pets:read'], clientCertificate: { fetch: certificateFetch(pki.rogue) } };
    const issued: TokenSet[] = [];
    await expect(client({ auth: { openIdConnect: credential }, onTokens: ({ tokens }) => void issued.push(tokens) }).listPets()).resolves.toHaveLength(2);
    expect(auth.tokenRequests.map((r) => [r.origin, r.clientId, r.clientAuth, r.certificateThumbprint, r.status])).toEqual([[auth.mtlsOrigin, 'keyway-mtls-self-signed', 'none', thumbprint(pki.rogue), 200]]);
    expect(api.requests.map((r) => [r.status, r.tokenClaims?.['cnf']])).toEqual([[200, { 'x5t#S256': thumbprint(pki.rogue) }]]);

    const other = await certificateFetch(pki.client)(`${api.url}/pets`, { headers: { authorization: `Bearer ${issued[0]!.accessToken}` } });
    expect(other.status).toBe(401);
    expect(api.requests.at(-1)).toMatchObject({ certificateThumbprint: thumbprint(pki.client), errorDescription: 'certificate does not match the token binding (cnf.x5t#S256)' });
  });

  it('client_secret_basic with a clientCertificate: Basic authenticates, the certificate binds the token', async () => {
    const { clientId, clientSecret } = MTLS_CLIENTS.boundBasic;
    const credential = { clientId, clientSecret, issuer: auth.issuer, clientCertificate: { fetch: certificateFetch(pki.client) } };
    await expect(client({ auth: { clientCredentials: credential } }).listPets()).resolves.toHaveLength(2);
    expect(auth.tokenRequests.map((r) => [r.origin, r.clientAuth, r.certificateThumbprint, r.status])).toEqual([[auth.mtlsOrigin, 'client_secret_basic', thumbprint(pki.client), 200]]);
    expect(api.requests.map((r) => [r.status, r.tokenClaims?.['cnf']])).toEqual([[200, { 'x5t#S256': thumbprint(pki.client) }]]);
  });

  it('the JWT bearer grant with a clientCertificate: the assertion goes to the alias over the certificate; the token is bound to it, and refused over another', async () => {
    const jwtBearer = { issuer: 'keyway-assertion', subject: 'alice', audience: auth.issuer, privateKey: auth.clientKeys.ES256.privateJwk };
    const credential = (identity: Pem | undefined) => ({ jwtBearer, tokenParams: { client_id: MTLS_CLIENTS.assertion.clientId }, issuer: auth.issuer, clientCertificate: { fetch: certificateFetch(identity) } });
    const issued: TokenSet[] = [];
    await expect(client({ auth: { clientCredentials: credential(pki.client) }, onTokens: ({ tokens }) => void issued.push(tokens) }).listPets()).resolves.toHaveLength(2);
    expect(auth.tokenRequests.map((r) => [r.origin, r.grantType, r.paramNames, r.certificateThumbprint, r.status])).toEqual([
      [auth.mtlsOrigin, 'urn:ietf:params:oauth:grant-type:jwt-bearer', ['assertion', 'client_id', 'grant_type', 'scope'], thumbprint(pki.client), 200],
    ]);
    expect(api.requests.map((r) => [r.status, r.certificateThumbprint, r.tokenClaims?.['sub'], r.tokenClaims?.['cnf']])).toEqual([[200, thumbprint(pki.client), 'alice', { 'x5t#S256': thumbprint(pki.client) }]]);
    const authorization = `Bearer ${issued[0]!.accessToken}`;
    expect((await certificateFetch(pki.rogue)(`${api.url}/pets`, { headers: { authorization } })).status).toBe(401);

    // Without a certificate on the connection the bound client gets no token at all.
    auth.resetCounters();
    await expect(client({ auth: { clientCredentials: credential(undefined) } }).listPets()).rejects.toMatchObject({ name: 'TokenError', error: 'invalid_grant' });
    expect(auth.tokenRequests.map((r) => [r.origin, r.certificateThumbprint, r.status, r.error])).toEqual([[auth.mtlsOrigin, undefined, 400, 'invalid_grant']]);
  });

  it('DPoP with tls_client_auth: the proof names the mTLS alias it is sent to (htu), oidc-provider accepts it there and binds the token to the proof key', async () => {
    const dpopApi = await startDpopResourceServer({ issuer: auth.issuer, jwksUri: auth.jwksUri, audience: auth.audience });
    try {
      const issued: TokenSet[] = [];
      const credential = { ...tlsClient(pki.client), clientId: MTLS_CLIENTS.dpop.clientId, dpop: true };
      const pets = client({ baseUrl: dpopApi.url, auth: { clientCredentials: credential }, onTokens: ({ tokens }) => void issued.push(tokens) });
      await expect(pets.listPets()).resolves.toHaveLength(2);

      // One token request, at the alias, authenticated by the certificate, carrying a proof for that very URL.
      expect(auth.tokenRequests.map((r) => [r.origin, r.clientId, r.clientAuth, r.certificateThumbprint, r.status])).toEqual([[auth.mtlsOrigin, MTLS_CLIENTS.dpop.clientId, 'none', thumbprint(pki.client), 200]]);
      const proof = auth.tokenRequests[0]!.dpopProof!;
      expect(decodeJwt(proof)).toMatchObject({ htm: 'POST', htu: `${auth.mtlsOrigin}/token` });
      const jkt = await calculateJwkThumbprint(decodeProtectedHeader(proof).jwk as JWK);
      // A DPoP token (RFC 9449 §5) bound to the proof key, not to the certificate.
      expect(issued.map((t) => t.tokenType)).toEqual(['DPoP']);
      expect(decodeJwt(issued[0]!.accessToken)['cnf']).toEqual({ jkt });
      // The DPoP resource server: its nonce challenge, then the call with a proof by the same key.
      expect(dpopApi.requests.map((r) => [r.status, r.error, r.proofJkt, r.tokenClaims?.['cnf']])).toEqual([
        [401, 'use_dpop_nonce', jkt, { jkt }],
        [200, undefined, jkt, { jkt }],
      ]);
    } finally {
      await dpopApi.stop();
    }
  });

  it('the builder with built parts (tlsClientAuth(), clientCertificate({ fetch }), dpop()) through the Core: the same requests as the plain credential', async () => {
    const dpopApi = await startDpopResourceServer({ issuer: auth.issuer, jwksUri: auth.jwksUri, audience: auth.audience });
    try {
      type Make = (options?: object) => unknown;
      const built = generated.exports as Record<'clientCredentials' | 'tlsClientAuth' | 'clientCertificate' | 'dpop', Make> & { PetsOAuth20Core: new (options: object) => object; listPets: (core: object) => Promise<unknown[]> };
      const credential = built.clientCredentials({
        clientId: MTLS_CLIENTS.dpop.clientId,
        issuer: auth.issuer,
        clientAuth: built.tlsClientAuth(),
        clientCertificate: built.clientCertificate({ fetch: certificateFetch(pki.client) }),
        dpop: built.dpop(),
      });
      const issued: TokenSet[] = [];
      const core = new built.PetsOAuth20Core({ baseUrl: dpopApi.url, auth: { clientCredentials: credential }, onTokens: ({ tokens }: { tokens: TokenSet }) => void issued.push(tokens) });
      await expect(built.listPets(core)).resolves.toHaveLength(2);
      expect(auth.tokenRequests.map((r) => [r.origin, r.clientId, r.clientAuth, r.paramNames, r.certificateThumbprint, r.status])).toEqual([
        [auth.mtlsOrigin, MTLS_CLIENTS.dpop.clientId, 'none', ['client_id', 'grant_type', 'scope'], thumbprint(pki.client), 200],
      ]);
      const proof = auth.tokenRequests[0]!.dpopProof!;
      expect(decodeJwt(proof)).toMatchObject({ htm: 'POST', htu: `${auth.mtlsOrigin}/token` });
      const jkt = await calculateJwkThumbprint(decodeProtectedHeader(proof).jwk as JWK);
      expect(issued.map((t) => t.tokenType)).toEqual(['DPoP']);
      expect(dpopApi.requests.map((r) => [r.status, r.error, r.proofJkt, r.tokenClaims?.['cnf']])).toEqual([
        [401, 'use_dpop_nonce', jkt, { jkt }],
        [200, undefined, jkt, { jkt }],
      ]);
    } finally {
      await dpopApi.stop();
    }
  });

  it('authorization code: the pushed request, the code exchange and the refresh all go to the aliases with the certificate; every token bound', async () => {
    const clock = shiftedClock();
    const { clientId, redirectUri } = MTLS_CLIENTS.app;
    const credential = { clientId, clientAuthMethod: 'tls_client_auth', issuer: auth.issuer, redirectUri, clientCertificate: { fetch: certificateFetch(pki.client) } };
    const pets = client({ auth: { authorizationCode: credential }, clock: clock.now });
    const flow = pets.authorization('authorizationCode');
    const request = await flow.authorizationUrl({ scopes: ['pets:read'] });
    expect([...new URL(request.url).searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    const callback = await auth.authorizeAtUrl(request.url);
    await flow.exchangeCode({ code: callback.code, codeVerifier: request.codeVerifier, state: callback.state, expectedState: request.state });
    await pets.listPets();
    clock.advance(6_000); // past the 6 s lifetime by the client's clock: it refreshes first
    await pets.listPets();

    const sent = [...auth.pushedAuthorizationRequests, ...auth.tokenRequests];
    expect(sent.map((r) => [r.origin, r.grantType, r.clientId, r.clientAuth, r.certificateThumbprint, r.status])).toEqual([
      [auth.mtlsOrigin, undefined, clientId, 'none', thumbprint(pki.client), 201],
      [auth.mtlsOrigin, 'authorization_code', clientId, 'none', thumbprint(pki.client), 200],
      [auth.mtlsOrigin, 'refresh_token', clientId, 'none', thumbprint(pki.client), 200],
    ]);
    const ok = api.requests.filter((r) => r.status === 200);
    expect(ok.map((r) => r.tokenClaims?.['cnf'])).toEqual(Array(2).fill({ 'x5t#S256': thumbprint(pki.client) }));
    expect(ok[0]!.tokenClaims?.jti).not.toBe(ok[1]!.tokenClaims?.jti);
  });

  it('no certificate on the connection, or one no CA signed: invalid_client from the server, nothing reaches the API', async () => {
    for (const identity of [undefined, pki.rogue]) {
      const call = client({ auth: { clientCredentials: tlsClient(identity) } }).listPets();
      await expect(call).rejects.toBeInstanceOf(generated.mod.TokenError);
      await expect(call).rejects.toMatchObject({ error: 'invalid_client', status: 401 });
    }
    expect(auth.tokenRequests.map((r) => [r.origin, r.certificateThumbprint, r.status, r.error, r.errorDetail])).toEqual([
      [auth.mtlsOrigin, undefined, 401, 'invalid_client', 'client certificate was not provided'],
      [auth.mtlsOrigin, thumbprint(pki.rogue), 401, 'invalid_client', 'client certificate was not verified'],
    ]);
    expect(api.requests).toHaveLength(0);
  });

  it('tls_client_auth without a certificate fetch: a TypeError when the client is made, naming the scheme and the option, no secret in it', () => {
    let error: unknown;
    try {
      client({ auth: { clientCredentials: { clientId: 'keyway-mtls', clientSecret: 'unused-secret-x81', clientAuthMethod: 'tls_client_auth', issuer: auth.issuer } } });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('security scheme "clientCredentials": clientAuthMethod tls_client_auth needs clientCertificate: { fetch } (a fetch whose connections present the client certificate)');
    expect(auth.tokenRequests).toHaveLength(0);
  });
});
