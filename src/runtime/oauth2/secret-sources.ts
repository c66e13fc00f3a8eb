/**
 * What one scheme holds that no error may show: its credential's secret values, collected when the
 * client is made, and the tokens it obtained lately. Only the paths that build an error from what a
 * server wrote read them, through secret-redaction.ts (loaded with those paths): the happy path
 * carries just these lists.
 */
import { member } from './option-checks.js';

export interface SecretSources {
  /** Secret strings: the client secret, password and tokens of the credential, a ready-made assertion. */
  readonly values: readonly unknown[];
  /** Private keys: PEM text or JWKs (the client's, a DPoP key, a service account's, a JWT bearer signer's); a built DPoP part adds its own when the client is made. */
  readonly keys: unknown[];
  /**
   * The tokens the scheme obtained lately, newest first; undefined where an answer had none (the
   * redaction skips it, and repeats). Filed by requestTokens (token-endpoint.ts), the last few only;
   * checked and de-duplicated only when read (secret-redaction.ts): the happy path just files them.
   */
  readonly recent: (string | undefined)[];
}

/** The secrets of a plain credential (any flow's): what SecretSources holds for it. */
export function credentialSecrets(credential: object): SecretSources {
  const get = member;
  return {
    values: ['clientSecret', 'password', 'refreshToken', 'accessToken', 'assertion'].map((name) => get(credential, name)),
    keys: [get(credential, 'privateKey'), get(get(credential, 'dpop'), 'privateKey'), get(get(credential, 'serviceAccount'), 'private_key'), get(get(credential, 'jwtBearer'), 'privateKey')],
    recent: [],
  };
}
