/**
 * An independent HTTP Digest verifier (RFC 7616, qop=auth): a node:http server that challenges with
 * `WWW-Authenticate: Digest`, recomputes every answer with node:crypto, tracks nonce counts (a
 * repeated or lower nc is a replay), and declares nonces stale after a configurable number of uses.
 * It shares no code with the runtime, so agreement between the two means something.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

export interface DigestServerConfig {
  /** Digest challenges to offer, in order; a Basic challenge always comes first. */
  algorithms: DigestAlgorithm[];
  /** Answer `stale=true` once a nonce has been used this many times. */
  maxUsesPerNonce: number;
  userhash: boolean;
  /** Send each challenge as its own WWW-Authenticate header field. */
  separateFields: boolean;
}

export interface DigestSeen {
  method: string;
  /** Request target as received: path and query. */
  url: string;
  status: number;
  /** Parsed Digest Authorization fields, if any. */
  auth: Record<string, string> | undefined;
  /** The nonce count the request claimed (0 when it carried no Digest answer). */
  nc: number;
  /** The nonce the request answered, if any. */
  nonce: string | undefined;
  body: string;
}

export interface DigestServer {
  /** Origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  origin: string;
  realm: string;
  /** Mutable: tests change it between requests. */
  config: DigestServerConfig;
  /** Every request handled, in order; empty it with `seen.length = 0`. */
  readonly seen: DigestSeen[];
  /** Default config, no requests seen, every nonce forgotten. */
  reset(config?: Partial<DigestServerConfig>): void;
  close(): Promise<void>;
}

export const DEFAULT_DIGEST_CONFIG: Readonly<DigestServerConfig> = { algorithms: ['MD5'], maxUsesPerNonce: 100, userhash: false, separateFields: false };

function defaultsWith(overrides: Partial<DigestServerConfig>): DigestServerConfig {
  return { ...DEFAULT_DIGEST_CONFIG, algorithms: [...DEFAULT_DIGEST_CONFIG.algorithms], ...overrides };
}

/** The verifier's own reading of an `Authorization: Digest` value. */
export function parseDigestAuthorization(header: string | undefined): Record<string, string> | undefined {
  if (header === undefined || !/^Digest /i.test(header)) return undefined;
  const fields: Record<string, string> = {};
  for (const match of header.slice(7).matchAll(/([A-Za-z*]+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    fields[match[1]!] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!;
  }
  return fields;
}

/** H() of RFC 7616 for `algorithm`, lower-case hex. */
export function digestHash(algorithm: string, data: string): string {
  return createHash(algorithm.startsWith('MD5') ? 'md5' : 'sha256').update(data, 'utf8').digest('hex');
}

/** Starts a verifier on 127.0.0.1 (random port) that knows `users` (username → password). */
export async function startDigestServer(options: { users: ReadonlyMap<string, string>; realm?: string; config?: Partial<DigestServerConfig> }): Promise<DigestServer> {
  const realm = options.realm ?? 'api@keyway.test';
  const users = options.users;
  const nonces = new Map<string, { lastNc: number; uses: number }>();
  const seen: DigestSeen[] = [];
  let config = defaultsWith(options.config ?? {});

  function issueNonce(): string {
    const nonce = randomBytes(12).toString('base64');
    nonces.set(nonce, { lastNc: 0, uses: 0 });
    return nonce;
  }

  function challenges(stale: boolean): string[] {
    const nonce = issueNonce();
    const digest = config.algorithms.map(
      (algorithm) =>
        `Digest realm="${realm}", qop="auth-int, auth", algorithm=${algorithm}, nonce="${nonce}", opaque="op\\"aque"` +
        (stale ? ', stale=true' : '') +
        (config.userhash ? ', userhash=true' : ''),
    );
    return ['Basic realm="fallback, not used"', ...digest];
  }

  /** Status the request earns: 200 for a correct, fresh answer; 401 (maybe stale) otherwise. */
  function verify(method: string, url: string, auth: Record<string, string> | undefined): { status: number; stale: boolean } {
    const refuse = { status: 401, stale: false };
    if (auth === undefined) return refuse;
    const algorithm = auth['algorithm'] ?? 'MD5';
    if (!config.algorithms.includes(algorithm as DigestAlgorithm)) return refuse;
    const state = nonces.get(auth['nonce'] ?? '');
    if (state === undefined || auth['uri'] !== url || auth['realm'] !== realm || auth['qop'] !== 'auth' || auth['opaque'] !== 'op"aque') return refuse;
    const username = config.userhash ? [...users.keys()].find((name) => digestHash(algorithm, `${name}:${realm}`) === auth['username']) : auth['username'];
    const password = username === undefined ? undefined : users.get(username);
    if (password === undefined) return refuse;
    let ha1 = digestHash(algorithm, `${username}:${realm}:${password}`);
    if (algorithm.endsWith('-sess')) ha1 = digestHash(algorithm, `${ha1}:${auth['nonce']}:${auth['cnonce']}`);
    const expected = digestHash(algorithm, [ha1, auth['nonce'], auth['nc'], auth['cnonce'], 'auth', digestHash(algorithm, `${method}:${url}`)].join(':'));
    if (auth['response'] !== expected) return refuse;
    const nc = Number.parseInt(auth['nc'] ?? '', 16);
    if (!/^[0-9a-f]{8}$/.test(auth['nc'] ?? '') || nc <= state.lastNc) return refuse; // a replay
    state.lastNc = nc;
    state.uses += 1;
    if (state.uses > config.maxUsesPerNonce) return { status: 401, stale: true };
    return { status: 200, stale: false };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? '';
      const url = req.url ?? '';
      const auth = parseDigestAuthorization(req.headers.authorization);
      const { status, stale } = verify(method, url, auth);
      const nc = auth?.['nc'] === undefined ? 0 : Number.parseInt(auth['nc'], 16);
      seen.push({ method, url, status, auth, nc, nonce: auth?.['nonce'], body: Buffer.concat(chunks).toString() });
      if (status === 401) {
        const values = challenges(stale);
        res.setHeader('www-authenticate', config.separateFields ? values : values.join(', '));
        res.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    realm,
    get config() {
      return config;
    },
    set config(next: DigestServerConfig) {
      config = next;
    },
    seen,
    reset(overrides = {}) {
      config = defaultsWith(overrides);
      seen.length = 0;
      nonces.clear();
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
