import { createServer } from 'node:net';

/**
 * A port the OS considers free right now on `host`. Another process can still take it before the
 * caller binds it, so callers must retry on EADDRINUSE.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('listening on port 0 gave no TCP address'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
