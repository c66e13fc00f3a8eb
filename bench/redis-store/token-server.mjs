// The bench's token endpoint: client credentials on 127.0.0.1, `expires_in` settable between runs,
// and the arrival time of every token request (to count requests per expiry).
import { createServer } from 'node:http';

export async function startTimedTokenServer() {
  let count = 0;
  let expiresIn = 3600;
  const arrivals = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/token') {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_request"}');
        return;
      }
      count += 1;
      arrivals.push(performance.now());
      const body = JSON.stringify({ access_token: `tok-${count}`, token_type: 'Bearer', expires_in: expiresIn });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** Arrival times (performance.now ms) since the last reset. */
    arrivals,
    reset(seconds) {
      expiresIn = seconds;
      arrivals.length = 0;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * Token requests grouped by expiry: requests less than `gapMs` apart answer the same expiry (the
 * processes of a run all see a token go stale at about the same moment).
 */
export function expiriesOf(arrivals, gapMs) {
  let groups = 0;
  let last = -Infinity;
  for (const time of [...arrivals].sort((a, b) => a - b)) {
    if (time - last >= gapMs) groups++;
    last = time;
  }
  return groups;
}
