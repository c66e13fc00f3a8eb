/**
 * The construction-time half of the JWT bearer grant (RFC 7523 §2.1): whether a credential asks for
 * it, and its fields checked into plain values, so a bad credential throws when the client is made.
 * The signing and the token requests live in jwt-bearer.ts, loaded with import() on the first token
 * request: an app that never passes such a credential never downloads them.
 */
import { quoteScheme } from '../credential-checks.js';
import type { PrivateKeyInput } from './client-assertion.js';
import type { AssertionGrant, JwtBearerCredentials, JwtBearerGrant, ServiceAccountGrant } from './jwt-bearer.js';
import type { ClientAssertionAlg } from './types.js';

const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
const SHAPES = ['serviceAccount', 'jwtBearer', 'assertion'] as const;

/** A JWT bearer credential, checked: what the assertion is made of (keys stay as given, imported on first use). */
export type JwtBearerPlan =
  | { kind: 'serviceAccount'; email: string; pem: string; kid: string | undefined; subject: string | undefined; tokenUri: string }
  | {
      kind: 'jwtBearer';
      issuer: string;
      subject: string;
      audience: string | undefined;
      kid: string | undefined;
      algorithm: ClientAssertionAlg | undefined;
      privateKey: PrivateKeyInput;
      claims: Readonly<Record<string, unknown>> | undefined;
      tokenUri?: undefined;
    }
  | { kind: 'assertion'; source: string | (() => unknown); tokenUri?: undefined };

function field(value: object, name: string): unknown {
  return Object.hasOwn(value, name) ? Reflect.get(value, name) : undefined;
}

/** Whether the credential asks for this grant (it has one of serviceAccount, jwtBearer, assertion). */
export function isJwtBearerCredential(credential: unknown): credential is JwtBearerCredentials {
  return typeof credential === 'object' && credential !== null && SHAPES.some((name) => field(credential, name) !== undefined);
}

function requireText(value: unknown, name: string, scheme: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`security scheme ${quoteScheme(scheme)}: ${name} must be a non-empty string`);
  return value;
}

function optionalText(value: unknown, name: string, scheme: string): string | undefined {
  return value === undefined ? undefined : requireText(value, name, scheme);
}

function serviceAccountPlan(grant: ServiceAccountGrant, scheme: string): JwtBearerPlan {
  const key: unknown = grant.serviceAccount;
  if (typeof key !== 'object' || key === null) throw new TypeError(`security scheme ${quoteScheme(scheme)}: serviceAccount must be the parsed service-account JSON key`);
  return {
    kind: 'serviceAccount',
    email: requireText(field(key, 'client_email'), 'serviceAccount.client_email', scheme),
    pem: requireText(field(key, 'private_key'), 'serviceAccount.private_key', scheme),
    kid: optionalText(field(key, 'private_key_id'), 'serviceAccount.private_key_id', scheme),
    tokenUri: optionalText(field(key, 'token_uri'), 'serviceAccount.token_uri', scheme) ?? GOOGLE_TOKEN_URI,
    subject: optionalText(field(grant, 'subject'), 'subject', scheme),
  };
}

function jwtBearerPlan(grant: JwtBearerGrant, scheme: string): JwtBearerPlan {
  const options: unknown = grant.jwtBearer;
  const where = `security scheme ${quoteScheme(scheme)}: jwtBearer`;
  if (typeof options !== 'object' || options === null) throw new TypeError(`${where} must be an object`);
  const issuer = requireText(field(options, 'issuer'), 'jwtBearer.issuer', scheme);
  const subject = optionalText(field(options, 'subject'), 'jwtBearer.subject', scheme) ?? issuer;
  const audience = optionalText(field(options, 'audience'), 'jwtBearer.audience', scheme);
  const kid = optionalText(field(options, 'keyId'), 'jwtBearer.keyId', scheme);
  const algorithm = field(options, 'algorithm');
  if (algorithm !== undefined && algorithm !== 'RS256' && algorithm !== 'PS256' && algorithm !== 'ES256' && algorithm !== 'EdDSA') throw new TypeError(`${where}.algorithm must be RS256, PS256, ES256 or EdDSA`);
  const privateKey = field(options, 'privateKey');
  if (privateKey === undefined || privateKey === null || (typeof privateKey !== 'string' && typeof privateKey !== 'object')) throw new TypeError(`${where}.privateKey must be a PKCS#8 PEM, a JWK or a CryptoKey`);
  const claims = field(options, 'claims');
  if (claims !== undefined && (typeof claims !== 'object' || claims === null)) throw new TypeError(`${where}.claims must be an object`);
  return { kind: 'jwtBearer', issuer, subject, audience, kid, algorithm: algorithm as ClientAssertionAlg | undefined, privateKey: privateKey as PrivateKeyInput, claims: claims as Record<string, unknown> | undefined };
}

function assertionPlan(grant: AssertionGrant, scheme: string): JwtBearerPlan {
  const source: unknown = grant.assertion;
  if (typeof source !== 'function') requireText(source, 'assertion', scheme);
  return { kind: 'assertion', source: source as string | (() => unknown) };
}

/** The credential's fields, checked; throws a TypeError naming the scheme and the field (never a value). */
export function checkJwtBearer(credential: JwtBearerCredentials, scheme: string): JwtBearerPlan {
  if (field(credential, 'serviceAccount') !== undefined) return serviceAccountPlan(credential as ServiceAccountGrant, scheme);
  if (field(credential, 'jwtBearer') !== undefined) return jwtBearerPlan(credential as JwtBearerGrant, scheme);
  return assertionPlan(credential as AssertionGrant, scheme);
}
