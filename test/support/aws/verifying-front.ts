/**
 * A front for a server that does not check Signature V4 (s3rver accepts any signature from a known
 * key id): every request is verified with AWS's own signer, answered 403 when it fails, and
 * forwarded untouched otherwise. It records each verdict, so tests assert what it saw.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySigV4, type OracleCredentials, type Verdict } from './smithy-oracle.js';

export interface FrontRecord {
  method: string;
  target: string;
  verdict: Verdict;
}

export interface VerifyingFront {
  url: string;
  records: FrontRecord[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * `redirect(target)` may answer a verified request with a 307 to the returned location instead of
 * forwarding it (to test that redirected requests are signed afresh).
 */
export async function startVerifyingFront(
  upstream: { host: string; port: number },
  keys: readonly OracleCredentials[],
  s3: boolean,
  redirect: (target: string) => string | undefined = () => undefined,
): Promise<VerifyingFront> {
  const secrets = new Map(keys.map((key) => [key.accessKeyId, key]));
  const records: FrontRecord[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const target = req.url ?? '/';
      const verdict = await verifySigV4({ method: req.method ?? 'GET', target, headers: req.headers, body }, secrets, s3);
      records.push({ method: req.method ?? 'GET', target, verdict });
      if (!verdict.ok) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>${verdict.reason}</Message></Error>`);
        return;
      }
      const location = redirect(target);
      if (location !== undefined) {
        res.writeHead(307, { location });
        res.end();
        return;
      }
      const forward = httpRequest({ host: upstream.host, port: upstream.port, method: req.method, path: target, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
