/**
 * AWS credentials as the application passes them: fixed keys, or a provider of temporary ones (STS,
 * SSO, instance metadata) that is called when none are held or they are about to expire, once for
 * all requests waiting at that moment. Messages name what is wrong, never a value.
 */
import { quoteScheme, requireHeaderSafe } from '../credential-checks.js';
import type { AwsCredentials } from './sign-v4.js';

/** What a provider returns. `expiration` absent: kept for the client's lifetime. */
export interface TemporaryAwsCredentials extends AwsCredentials {
  expiration?: Date | undefined;
}

export type AwsCredentialProvider = () => TemporaryAwsCredentials | Promise<TemporaryAwsCredentials>;

/** Where the request is signed for; each overrides what the document and base URL say. */
export interface AwsSigningOverrides {
  region?: string | undefined;
  /** The signing name (e.g. `execute-api`, `s3`, `dynamodb`). */
  service?: string | undefined;
}

export interface StaticAwsCredentials extends AwsCredentials, AwsSigningOverrides {}

export interface AwsProviderCredentials extends AwsSigningOverrides {
  credentials: AwsCredentialProvider;
}

/** The `auth` value of a Signature Version 4 scheme. */
export type AwsSigV4Credentials = StaticAwsCredentials | AwsProviderCredentials | AwsCredentialProvider;

// The AWS SDKs renew this long before expiry, so a request signed now is not refused on arrival.
const EXPIRY_MARGIN_MS = 5 * 60_000;

function optionalName(value: unknown, field: string, scheme: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[a-z0-9-]+$/.test(value)) {
    throw new TypeError(`security scheme ${quoteScheme(scheme)}: ${field} must be an AWS ${field} name such as ${field === 'region' ? 'us-east-1' : 'execute-api'}`);
  }
  return value;
}

/** Checks a set of keys; names the missing or malformed field. */
export function checkAwsCredentials(value: unknown, scheme: string, origin: string): AwsCredentials {
  const where = `security scheme ${quoteScheme(scheme)}: ${origin}`;
  if (typeof value !== 'object' || value === null) throw new TypeError(`${where} must be an object with accessKeyId and secretAccessKey`);
  const field = (name: string): unknown => (Object.hasOwn(value, name) ? Reflect.get(value, name) : undefined);
  const accessKeyId = field('accessKeyId');
  const secretAccessKey = field('secretAccessKey');
  const sessionToken = field('sessionToken');
  for (const [name, given] of [['accessKeyId', accessKeyId], ['secretAccessKey', secretAccessKey]] as const) {
    if (given === undefined) throw new TypeError(`${where} is missing ${name}`);
    if (typeof given !== 'string' || given === '') throw new TypeError(`${where}: ${name} must be a non-empty string`);
  }
  if (sessionToken !== undefined && typeof sessionToken !== 'string') throw new TypeError(`${where}: sessionToken must be a string`);
  // The key id goes into Authorization as is; AWS key ids are upper-case letters and digits.
  if (!/^[A-Za-z0-9]+$/.test(accessKeyId as string)) throw new TypeError(`${where}: accessKeyId must be letters and digits`);
  if (typeof sessionToken === 'string') requireHeaderSafe(sessionToken, scheme);
  return { accessKeyId: accessKeyId as string, secretAccessKey: secretAccessKey as string, sessionToken: sessionToken as string | undefined };
}

export interface ParsedAwsCredential {
  overrides: AwsSigningOverrides;
  source: AwsCredentialSource;
}

/** Reads the credential a scheme was given, at construction, so a malformed one fails early. */
export function parseAwsCredential(value: unknown, scheme: string, now: () => number): ParsedAwsCredential {
  if (typeof value === 'function') return { overrides: {}, source: new AwsCredentialSource(value as AwsCredentialProvider, scheme, now, true) };
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`the credential for security scheme ${quoteScheme(scheme)} must be { accessKeyId, secretAccessKey, sessionToken?, region?, service? } or a function returning AWS credentials`);
  }
  const overrides = {
    region: optionalName(Reflect.get(value, 'region'), 'region', scheme),
    service: optionalName(Reflect.get(value, 'service'), 'service', scheme),
  };
  const provider: unknown = Object.hasOwn(value, 'credentials') ? Reflect.get(value, 'credentials') : undefined;
  if (provider !== undefined) {
    if (typeof provider !== 'function') throw new TypeError(`security scheme ${quoteScheme(scheme)}: credentials must be a function returning AWS credentials`);
    return { overrides, source: new AwsCredentialSource(provider as AwsCredentialProvider, scheme, now, true) };
  }
  const fixed = checkAwsCredentials(value, scheme, 'the credential');
  return { overrides, source: new AwsCredentialSource(() => fixed, scheme, now, false) };
}

/** Current credentials: cached until `expiration` nears, one provider call at a time. */
export class AwsCredentialSource {
  /** A provider can hand out new credentials; fixed keys stay what they are. */
  readonly renewable: boolean;
  readonly #provider: AwsCredentialProvider;
  readonly #scheme: string;
  readonly #now: () => number;
  #held: { credentials: AwsCredentials; renewAt: number } | undefined;
  #pending: Promise<AwsCredentials> | undefined;

  constructor(provider: AwsCredentialProvider, scheme: string, now: () => number, renewable: boolean) {
    this.renewable = renewable;
    this.#provider = provider;
    this.#scheme = scheme;
    this.#now = now;
  }

  get(): Promise<AwsCredentials> {
    const held = this.#held;
    if (held !== undefined && this.#now() < held.renewAt) return Promise.resolve(held.credentials);
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Forget what is held (the server refused it): the next request asks the provider again. */
  invalidate(): void {
    this.#held = undefined;
  }

  async #fetch(): Promise<AwsCredentials> {
    const given: unknown = await this.#provider();
    const credentials = checkAwsCredentials(given, this.#scheme, 'the AWS credential provider result');
    const expiration: unknown = Reflect.get(given as object, 'expiration');
    if (expiration !== undefined && !(expiration instanceof Date && Number.isFinite(expiration.getTime()))) {
      throw new TypeError(`security scheme ${quoteScheme(this.#scheme)}: the AWS credential provider result: expiration must be a Date`);
    }
    const renewAt = expiration === undefined ? Infinity : renewalTime((expiration as Date).getTime(), this.#now());
    this.#held = { credentials, renewAt };
    return credentials;
  }
}

/** The margin before expiry, or half the remaining life for credentials that live shorter than it. */
function renewalTime(expiresAt: number, now: number): number {
  return expiresAt - Math.min(EXPIRY_MARGIN_MS, Math.max(0, (expiresAt - now) / 2));
}
