/**
 * A node:http server on 127.0.0.1 (port from the OS) whose routes get the raw request and
 * response, for answers a well-behaved server never gives: hanging, endless, form-encoded. It
 * counts requests per path and how many of their sockets closed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface RawRequest {
  method: string;
  path: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  form: URLSearchParams;
}

export type RawRoute = (request: RawRequest, response: ServerResponse, count: number) => void;

export interface RawServer {
  origin: string;
  requests: RawRequest[];
  to(path: string): RawRequest[];
  on(path: string, route: RawRoute): void;
  /** Sockets that closed so far (the client gave up on them or was done). */
  readonly closedSockets: number;
  /** Bytes written to responses so far. */
  readonly bytesWritten: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startRawServer(): Promise<RawServer> {
  const routes = new Map<string, RawRoute>();
  const counts = new Map<string, number>();
  const requests: RawRequest[] = [];
  let closedSockets = 0;
  let bytesWritten = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0]!;
      const form = new URLSearchParams(req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? body : '');
      const request: RawRequest = { method: req.method ?? '', path, url: req.url ?? '/', headers: req.headers, body, form };
      requests.push(request);
      const count = (counts.get(path) ?? 0) + 1;
      counts.set(path, count);
      const route = routes.get(path);
      if (route === undefined) {
        res.writeHead(404).end();
        return;
      }
      route(request, res, count);
    });
  });
  server.on('connection', (socket) => {
    socket.on('close', () => {
      closedSockets++;
      bytesWritten += socket.bytesWritten;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    to: (path) => requests.filter((request) => request.path === path),
    on: (path, route) => void routes.set(path, route),
    get closedSockets() {
      return closedSockets;
    },
    get bytesWritten() {
      return bytesWritten;
    },
    reset() {
      requests.length = 0;
      counts.clear();
      routes.clear();
      closedSockets = 0;
      bytesWritten = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** An API route that accepts only the bearer tokens `valid()` lists. */
export function bearerRoute(valid: () => readonly string[]): RawRoute {
  return (request, response) => {
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    if (token === undefined || !valid().includes(token)) json(response, 401, { message: 'unauthorized' }, { 'www-authenticate': 'Bearer error="invalid_token"' });
    else json(response, 200, { token });
  };
}

/** Resolves once `check()` holds, polling; rejects after `ms` (generous: the machine is shared). */
export async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * One RawServer for a test file, reset before each test, whose `/oauth/token` issues `tok-1`,
 * `tok-2`, … (Bearer, an hour): `issued()` is how many this test got. Call at the file's top level.
 */
export function useTokenIssuingServer(): { readonly server: RawServer; issued(): number } {
  let server: RawServer | undefined;
  let issued = 0;
  beforeAll(async () => {
    server = await startRawServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server!.reset();
    issued = 0;
    server!.on('/oauth/token', (_request, response) => json(response, 200, { access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 3600 }));
  });
  return {
    get server() {
      return server!;
    },
    issued: () => issued,
  };
}
