/**
 * An independent OAuth 1.0a verifier (RFC 5849 §3): a node:http server that rebuilds the signature
 * base string from what arrived on the wire (method, Host, path, query, form body, oauth_ header
 * fields) with its own encoder, recomputes HMAC-SHA1 / HMAC-SHA256 / PLAINTEXT with node:crypto,
 * and refuses timestamps outside a window and reused nonces (§3.3). Shares no code with the runtime.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OAuth1Seen {
  method: string;
  /** Request target as received: path and query. */
  url: string;
  status: number;
  /** `ok`, or why the request was refused. */
  reason: string;
  /** Fields of the `Authorization: OAuth` header, values decoded. */
  oauth: Record<string, string>;
  /** Every parameter the server put into the base string (query, form body, oauth_*), decoded. */
  signed: Array<[string, string]>;
  body: string;
}

export interface OAuth1Server {
  /** Origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  origin: string;
  /** Every request handled, in order; empty it with `seen.length = 0`. */
  readonly seen: OAuth1Seen[];
  /** Forgets seen requests and used nonces. */
  reset(): void;
  close(): Promise<void>;
}

export interface OAuth1ServerOptions {
  /** Consumer key → consumer secret. */
  consumers: ReadonlyMap<string, string>;
  /** Token → token secret. */
  tokens: ReadonlyMap<string, string>;
  /** Largest accepted distance between oauth_timestamp and the server clock. Default 300. */
  timestampWindowSeconds?: number;
}

// The verifier's own encoder (RFC 5849 §3.6) and form decoder, written without the runtime's helpers.
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
const formDecode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));

function parseForm(text: string): Array<[string, string]> {
  return text
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1 ? [formDecode(pair), ''] : [formDecode(pair.slice(0, equals)), formDecode(pair.slice(equals + 1))];
    });
}

function parseOAuthHeader(header: string | undefined): Record<string, string> | undefined {
  if (header === undefined || !header.startsWith('OAuth ')) return undefined;
  const fields: Record<string, string> = {};
  for (const match of header.slice(6).matchAll(/([a-z_]+)="([^"]*)"/g)) fields[match[1]!] = match[1] === 'realm' ? match[2]! : decodeURIComponent(match[2]!);
  return fields;
}

/** §3.4.1.3.2: parameters sorted by encoded name, then encoded value, joined with `&`. */
function normalize(params: Array<[string, string]>): string {
  return params
    .map(([name, value]) => [encode(name), encode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

interface Arrival {
  method: string;
  host: string;
  target: string;
  contentType: string | undefined;
  body: string;
  authorization: string | undefined;
}

export async function startOAuth1Server(options: OAuth1ServerOptions): Promise<OAuth1Server> {
  const windowSeconds = options.timestampWindowSeconds ?? 300;
  const usedNonces = new Set<string>();
  const seen: OAuth1Seen[] = [];

  function check({ method, host, target, contentType, body, authorization }: Arrival): Omit<OAuth1Seen, 'method' | 'url' | 'body'> {
    const oauth = parseOAuthHeader(authorization);
    if (oauth === undefined) return { status: 401, reason: 'no OAuth header', oauth: {}, signed: [] };
    const fail = (reason: string) => ({ status: 401, reason, oauth, signed: [] });
    const consumerSecret = options.consumers.get(oauth['oauth_consumer_key'] ?? '');
    if (consumerSecret === undefined) return fail('unknown consumer');
    const token = oauth['oauth_token'];
    const tokenSecret = token === undefined ? '' : options.tokens.get(token);
    if (tokenSecret === undefined) return fail('unknown token');
    const timestamp = Number(oauth['oauth_timestamp']);
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > windowSeconds) return fail('timestamp out of window');
    const nonceKey = [timestamp, oauth['oauth_nonce'], oauth['oauth_consumer_key'], token].join('|');
    if (!oauth['oauth_nonce'] || usedNonces.has(nonceKey)) return fail('nonce reused');

    const queryStart = target.indexOf('?');
    const path = queryStart === -1 ? target : target.slice(0, queryStart);
    const signed = queryStart === -1 ? [] : parseForm(target.slice(queryStart + 1));
    if (contentType?.split(';')[0] === 'application/x-www-form-urlencoded') signed.push(...parseForm(body));
    for (const [name, value] of Object.entries(oauth)) if (name !== 'realm' && name !== 'oauth_signature') signed.push([name, value]);
    const base = [method, encode(`http://${host.toLowerCase()}${path}`), encode(normalize(signed))].join('&');
    const key = `${encode(consumerSecret)}&${encode(tokenSecret)}`;
    const signatureMethod = oauth['oauth_signature_method'];
    const expected =
      signatureMethod === 'PLAINTEXT' ? key
      : signatureMethod === 'HMAC-SHA1' ? createHmac('sha1', key).update(base).digest('base64')
      : signatureMethod === 'HMAC-SHA256' ? createHmac('sha256', key).update(base).digest('base64')
      : undefined;
    if (expected === undefined || oauth['oauth_signature'] !== expected) return fail('bad signature');
    usedNonces.add(nonceKey);
    return { status: 200, reason: 'ok', oauth, signed };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? '';
      const url = req.url ?? '';
      const body = Buffer.concat(chunks).toString();
      const result = check({ method, host: req.headers.host ?? '', target: url, contentType: req.headers['content-type'], body, authorization: req.headers.authorization });
      seen.push({ method, url, body, ...result });
      res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify({ reason: result.reason }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    reset() {
      seen.length = 0;
      usedNonces.clear();
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
