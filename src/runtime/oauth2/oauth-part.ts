/**
 * The optional parts of `clientCredentials({ … })` (DPoP, a client certificate, a client
 * authentication other than a secret) come built, like the credentials: `dpop()`,
 * `clientCertificate({ fetch })`, `privateKeyJwt({ … })`. Each carries its own code, so an app
 * that passes none links none of their checks. The builder checks only that a part is the right
 * kind; the part checks its own options when the client is made (naming the scheme, never a value).
 */
import type { OAuth2AuthOptions } from './oauth2-auth.js';
import type { OptionKind } from './option-checks.js';
import type { OAuthClient } from './token-endpoint.js';

/** A registered symbol, so that no plain object can be taken for a part and parts fit any copy of the runtime. */
export const OAUTH_PART: unique symbol = Symbol.for('keyway.oauthPart') as never;

/** What a part is for: the option of `clientCredentials()` that takes it. */
export type PartKind = 'dpop' | 'clientCertificate' | 'clientAuth';

/** A built part of kind `Kind`; `make` runs when the client is made, with the message start (`security scheme "name": `) and the scheme. */
export interface OAuthPart<Kind extends PartKind, Made> {
  readonly [OAUTH_PART]: Kind;
  /** A private key the part holds, kept out of every error built from what a server wrote. */
  readonly privateKey?: unknown;
  /** Run by the credential when the client is made; throws a TypeError naming the scheme and the option. */
  readonly make: (where: string, scheme: string, given: Readonly<Record<string, unknown>>) => Made;
}

/**
 * The kind of a part option (option-checks.ts): a part made by `maker` (named in the message), of
 * the kind the option's name says (a part's kind is the name of the option that takes it).
 */
export function madeBy(maker: string): OptionKind {
  return [(value, name) => (value as Partial<OAuthPart<PartKind, unknown>> | null | undefined)?.[OAUTH_PART] === name, 'made by ' + maker];
}

/**
 * What a made DPoP or client certificate part does to the credential it is part of, in one
 * hand-over: it sets what it changes of the token-endpoint client (`oauth`) and of the strategy's
 * options, before either is used. So the credential has no seam per part: an app that passes
 * none carries none.
 */
export type PartHandOver = (oauth: { -readonly [K in keyof OAuthClient]: OAuthClient[K] }, options: OAuth2AuthOptions) => void;
