/**
 * Whether an AWS 403 says the request's temporary credentials expired. AWS does not answer that
 * with a 401: the error code comes in `x-amzn-ErrorType` (JSON protocols) or the body (`<Code>` in
 * the XML protocols and S3, `__type` or `code` in JSON), as `ExpiredToken`, `ExpiredTokenException`
 * or S3's `TokenRefreshRequired`.
 */
import { readBoundedText } from '../oauth2/bounded-body.js';

const EXPIRED_CODE = /\b(?:ExpiredToken(?:Exception)?|TokenRefreshRequired)\b/;
// An AWS error document is a few hundred bytes; a larger 403 is not one.
const MAX_ERROR_BYTES = 64 * 1024;

/** Reads a clone, so the caller still gets the whole answer when the request is not repeated. */
export async function saysCredentialsExpired(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  if (EXPIRED_CODE.test(response.headers.get('x-amzn-errortype') ?? '')) return true;
  const text = await readBoundedText(response.clone(), MAX_ERROR_BYTES).catch(() => undefined);
  return text !== undefined && EXPIRED_CODE.test(text);
}
