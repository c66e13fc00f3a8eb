/**
 * What the three pets resource servers (resource-server.ts, dpop-resource-server.ts,
 * mtls-resource-server.ts) do alike: JSON replies, request bodies, scope checks, and listening on
 * 127.0.0.1 on a port the OS picks until the test stops them.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { JWTPayload } from 'jose';
import type { Reply } from './pets-api.js';

export function send(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}): void {
  res.writeHead(reply.status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The scopes an access token's `scope` claim grants. */
export function grantedScopes(claims: JWTPayload): Set<string> {
  return new Set(typeof claims['scope'] === 'string' ? claims['scope'].split(' ') : []);
}

/**
 * A request listener around `handle`: an error it throws (not a refusal it answers itself) is a 500,
 * recorded on the request being handled, so a test sees it instead of a hung call.
 */
export function answering(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, requests: ReadonlyArray<{ status: number }>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      const record = requests.at(-1) as { status: number } | undefined;
      if (record !== undefined && record.status === 0) record.status = 500;
      if (!res.headersSent) send(res, { status: 500, body: { error: 'server_error', error_description: String(error) } });
    });
  };
}

/** Listens on 127.0.0.1 on a port the OS picks; `stop` closes the listener and its open connections. */
export async function listenLocally(server: Server | HttpsServer): Promise<{ port: number; stop(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
