/**
 * An HTTP server on 127.0.0.1 that answers every request with `307` to the same path and query on
 * another origin, recording the Authorization header each request carried. As a client's baseUrl it
 * is "the API origin"; the target is a different origin that must receive no credentials.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Redirector {
  url: string;
  /** Authorization header of each request received (undefined when absent). */
  readonly authorizations: (string | undefined)[];
  stop(): Promise<void>;
}

export async function startRedirector(targetOrigin: string): Promise<Redirector> {
  const authorizations: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    res.writeHead(307, { location: new URL(req.url ?? '/', targetOrigin).href }).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
