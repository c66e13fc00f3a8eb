/**
 * AWS's own signer (`@smithy/signature-v4`, the one every AWS SDK for JavaScript uses) as the
 * oracle for our signatures, and a verifier built on it for servers that must refuse bad ones.
 */
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface OracleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface OracleScope {
  region: string;
  service: string;
  s3: boolean;
}

export interface OracleRequest {
  method: string;
  /** Path and query exactly as sent (already percent-encoded). */
  url: URL;
  /** Only the headers to sign; smithy signs every header it is given. */
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The query as smithy's HttpRequest holds it: decoded, repeated keys as arrays, `?flag` as ''. */
export function smithyQuery(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = decode(equals === -1 ? part : part.slice(0, equals));
    const value = equals === -1 ? '' : decode(part.slice(equals + 1));
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

/** smithy's signed headers for the request (authorization, x-amz-date, …), names lower-cased. */
export async function smithySign(request: OracleRequest, credentials: OracleCredentials, scope: OracleScope, date: Date): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials,
    region: scope.region,
    service: scope.service,
    sha256: Sha256,
    uriEscapePath: !scope.s3,
    applyChecksum: scope.s3,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      port: request.url.port === '' ? undefined : Number(request.url.port),
      path: request.url.pathname,
      query: smithyQuery(request.url.search),
      headers: { ...request.headers },
      body: request.body,
    },
    { signingDate: date },
  );
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) out[name.toLowerCase()] = String(value);
  return out;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

export interface ReceivedRequest {
  method: string;
  /** The request target as received: encoded path and query. */
  target: string;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export type Verdict = { ok: true; accessKeyId: string; signedHeaders: string[] } | { ok: false; reason: string };

/**
 * Checks a received request's signature by signing the same request with smithy: the headers it
 * says it signed, the date it says it was signed at, the key registered for its key id. Also
 * refuses a body whose hash is not the one signed, and signed-header lists missing host or date.
 */
export async function verifySigV4(received: ReceivedRequest, secrets: ReadonlyMap<string, OracleCredentials>, s3: boolean): Promise<Verdict> {
  const header = (name: string) => {
    const value = received.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const match = AUTHORIZATION.exec(header('authorization') ?? '');
  if (match === null) return { ok: false, reason: 'no AWS4-HMAC-SHA256 Authorization header' };
  const [, accessKeyId, day, region, service, signedList, signature] = match as unknown as string[];
  const credentials = secrets.get(accessKeyId!);
  if (credentials === undefined) return { ok: false, reason: 'unknown access key id' };
  const amzDate = header('x-amz-date') ?? '';
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== day) return { ok: false, reason: 'x-amz-date missing or not the credential day' };
  const signedHeaders = signedList!.split(';');
  if (!signedHeaders.includes('host') || !signedHeaders.includes('x-amz-date')) return { ok: false, reason: 'host or x-amz-date not signed' };
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = header(name);
    if (value === undefined) return { ok: false, reason: `signed header ${name} absent` };
    headers[name] = value;
  }
  if (credentials.sessionToken !== undefined && headers['x-amz-security-token'] !== credentials.sessionToken) return { ok: false, reason: 'session token missing or wrong' };
  if (s3) {
    const declared = headers['x-amz-content-sha256'];
    if (declared === undefined) return { ok: false, reason: 'x-amz-content-sha256 not signed' };
    if (declared !== 'UNSIGNED-PAYLOAD') {
      const actual = createHash('sha256').update(received.body).digest('hex');
      if (actual !== declared) return { ok: false, reason: 'body does not match x-amz-content-sha256' };
    }
  }
  const url = new URL(received.target, `http://${header('host') ?? 'localhost'}`);
  const date = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const expected = await smithySign(
    { method: received.method, url, headers, body: received.body.length === 0 ? undefined : received.body },
    { ...credentials, sessionToken: undefined },
    { region: region!, service: service!, s3 },
    date,
  );
  const expectedSignature = /Signature=([0-9a-f]{64})$/.exec(expected.authorization ?? '')?.[1];
  if (expectedSignature !== signature) return { ok: false, reason: 'signature mismatch' };
  return { ok: true, accessKeyId: accessKeyId!, signedHeaders };
}
