/**
 * `@node-oauth/oauth2-server` (an independent OAuth 2.0 server library) behind node:http on
 * 127.0.0.1: one confidential client, the client credentials grant, and a bearer-protected
 * /api/pets. It counts what it received: token requests, how the client authenticated, and
 * whether the client was accepted.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OAuth2Server from '@node-oauth/oauth2-server';

export interface NodeOAuthServer {
  origin: string;
  /** One entry per token request: the client id it claimed and whether getClient accepted it. */
  tokenRequests: Array<{ clientId: string; accepted: boolean; basic: boolean }>;
  apiCalls: number;
  close(): Promise<void>;
}

export async function startNodeOAuthServer(client: { id: string; secret: string }): Promise<NodeOAuthServer> {
  const tokens = new Map<string, { accessTokenExpiresAt: Date }>();
  const tokenRequests: NodeOAuthServer['tokenRequests'] = [];
  let apiCalls = 0;
  const oauth = new OAuth2Server({
    model: {
      getClient: async (clientId: string, clientSecret: string) => {
        const accepted = clientId === client.id && clientSecret === client.secret;
        tokenRequests[tokenRequests.length - 1]!.accepted = accepted;
        tokenRequests[tokenRequests.length - 1]!.clientId = clientId;
        return accepted ? { id: clientId, grants: ['client_credentials'] } : false;
      },
      getUserFromClient: async () => ({ id: 'service' }),
      saveToken: async (token: OAuth2Server.Token, savedClient: OAuth2Server.Client, user: OAuth2Server.User) => {
        tokens.set(token.accessToken, { accessTokenExpiresAt: token.accessTokenExpiresAt! });
        return { ...token, client: savedClient, user };
      },
      getAccessToken: async (accessToken: string) => {
        const token = tokens.get(accessToken);
        return token === undefined ? false : { accessToken, accessTokenExpiresAt: token.accessTokenExpiresAt, client: { id: client.id, grants: [] }, user: { id: 'service' } };
      },
    } as OAuth2Server.ClientCredentialsModel,
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
      const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const request = new OAuth2Server.Request({ method: req.method ?? 'GET', headers, query: {}, body });
      const response = new OAuth2Server.Response({ headers: {} });
      const send = (status: number, payload: unknown): void => {
        res.writeHead(status, { ...response.headers, 'content-type': 'application/json' }).end(JSON.stringify(payload));
      };
      if (path === '/oauth/token') {
        tokenRequests.push({ clientId: '', accepted: false, basic: headers['authorization']?.startsWith('Basic ') === true });
        oauth.token(request, response).then(
          () => send(response.status ?? 200, response.body),
          (error: { code?: number; name?: string; message?: string }) => send(error.code ?? 500, { error: error.name, error_description: error.message }),
        );
      } else if (path === '/api/pets') {
        apiCalls++;
        oauth.authenticate(request, response).then(
          () => send(200, { pets: [] }),
          (error: { code?: number }) => send(error.code ?? 401, { message: 'unauthorized' }),
        );
      } else send(404, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    tokenRequests,
    get apiCalls() {
      return apiCalls;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
