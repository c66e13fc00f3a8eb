/**
 * Mutual TLS for real: a throwaway CA, server and client certificates made with the openssl CLI, a
 * node:https server that demands a client certificate, and a fetch over node:https that presents
 * one. The runtime only ever sees that fetch.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpsRequest, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthRequiredError, ClientCore, createAuthStrategies, MutualTlsAuth, type FetchLike, type OperationSpec, type SchemeSpec } from '../../../src/runtime/index.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

interface Pem {
  cert: string;
  key: string;
}

let dir: string;
let ca: string;
let client: Pem;
let rogue: Pem;
let server: Server;
let baseUrl: string;
/** Client certificate subjects of the requests the server handled. */
let handled: string[] = [];

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** An EC key and a certificate for `cn`, signed by the test CA (or self-signed when `selfSigned`). */
function issue(name: string, cn: string, extensions: string, selfSigned = false): Pem {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`];
  if (selfSigned) {
    openssl('req', '-x509', ...ec, '-out', `${name}.crt`, '-days', '1', '-subj', `/CN=${cn}`);
  } else {
    writeFileSync(join(dir, `${name}.ext`), extensions);
    openssl('req', ...ec, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '1', '-extfile', `${name}.ext`);
  }
  return { cert: readFileSync(join(dir, `${name}.crt`), 'utf8'), key: readFileSync(join(dir, `${name}.key`), 'utf8') };
}

/** What an application would write: a FetchLike over node:https that presents the given TLS identity. */
function httpsFetch(tls: { cert?: string; key?: string; ca: string }): FetchLike {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      if (input instanceof Request) throw new TypeError('this test fetch takes a URL');
      const headers = Object.fromEntries(new Headers(init?.headers));
      const req = httpsRequest(new URL(input), { method: init?.method ?? 'GET', headers, ...tls, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers: responseHeaders }));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(typeof init?.body === 'string' ? init.body : undefined);
    });
}

beforeAll(async () => {
  if (!hasOpenssl) return;
  dir = mkdtempSync(join(tmpdir(), 'keyway-mtls-'));
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1',
    '-subj', '/CN=keyway test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  ca = readFileSync(join(dir, 'ca.crt'), 'utf8');
  const serverPem = issue('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  client = issue('client', 'keyway-test-client', 'extendedKeyUsage=clientAuth\n');
  rogue = issue('rogue', 'keyway-test-client', '', true);

  server = createServer({ ...serverPem, ca, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const subject = String((req.socket as TLSSocket).getPeerCertificate().subject.CN);
    handled.push(subject);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ subject }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 15_000);

afterAll(async () => {
  if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

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
    const auth = createAuthStrategies(schemes, { clientCert: { ...client, ca, fetch: httpsFetch({ ...client, ca }) } });
    expect(auth.get('clientCert')).toBeInstanceOf(MutualTlsAuth);
    const core = new ClientCore({ baseUrl, auth, fetch: forbiddenFetch(calls) });
    handled = [];
    await expect(core.request(whoami, {})).resolves.toEqual({ subject: 'keyway-test-client' });
    expect(handled).toEqual(['keyway-test-client']);
    expect(calls).toEqual([]);
  });

  it('without a client certificate the handshake fails and the server handles nothing', async () => {
    handled = [];
    await expect(httpsFetch({ ca })(`${baseUrl}/whoami`)).rejects.toThrow();
    await expect(httpsFetch({ ...rogue, ca })(`${baseUrl}/whoami`)).rejects.toThrow();
    expect(handled).toEqual([]);
  });

  it('an alternative without mutual TLS uses the client\'s own fetch', async () => {
    const calls: string[] = [];
    const core = new ClientCore({ baseUrl, auth: createAuthStrategies(schemes, { key: 'k' }), fetch: forbiddenFetch(calls) });
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
    const core = new ClientCore({ baseUrl: 'https://api.test', auth: createAuthStrategies(schemes, {}), fetch: forbiddenFetch(calls) });
    const error: unknown = await core.request(whoami, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthRequiredError);
    expect(error).toMatchObject({ alternatives: [['clientCert']] });
    expect(calls).toEqual([]);
  });

  it('refuses plain http: there is no handshake to present the certificate in', async () => {
    const core = new ClientCore({ baseUrl: 'http://api.test', auth: createAuthStrategies(schemes, { clientCert: { cert: CERT, key: KEY, fetch } }) });
    await expect(core.request(whoami, {})).rejects.toThrow(/security scheme "clientCert" \(mutual TLS\) needs an https URL/);
  });

  it('accepts a legacy encrypted RSA key and a CA bundle', () => {
    const encrypted = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----\n`;
    expect(() => new MutualTlsAuth('m', { cert: CERT, key: encrypted, ca: CERT + CERT, passphrase: 'pw', fetch })).not.toThrow();
  });

  it.each([
    ['cert and key swapped', { cert: KEY, key: CERT }, /cert must be PEM text of a certificate/],
    ['a file path instead of the key', { cert: CERT, key: './client.key' }, /key must be PEM text of one private key/],
    ['a truncated key', { cert: CERT, key: KEY.slice(0, 60) }, /key must be PEM text of one private key/],
    ['a key with a corrupt body', { cert: CERT, key: KEY.replace('S0VZ', 'S0V!') }, /key must be PEM text of one private key/],
    ['two keys', { cert: CERT, key: KEY + KEY }, /key must be PEM text of one private key/],
    ['a key as ca', { cert: CERT, key: KEY, ca: KEY }, /ca must be PEM text of one or more certificates/],
    ['no fetch', { cert: CERT, key: KEY, fetch: undefined }, /fetch must be a function/],
    ['a non-string passphrase', { cert: CERT, key: KEY, passphrase: 42 }, /passphrase must be a string/],
  ])('rejects %s, naming the scheme and never the key', (_, credential, message) => {
    const make = () => createAuthStrategies(schemes, { clientCert: { fetch, ...credential } });
    expect(make).toThrow(TypeError);
    expect(make).toThrow(message);
    expect(make).toThrow(/"clientCert"/);
    expect(make).not.toThrow(new RegExp(KEY_BODY.slice(0, 12)));
  });

  it('inspect and JSON show neither certificate nor key', () => {
    const strategy = new MutualTlsAuth('clientCert', { cert: CERT, key: KEY, ca: CERT, passphrase: 'PASSPHRASE', fetch });
    expect(strategy.transport).toBe(fetch);
    const core = new ClientCore({ baseUrl: 'https://api.test', auth: new Map([['clientCert', strategy]]) });
    for (const text of [inspect(strategy, { showHidden: true, depth: 10 }), JSON.stringify(strategy), inspect(core, { depth: 10 })]) {
      expect(text).not.toMatch(/QUJD|S0VZ|BEGIN|PASSPHRASE/);
    }
  });
});
