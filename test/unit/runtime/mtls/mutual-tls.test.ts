/**
 * Mutual TLS for real: a throwaway CA, server and client certificates made with the openssl CLI, a
 * node:https server that demands a client certificate, and a fetch over node:https that presents
 * one (test/support/verifiers/mtls.ts). The runtime only ever sees that fetch.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../../../src/runtime/auth-strategy.js';
import { type FetchLike } from '../../../../src/runtime/client-core.js';
import { testCore } from '../../../support/test-core.js';
import { MutualTlsAuth } from '../../../../src/runtime/mtls/mutual-tls-auth.js';
import type { OperationSpec } from '../../../../src/runtime/operation.js';
import { AuthRequiredError } from '../../../../src/runtime/security.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';
import { hasOpenssl, httpsFetch, makeTestPki, startMtlsServer, type MtlsServer, type Pem, type TestPki } from '../../../support/verifiers/mtls.js';

let pki: TestPki | undefined;
let ca: string;
let client: Pem;
let rogue: Pem;
let server: MtlsServer | undefined;
let baseUrl: string;

beforeAll(async () => {
  if (!hasOpenssl) return;
  pki = makeTestPki('keyway-test-client');
  ({ ca, client, rogue } = pki);
  server = await startMtlsServer(pki);
  baseUrl = server.origin;
}, 15_000);

afterAll(async () => {
  await server?.close();
  pki?.remove();
});

/** Client certificate subjects of the requests the server handled since the last call. */
function takeHandled(): string[] {
  return server!.handled.splice(0);
}

const schemes: Record<string, SchemeSpec> = { clientCert: { type: 'mutualTLS' }, key: { type: 'apiKey', in: 'header', name: 'X-Key' } };
const whoami: OperationSpec = { id: 'whoami', method: 'GET', path: '/whoami', params: [], security: [[['clientCert', []]]] };
const either: OperationSpec = { ...whoami, id: 'either', security: [[['clientCert', []]], [['key', []]]] };

/** The client's own fetch: must not be used for mutual-TLS requests. */
function forbiddenFetch(calls: string[]): FetchLike {
  return async (input) => {
    calls.push(String(input));
    throw new Error('the client fetch was used');
  };
}

describe.skipIf(!hasOpenssl)('mutual TLS against a node:https server that requires a client certificate', () => {
  it('requests using the scheme go through the credential\'s fetch and present the certificate', async () => {
    const calls: string[] = [];
    const auth = createAuthStrategies(schemes, { clientCert: { fetch: httpsFetch({ ...client, ca }) } });
    expect(auth.get('clientCert')).toBeInstanceOf(MutualTlsAuth);
    const core = testCore({ baseUrl, auth, fetch: forbiddenFetch(calls) });
    takeHandled();
    await expect(core.request(whoami, {})).resolves.toEqual({ subject: 'keyway-test-client' });
    expect(takeHandled()).toEqual(['keyway-test-client']);
    expect(calls).toEqual([]);
  });

  it('without a client certificate the handshake fails and the server handles nothing', async () => {
    takeHandled();
    await expect(httpsFetch({ ca })(`${baseUrl}/whoami`)).rejects.toThrow();
    await expect(httpsFetch({ ...rogue, ca })(`${baseUrl}/whoami`)).rejects.toThrow();
    expect(takeHandled()).toEqual([]);
  });

  it('an alternative without mutual TLS uses the client\'s own fetch', async () => {
    const calls: string[] = [];
    const core = testCore({ baseUrl, auth: createAuthStrategies(schemes, { key: 'k' }), fetch: forbiddenFetch(calls) });
    await expect(core.request(either, {})).rejects.toThrow('the client fetch was used');
    expect(calls).toEqual([`${baseUrl}/whoami`]);
  });
});

describe('MutualTlsAuth without a network', () => {
  const CERT = `-----BEGIN CERTIFICATE-----\n${'QUJD'.repeat(16)}\n${'QUJD'.repeat(4)}\n-----END CERTIFICATE-----\n`;
  const KEY_BODY = 'S0VZ'.repeat(16);
  const KEY = `-----BEGIN PRIVATE KEY-----\n${KEY_BODY}\n-----END PRIVATE KEY-----\n`;
  const fetch: FetchLike = async () => new Response('{}');

  it('an operation that needs mutual TLS without the credential is refused before any request', async () => {
    const calls: string[] = [];
    const core = testCore({ baseUrl: 'https://api.test', auth: createAuthStrategies(schemes, {}), fetch: forbiddenFetch(calls) });
    const error: unknown = await core.request(whoami, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthRequiredError);
    expect(error).toMatchObject({ alternatives: [['clientCert']] });
    expect(calls).toEqual([]);
  });

  it('refuses plain http: there is no handshake to present the certificate in', async () => {
    const core = testCore({ baseUrl: 'http://api.test', auth: createAuthStrategies(schemes, { clientCert: { fetch } }) });
    await expect(core.request(whoami, {})).rejects.toThrow(/security scheme "clientCert" \(mutual TLS\) needs an https URL/);
  });

  it.each([
    ['cert and key beside fetch', { cert: CERT, key: KEY, fetch }, /cert, key would not be used: configure the certificate and key on the fetch/],
    ['a ca and passphrase', { ca: CERT, passphrase: 'pw', fetch }, /ca, passphrase would not be used/],
    ['no fetch', { fetch: undefined }, /fetch must be a function/],
  ])('rejects %s, naming the scheme and never the key', (_, credential, message) => {
    const make = () => createAuthStrategies(schemes, { clientCert: credential });
    expect(make).toThrow(TypeError);
    expect(make).toThrow(message);
    expect(make).toThrow(/"clientCert"/);
    expect(make).not.toThrow(new RegExp(KEY_BODY.slice(0, 12)));
  });

  it('inspect and JSON show neither certificate nor key', () => {
    const strategy = new MutualTlsAuth('clientCert', { fetch });
    expect(strategy.transport).toBe(fetch);
    const core = testCore({ baseUrl: 'https://api.test', auth: new Map([['clientCert', strategy]]) });
    for (const text of [inspect(strategy, { showHidden: true, depth: 10 }), JSON.stringify(strategy), inspect(core, { depth: 10 })]) {
      expect(text).not.toMatch(/QUJD|S0VZ|BEGIN|PASSPHRASE/);
    }
  });
});
