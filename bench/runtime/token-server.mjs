// A real OAuth 2.0 token endpoint on 127.0.0.1 (RFC 6749 §4.4 client credentials, §5.1 answer) that
// counts what it is asked: the stampede check needs the number of token requests a server saw.
import { createServer } from 'node:http';

/**
 * Resolves { url, requests(), close() }. Every POST /token gets a new token `tok-<n>` with
 * `expires_in` seconds; `delayMs` holds each answer back like a busy authorization server.
 */
export async function startTokenServer({ expiresIn = 3600, delayMs = 0 } = {}) {
  let count = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const authenticated = /^Basic /i.test(req.headers.authorization ?? '');
      if (req.method !== 'POST' || req.url !== '/token' || form.get('grant_type') !== 'client_credentials' || !authenticated) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_request"}');
        return;
      }
      count += 1;
      const body = JSON.stringify({ access_token: `tok-${count}`, token_type: 'Bearer', expires_in: expiresIn });
      const answer = () => res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
