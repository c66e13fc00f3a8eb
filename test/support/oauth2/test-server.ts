/**
 * A tiny HTTP server on 127.0.0.1 that records every request (method, path, headers, form fields,
 * how the client authenticated) and answers from per-path handlers. Plays token endpoint,
 * discovery document and API alike.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ClientAuthSeen = 'basic' | 'post' | 'jwt' | 'none';

export interface Recorded {
  method: string;
  path: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  form: URLSearchParams;
  grantType: string | null;
  clientAuth: ClientAuthSeen;
  /** From HTTP Basic, decoded as RFC 6749 §2.3.1 says (base64, then form-decoding of each part). */
  basic?: { id: string; secret: string };
}

export interface Reply {
  status?: number;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

export type Handler = (request: Recorded, count: number) => Reply | Promise<Reply>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: Recorded[];
  /** Requests to one path. */
  to(path: string): Recorded[];
  on(path: string, handler: Handler): void;
  /** Forgets recorded requests, per-path counts and handlers. */
  reset(): void;
  close(): Promise<void>;
}

function formDecode(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, '%20'));
}

function clientAuthOf(headers: IncomingHttpHeaders, form: URLSearchParams): Pick<Recorded, 'clientAuth' | 'basic'> {
  const authorization = headers.authorization;
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { clientAuth: 'basic', basic: { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) } };
  }
  if (form.has('client_assertion')) return { clientAuth: 'jwt' };
  if (form.has('client_secret')) return { clientAuth: 'post' };
  return { clientAuth: 'none' };
}

export async function startServer(): Promise<TestServer> {
  const handlers = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      const path = url.split('?')[0]!;
      const form = new URLSearchParams(req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? body : '');
      const recorded: Recorded = { method: req.method ?? '', path, url, headers: req.headers, body, form, grantType: form.get('grant_type'), ...clientAuthOf(req.headers, form) };
      requests.push(recorded);
      const count = (counts.get(path) ?? 0) + 1;
      counts.set(path, count);
      const handler = handlers.get(path);
      Promise.resolve(handler === undefined ? { status: 404, json: { error: 'not_found' } } : handler(recorded, count))
        .then((reply) => {
          const headers: Record<string, string> = { ...reply.headers };
          let text = reply.body ?? '';
          if (reply.json !== undefined) {
            text = JSON.stringify(reply.json);
            headers['content-type'] ??= 'application/json';
          }
          res.writeHead(reply.status ?? 200, headers);
          res.end(text);
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    to: (path) => requests.filter((request) => request.path === path),
    on: (path, handler) => void handlers.set(path, handler),
    reset: () => {
      requests.length = 0;
      counts.clear();
      handlers.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A token response body. */
export function tokenJson(accessToken: string, extra: Record<string, unknown> = {}): Reply {
  return { json: { access_token: accessToken, token_type: 'Bearer', ...extra } };
}

/** An API route that accepts exactly the tokens `valid()` lists and echoes the one it got. */
export function bearerApi(valid: () => readonly string[]): Handler {
  return (request) => {
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    if (token === undefined || !valid().includes(token)) return { status: 401, json: { message: 'unauthorized' }, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
    return { json: { token } };
  };
}

/** A controllable clock; sleep advances it instead of waiting. */
export function fakeClock(start = 1_700_000_000_000) {
  const clock = {
    now: start,
    sleeps: [] as number[],
    tick(ms: number) {
      clock.now += ms;
    },
    env: {
      now: () => clock.now,
      sleep: (ms: number) => {
        clock.sleeps.push(ms);
        clock.now += ms;
        return Promise.resolve();
      },
    },
  };
  return clock;
}
