/**
 * The README's mutual-TLS recipe, run as written: Node's global fetch with an undici 7 Agent
 * (the devDependency pinned for this; undici 8 needs Node ≥ 22.19) as `dispatcher`, against a
 * node:https server that demands a client certificate from the test CA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { testCore } from '../support/test-core.js';
import { MutualTlsAuth } from '../../src/runtime/mtls/mutual-tls-auth.js';
import type { OperationSpec } from '../../src/runtime/operation.js';
import { hasOpenssl, makeTestPki, startMtlsServer, type MtlsServer, type TestPki } from '../support/verifiers/mtls.js';

const whoami: OperationSpec = { id: 'whoami', method: 'GET', path: '/whoami', params: [], security: [[['clientCert', []]]] };

let pki: TestPki | undefined;
let server: MtlsServer | undefined;
beforeAll(async () => {
  if (!hasOpenssl) return;
  pki = makeTestPki('keyway-undici-client');
  server = await startMtlsServer(pki);
}, 15_000);
afterAll(async () => {
  await server?.close();
  pki?.remove();
});

describe.skipIf(!hasOpenssl)('mutual TLS with undici 7 on Node ' + process.versions.node, () => {
  it('the recipe presents the certificate; the server sees its subject', async () => {
    const dispatcher = new Agent({ connect: { cert: pki!.client.cert, key: pki!.client.key, ca: pki!.ca } });
    try {
      const clientCert = new MutualTlsAuth('clientCert', { fetch: (input, init) => fetch(input, { ...init, dispatcher } as RequestInit) });
      const core = testCore({ baseUrl: server!.origin, auth: new Map([['clientCert', clientCert]]) });
      server!.handled.length = 0;
      await expect(core.request(whoami, {})).resolves.toEqual({ subject: 'keyway-undici-client' });
      await expect(core.request(whoami, {})).resolves.toEqual({ subject: 'keyway-undici-client' });
      expect(server!.handled).toEqual(['keyway-undici-client', 'keyway-undici-client']);
    } finally {
      await dispatcher.close();
    }
  });

  it('without the certificate on the dispatcher the handshake fails and the server handles nothing', async () => {
    const dispatcher = new Agent({ connect: { ca: pki!.ca } });
    try {
      const clientCert = new MutualTlsAuth('clientCert', { fetch: (input, init) => fetch(input, { ...init, dispatcher } as RequestInit) });
      const core = testCore({ baseUrl: server!.origin, auth: new Map([['clientCert', clientCert]]) });
      server!.handled.length = 0;
      await expect(core.request(whoami, {})).rejects.toThrow();
      expect(server!.handled).toEqual([]);
    } finally {
      await dispatcher.close();
    }
  });
});
