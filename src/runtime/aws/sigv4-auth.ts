import type { AuthContext, AuthRequest, AuthStrategy } from '../auth-strategy.js';
import { quoteScheme } from '../credential-checks.js';
import { parseAwsCredential, type AwsCredentialSource, type AwsSigningOverrides } from './aws-credentials.js';
import { s3WirePath } from './canonical-request.js';
import { saysCredentialsExpired } from './expired-credentials.js';
import { payloadHash } from './payload-hash.js';
import { signRequest } from './sign-v4.js';
import { signingRegion, signingService, type AwsDocumentHints } from './signing-scope.js';

export interface SigV4Options extends AwsDocumentHints {
  /** S3's signing rules (`x-amazon-apigateway-authtype: awsS3`). */
  s3: boolean;
  /** Clock, epoch ms (AuthEnvironment.now). */
  now?: (() => number) | undefined;
}

// The hints become part of every signature's credential scope: nothing that could forge it.
function checkedHint(value: string | undefined, name: string, scheme: string): string | undefined {
  if (value === undefined || /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) return value;
  throw new TypeError(`security scheme ${quoteScheme(scheme)}: the scheme's ${name} is not an AWS ${name} name`);
}

/**
 * AWS Signature Version 4: every request signed with the caller's keys. The client calls apply
 * again for each attempt (retry, same-origin redirect), so each is signed for what it sends.
 */
export class SigV4Auth implements AuthStrategy {
  readonly scheme: string;
  readonly #source: AwsCredentialSource;
  readonly #overrides: AwsSigningOverrides;
  readonly #hints: AwsDocumentHints;
  readonly #s3: boolean;
  readonly #now: () => number;

  constructor(scheme: string, credential: unknown, options: SigV4Options) {
    this.scheme = scheme;
    this.#now = options.now ?? (() => Date.now());
    const parsed = parseAwsCredential(credential, scheme, this.#now);
    this.#source = parsed.source;
    this.#overrides = parsed.overrides;
    this.#hints = { service: checkedHint(options.service, 'service', scheme), region: checkedHint(options.region, 'region', scheme) };
    this.#s3 = options.s3 === true;
  }

  async apply(request: AuthRequest): Promise<void> {
    const scope = {
      region: signingRegion(this.#overrides, request.url.hostname, this.#hints),
      service: signingService(this.#overrides, request.url.hostname, this.#hints, this.scheme),
      s3: this.#s3,
    };
    if (this.#s3) request.url.pathname = s3WirePath(request.url.pathname);
    const credentials = await this.#source.get();
    const hash = await payloadHash(request, this.#s3);
    await signRequest(request, credentials, scope, hash, new Date(this.#now()));
  }

  /**
   * A 403 `ExpiredToken`: credentials from a provider are dropped, so the one repeat of the request
   * is signed with what the provider gives now (temporary credentials can expire before the time
   * they announced, or announce none). Fixed keys cannot be renewed: the 403 stands.
   */
  async onForbidden(_request: AuthRequest, response: Response, context: AuthContext): Promise<boolean> {
    if (!(await saysCredentialsExpired(response))) return false;
    if (!this.#source.renewable) {
      context.explain?.(`AWS says the credentials of ${quoteScheme(this.scheme)} expired; fixed keys cannot be renewed: pass a credential provider function`);
      return false;
    }
    this.#source.invalidate();
    return true;
  }
}
