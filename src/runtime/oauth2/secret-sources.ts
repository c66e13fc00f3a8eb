/**
 * What one scheme holds that no error may show: its credential's secret values, collected when the
 * client is made, and the tokens it obtained lately. Only the paths that build an error from what a
 * server wrote read them, through secret-redaction.ts (loaded with those paths): the happy path
 * carries just these lists.
 */
import { member } from './option-checks.js';

export class SecretSources {
  /** Secret strings: the client secret, password and tokens of the credential, a ready-made assertion. */
  declare readonly values: readonly unknown[];
  /** Private keys: PEM text or JWKs (the client's, a DPoP key, a service account's, a JWT bearer signer's); a built DPoP part adds its own when the client is made. */
  declare readonly keys: unknown[];
  /** The tokens the scheme obtained lately, newest first; undefined where an answer had none (the redaction skips it, and repeats). */
  readonly recent: (string | undefined)[] = [];

  /** The credential's secret values and private keys (each list may hold undefined: a credential has only some of them). */
  constructor(values: readonly unknown[], keys: unknown[]) {
    this.values = values;
    this.keys = keys;
  }

  /** Tokens the scheme just obtained; only the last few are kept. Checked and de-duplicated only when read (secret-redaction.ts): the happy path just files them. */
  remember(tokens: readonly (string | undefined)[]): void {
    this.recent.unshift(...tokens);
    // The tokens of the last 16 token answers (access, refresh and ID token each): older ones have
    // long been replaced. A literal: a bundler keeps a module's constant that a class reads as a variable.
    this.recent.splice(48);
  }
}

/** The secrets of a plain credential (any flow's): what SecretSources holds for it. */
export function credentialSecrets(credential: object): SecretSources {
  const get = member;
  return new SecretSources(
    ['clientSecret', 'password', 'refreshToken', 'accessToken', 'assertion'].map((name) => get(credential, name)),
    [get(credential, 'privateKey'), get(get(credential, 'dpop'), 'privateKey'), get(get(credential, 'serviceAccount'), 'private_key'), get(get(credential, 'jwtBearer'), 'privateKey')],
  );
}
