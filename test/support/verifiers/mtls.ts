/**
 * Mutual TLS for real: a throwaway CA with server and client certificates made by the openssl CLI,
 * a node:https server that demands a client certificate signed by that CA, and a `fetch` over
 * node:https that presents one (what an application passes as the mutual-TLS credential's fetch).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { FetchLike } from '../../../src/runtime/client-core.js';

/** Tests needing certificates skip without the openssl CLI. */
export const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

export interface Pem {
  cert: string;
  key: string;
}

export interface TestPki {
  /** PEM of the CA that signed `server` and `client`. */
  ca: string;
  /** For 127.0.0.1 (IP SAN), serverAuth. */
  server: Pem;
  /** CN `clientCn`, clientAuth, signed by the CA. */
  client: Pem;
  /** Same CN as `client` but self-signed: a server trusting only the CA must refuse it. */
  rogue: Pem;
  /** Deletes the working directory (keys included). */
  remove(): void;
}

/** Makes a CA and EC (P-256) certificates valid for one day in a temp dir. Synchronous, ~100 ms. */
export function makeTestPki(clientCn = 'keyway-test-client'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'keyway-mtls-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = (name: string) => ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`];
  const read = (name: string): Pem => ({ cert: readFileSync(join(dir, `${name}.crt`), 'utf8'), key: readFileSync(join(dir, `${name}.key`), 'utf8') });

  function issue(name: string, cn: string, extensions: string): Pem {
    writeFileSync(join(dir, `${name}.ext`), extensions);
    openssl('req', ...ec(name), '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '1', '-extfile', `${name}.ext`);
    return read(name);
  }

  try {
    openssl('req', '-x509', ...ec('ca'), '-out', 'ca.crt', '-days', '1', '-subj', '/CN=keyway test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
    const server = issue('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    const client = issue('client', clientCn, 'extendedKeyUsage=clientAuth\n');
    openssl('req', '-x509', ...ec('rogue'), '-out', 'rogue.crt', '-days', '1', '-subj', `/CN=${clientCn}`);
    return { ca: readFileSync(join(dir, 'ca.crt'), 'utf8'), server, client, rogue: read('rogue'), remove: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export interface MtlsServer {
  /** Origin, e.g. `https://127.0.0.1:41234`. */
  origin: string;
  /** Client certificate CN of every request handled, in order. Requests without one never get here. */
  readonly handled: string[];
  close(): Promise<void>;
}

/** A node:https server on 127.0.0.1 that requires a client certificate from the PKI's CA; answers `{ subject: <CN> }`. */
export async function startMtlsServer(pki: TestPki): Promise<MtlsServer> {
  const handled: string[] = [];
  const server = createServer({ ...pki.server, ca: pki.ca, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const subject = String((req.socket as TLSSocket).getPeerCertificate().subject.CN);
    handled.push(subject);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ subject }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    handled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Request bodies this fetch can send; anything else is refused rather than silently dropped. */
function bodyText(body: BodyInit | null | undefined): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  throw new TypeError('this test fetch sends string and URLSearchParams bodies only');
}

/** A FetchLike over node:https with the given TLS identity (omit cert/key to present none); no connection reuse. */
export function httpsFetch(tls: { cert?: string; key?: string; ca: string }): FetchLike {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      if (input instanceof Request) throw new TypeError('this test fetch takes a URL');
      const body = bodyText(init?.body);
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
      req.end(body);
    });
}
