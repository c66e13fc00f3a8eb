/**
 * The JWT bearer grant's credential (RFC 7523 §2.1), its fields checked into plain values. Loaded
 * with jwt-bearer.ts on the first token request, before anything is sent; what the credential is
 * (serviceAccount, jwtBearer or assertion, each of the right kind) was checked when the client was
 * made (jwt-bearer-credential.ts). A bad field rejects every token request with the same TypeError.
 */
import type { PrivateKeyInput } from './client-assertion.js';
import type { JwtBearerCredentials } from './jwt-bearer.js';
import type { JwtBearerShape } from './jwt-bearer-credential.js';
import { option$ as option, schemeWhere$ as schemeWhere } from './lazy-module-imports.js';
import type { OptionKind } from './option-checks.js';
import type { ClientAssertionAlg } from './types.js';

// Its kinds written here: a lazy module takes no up-front value but through lazy-module-imports.ts.
const TEXT: OptionKind = [(value) => typeof value === 'string' && value !== '', 'a non-empty string'];
const OBJECT: OptionKind = [(value) => typeof value === 'object' && value !== null, 'an object'];
const ALGORITHMS: readonly ClientAssertionAlg[] = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const ALGORITHM: OptionKind = [(value) => ALGORITHMS.includes(value as ClientAssertionAlg), `one of ${ALGORITHMS.join(', ')}`];

/** A JWT bearer credential, checked: what the assertion is made of (keys stay as given, imported on first use). */
export type JwtBearerPlan =
  | { kind: 'serviceAccount'; email: string; pem: string; kid: string | undefined; subject: string | undefined }
  | {
      kind: 'jwtBearer';
      issuer: string;
      subject: string;
      audience: string | undefined;
      kid: string | undefined;
      algorithm: ClientAssertionAlg | undefined;
      privateKey: PrivateKeyInput;
      claims: Readonly<Record<string, unknown>> | undefined;
    }
  | { kind: 'assertion'; source: string | (() => unknown) };

/**
 * The credential's fields, checked; throws a TypeError naming the scheme and the field (never a
 * value). `kind`: its shape, as jwtBearerShape found it when the client was made.
 */
export function checkJwtBearer(credential: JwtBearerCredentials, kind: JwtBearerShape, scheme: string): JwtBearerPlan {
  const where = schemeWhere(scheme);
  const value = Reflect.get(credential, kind) as object;
  if (kind === 'assertion') return { kind, source: value as string | (() => unknown) };
  const inner = `${where}${kind}.`;
  const text = (name: string, required?: boolean) => option(value, name, TEXT, inner, required) as string | undefined;
  if (kind === 'serviceAccount') {
    // Its endpoint is read by jwt-bearer-credential.ts; checked here so a bad one is refused, not replaced by Google's.
    text('token_uri');
    return { kind, email: text('client_email', true)!, pem: text('private_key', true)!, kid: text('private_key_id'), subject: option(credential, 'subject', TEXT, where) as string | undefined };
  }
  const issuer = text('issuer', true)!;
  const privateKey: unknown = Reflect.get(value, 'privateKey');
  const plan: JwtBearerPlan = {
    kind,
    issuer,
    subject: text('subject') ?? issuer,
    audience: text('audience'),
    kid: text('keyId'),
    algorithm: option(value, 'algorithm', ALGORITHM, inner) as ClientAssertionAlg | undefined,
    privateKey: privateKey as PrivateKeyInput,
    claims: option(value, 'claims', OBJECT, inner) as Record<string, unknown> | undefined,
  };
  if (privateKey === null || (typeof privateKey !== 'string' && typeof privateKey !== 'object')) throw new TypeError(`${inner}privateKey must be a PKCS#8 PEM, a JWK or a CryptoKey`);
  return plan;
}
