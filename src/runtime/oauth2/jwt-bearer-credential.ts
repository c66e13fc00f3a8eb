/**
 * Whether a credential asks for the JWT bearer grant (RFC 7523), and of the right kind: recognised
 * when the client is made. Its fields are checked by jwt-bearer-check.ts, loaded with the signing
 * code on the first token request (before anything is sent): an app that never passes such a
 * credential downloads neither.
 */
import { member, own, schemeWhere } from './option-checks.js';

// Each shape, and what its value must be (said in its message).
const SHAPES = { serviceAccount: 'the parsed service-account JSON key', jwtBearer: 'an object', assertion: 'a non-empty string' } as const;

export type JwtBearerShape = keyof typeof SHAPES;

/**
 * Which of the three shapes the credential has (serviceAccount, jwtBearer, assertion); undefined
 * for none. Throws a TypeError naming the scheme (never a value) when it is not of its kind: a
 * service account's parsed JSON key and jwtBearer's options are objects, an assertion is a
 * non-empty string or a function.
 */
export function jwtBearerShape(credential: unknown, scheme: string): JwtBearerShape | undefined {
  if (typeof credential !== 'object' || credential === null) return undefined;
  const shape = (Object.keys(SHAPES) as JwtBearerShape[]).find((name) => own(credential, name) !== undefined);
  const value = shape && own(credential, shape);
  if (shape === 'assertion' ? typeof value !== 'function' && (typeof value !== 'string' || value === '') : shape && (typeof value !== 'object' || value === null)) {
    throw new TypeError(`${schemeWhere(scheme)}${shape} must be ${SHAPES[shape!]}`);
  }
  return shape;
}

/**
 * Who the tokens are for, to keep token sets of different identities apart in a shared store: the
 * service account's email or the assertion issuer (and subject), else one key for ready-made
 * assertions. Read as given: the fields are checked with the first token request.
 */
export function jwtBearerIdentity(credential: object, shape: JwtBearerShape): string {
  const issuer = shape === 'assertion' ? shape : member(member(credential, shape), shape === 'jwtBearer' ? 'issuer' : 'client_email');
  const subject = member(credential, 'subject') ?? member(member(credential, 'jwtBearer'), 'subject');
  return [issuer, subject].filter((part) => typeof part === 'string' && part !== '').join(' as ');
}

/** A service account's token endpoint: its token_uri, else Google's (a bad token_uri fails the first token request). */
export function serviceAccountTokenUri(credential: object): string {
  const uri = member(member(credential, 'serviceAccount'), 'token_uri');
  return typeof uri === 'string' && uri !== '' ? uri : 'https://oauth2.googleapis.com/token';
}
