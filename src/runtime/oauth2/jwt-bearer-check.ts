/**
 * The construction-time half of the JWT bearer grant (RFC 7523 §2.1): whether a credential asks for
 * it, and its fields checked into plain values, so a bad credential throws when the client is made.
 * The signing and the token requests live in jwt-bearer.ts, loaded with import() on the first token
 * request: an app that never passes such a credential never downloads them.
 */
import type { PrivateKeyInput } from './client-assertion.js';
import type { JwtBearerCredentials } from './jwt-bearer.js';
import { option, schemeWhere } from './option-checks.js';
import type { ClientAssertionAlg } from './types.js';

const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
const SHAPES = ['serviceAccount', 'jwtBearer', 'assertion'] as const;
const ALGORITHMS: readonly ClientAssertionAlg[] = ['RS256', 'PS256', 'ES256', 'EdDSA'];

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

/** Which of the three shapes the credential has (serviceAccount, jwtBearer, assertion); undefined for none. */
export function jwtBearerShape(credential: unknown): (typeof SHAPES)[number] | undefined {
  return typeof credential === 'object' && credential !== null ? SHAPES.find((name) => Object.hasOwn(credential, name) && Reflect.get(credential, name) !== undefined) : undefined;
}

/** Whether the credential asks for this grant (it has one of serviceAccount, jwtBearer, assertion). */
export function isJwtBearerCredential(credential: unknown): credential is JwtBearerCredentials {
  return jwtBearerShape(credential) !== undefined;
}

/** The credential's fields, checked; throws a TypeError naming the scheme and the field (never a value). */
export function checkJwtBearer(credential: JwtBearerCredentials, scheme: string): JwtBearerPlan {
  const where = schemeWhere(scheme);
  const kind = jwtBearerShape(credential)!;
  const value = Reflect.get(credential, kind) as unknown;
  if (kind === 'assertion') {
    if (typeof value !== 'function') option(credential, kind, 'text', where);
    return { kind, source: value as string | (() => unknown) };
  }
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`${where}${kind} must be ${kind === 'jwtBearer' ? 'an object' : 'the parsed service-account JSON key'}`);
  }
  const inner = `${where}${kind}.`;
  const text = (name: string, required?: boolean) => option(value, name, 'text', inner, required) as string | undefined;
  if (kind === 'serviceAccount') {
    return { kind, email: text('client_email', true)!, pem: text('private_key', true)!, kid: text('private_key_id'), tokenUri: text('token_uri') ?? GOOGLE_TOKEN_URI, subject: option(credential, 'subject', 'text', where) as string | undefined };
  }
  const issuer = text('issuer', true)!;
  const privateKey: unknown = Reflect.get(value, 'privateKey');
  const plan: JwtBearerPlan = {
    kind,
    issuer,
    subject: text('subject') ?? issuer,
    audience: text('audience'),
    kid: text('keyId'),
    algorithm: option(value, 'algorithm', ALGORITHMS, inner) as ClientAssertionAlg | undefined,
    privateKey: privateKey as PrivateKeyInput,
    claims: option(value, 'claims', 'object', inner) as Record<string, unknown> | undefined,
  };
  if (privateKey === null || (typeof privateKey !== 'string' && typeof privateKey !== 'object')) throw new TypeError(`${inner}privateKey must be a PKCS#8 PEM, a JWK or a CryptoKey`);
  return plan;
}
