/**
 * A local HTTP server on 127.0.0.1 that records every request exactly as it arrived (raw target,
 * headers, body) and answers with whatever the test queued for it.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The raw request target, still percent-encoded: `/a%20b?x=1`. */
  target: string;
  /** The path, percent-decoded. */
  path: string;
  /** Query pairs, percent-decoded, in order. */
  query: Array<[string, string]>;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  /** The reply to the next request; 204 with no body when nothing is queued. */
  reply(reply: Reply): void;
  stop(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const replies: Reply[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = req.url ?? '';
      const queryStart = target.indexOf('?');
      const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
      const rawQuery = queryStart === -1 ? '' : target.slice(queryStart + 1);
      requests.push({
        method: req.method ?? '',
        target,
        path: decodeURIComponent(rawPath),
        // Split by hand: URLSearchParams would read `+` as a space.
        query: rawQuery === '' ? [] : rawQuery.split('&').map((pair) => {
          const eq = pair.indexOf('=');
          return eq === -1 ? [decodeURIComponent(pair), ''] : [decodeURIComponent(pair.slice(0, eq)), decodeURIComponent(pair.slice(eq + 1))];
        }),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = replies.shift() ?? { status: 204 };
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (reply) => replies.push(reply),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Parses a `Cookie` header into decoded pairs. */
export function cookiePairs(header: string | undefined): Array<[string, string]> {
  if (!header) return [];
  return header.split('; ').map((pair) => {
    const eq = pair.indexOf('=');
    return [decodeURIComponent(pair.slice(0, eq)), decodeURIComponent(pair.slice(eq + 1))];
  });
}
