/**
 * A pass-through proxy in front of the real authorization server that can hold a request forever
 * (until its client goes away): the way to catch a process in the middle of a token request.
 * Records when each request arrived.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StallingProxy {
  url: string;
  /** Date.now() at each request's arrival, held ones included. */
  arrivals: number[];
  /** Requests currently held. */
  readonly held: number;
  /** The next request is held instead of forwarded. */
  holdNext(): void;
  stop(): Promise<void>;
}

export async function startStallingProxy(target: string): Promise<StallingProxy> {
  const upstream = new URL(target);
  const arrivals: number[] = [];
  let holdNext = false;
  let held = 0;
  const server = createServer((req, res) => {
    arrivals.push(Date.now());
    if (holdNext) {
      holdNext = false;
      held++;
      req.resume();
      res.on('close', () => held--);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forward = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    get held() {
      return held;
    },
    holdNext: () => void (holdNext = true),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
