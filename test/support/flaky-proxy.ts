/**
 * A pass-through HTTP proxy on 127.0.0.1 that forwards every request to `target` (a real server)
 * and relays its answer, except the first `fail` 2xx answers: those are replaced with `status`
 * (503 by default) and an optional Retry-After, after `onFail` runs. The upstream still received
 * and judged those requests, so retries can be checked against what the real server counted.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** Status the upstream answered with, and the one the client got. */
  upstreamStatus: number;
  sentStatus: number;
}

export interface FlakyProxy {
  url: string;
  requests: ProxiedRequest[];
  stop(): Promise<void>;
}

export async function startFlakyProxy(target: string, options: { fail: number; status?: number; retryAfter?: string; onFail?: () => void }): Promise<FlakyProxy> {
  const upstream = new URL(target);
  const requests: ProxiedRequest[] = [];
  let failsLeft = options.fail;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const record: ProxiedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, upstreamStatus: 0, sentStatus: 0 };
      requests.push(record);
      const forward = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          record.upstreamStatus = answer.statusCode ?? 0;
          if (failsLeft > 0 && record.upstreamStatus >= 200 && record.upstreamStatus < 300) {
            failsLeft--;
            answer.resume();
            options.onFail?.();
            record.sentStatus = options.status ?? 503;
            res.writeHead(record.sentStatus, options.retryAfter === undefined ? {} : { 'retry-after': options.retryAfter });
            res.end();
            return;
          }
          record.sentStatus = record.upstreamStatus;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        record.sentStatus = 502;
        res.writeHead(502).end();
      });
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
