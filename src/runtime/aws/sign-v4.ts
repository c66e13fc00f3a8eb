/**
 * Signature Version 4 (AWS IAM user guide, "Signature Version 4 for API requests"): string to sign,
 * signing key by HMAC chain, and the headers that carry the signature.
 */
import { canonicalRequest, signedHeaderList } from './canonical-request.js';
import { hmacSha256, sha256Hex, toHex, utf8, type Bytes } from './hmac-sha256.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_PAYLOAD_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** S3 only, for a body that cannot be read twice (a stream); see payload-hash.ts. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface SigningScope {
  region: string;
  service: string;
  /** S3's rules: the path is signed as sent, and x-amz-content-sha256 is always sent. */
  s3: boolean;
}

export interface SignableRequest {
  method: string;
  url: URL;
  headers: Headers;
}

/** `20150830T123600Z`. */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export async function signingKey(secretAccessKey: string, day: string, region: string, service: string): Promise<Bytes> {
  const kDate = await hmacSha256(utf8(`AWS4${secretAccessKey}`), day);
  const kRegion = await hmacSha256(kDate, region);
  const kService = await hmacSha256(kRegion, service);
  return hmacSha256(kService, 'aws4_request');
}

/**
 * The headers signed: host, content-type, and every x-amz-* (x-amz-date, the session token, the
 * content hash, and any the operation sends). Not the rest: fetch and proxies may add or rewrite
 * headers such as accept-encoding or user-agent, and a signed header that changes in transit fails.
 */
function headersToSign(request: SignableRequest): Map<string, string> {
  const signed = new Map<string, string>([['host', request.url.host]]);
  request.headers.forEach((value, name) => {
    if (name === 'content-type' || name.startsWith('x-amz-')) signed.set(name, value);
  });
  return signed;
}

/**
 * Signs the request in place: sets X-Amz-Date, X-Amz-Security-Token (temporary credentials),
 * x-amz-content-sha256 (S3) and Authorization. Any earlier signature headers are replaced, so a
 * retried or redirected request is signed afresh.
 */
export async function signRequest(request: SignableRequest, credentials: AwsCredentials, scope: SigningScope, payloadHash: string, date: Date): Promise<void> {
  const headers = request.headers;
  headers.delete('authorization');
  const longDate = amzDate(date);
  const day = longDate.slice(0, 8);
  headers.set('x-amz-date', longDate);
  if (credentials.sessionToken !== undefined && credentials.sessionToken !== '') headers.set('x-amz-security-token', credentials.sessionToken);
  else headers.delete('x-amz-security-token');
  if (scope.s3) headers.set('x-amz-content-sha256', payloadHash);
  const signed = headersToSign(request);
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const canonical = canonicalRequest({ method: request.method, url: request.url, signedHeaders: signed, payloadHash, s3: scope.s3 });
  const stringToSign = [ALGORITHM, longDate, credentialScope, await sha256Hex(canonical)].join('\n');
  const key = await signingKey(credentials.secretAccessKey, day, scope.region, scope.service);
  const signature = toHex(await hmacSha256(key, stringToSign));
  headers.set('authorization', `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaderList(signed)}, Signature=${signature}`);
}
