/**
 * What one scheme holds that no error may show: its credential's secret values, collected when the
 * client is made, and the tokens it obtained lately. Only the paths that build an error from what a
 * server wrote read them, through secret-redaction.ts (loaded with those paths): the happy path
 * carries just these lists.
 */
import { member } from './option-checks.js';

const RECENT_TOKENS = 16;

export class SecretSources {
  /** Secret strings: the client secret, password and tokens of the credential, a ready-made assertion. */
  readonly values: readonly unknown[];
  /** Private keys: PEM text or JWKs (the client's, plain or its privateKeyJwt()'s, a DPoP key, a service account's, a JWT bearer signer's). */
  readonly keys: readonly unknown[];
  /** The tokens the scheme obtained lately, oldest first; older ones have long been replaced. */
  readonly recent: string[] = [];

  /** The credential's secrets; a credential has only some of them. */
  constructor(credential: object) {
    const get = member;
    this.values = ['clientSecret', 'password', 'refreshToken', 'accessToken', 'assertion'].map((name) => get(credential, name));
    this.keys = [get(credential, 'privateKey'), get(get(credential, 'clientAuth'), 'privateKey'), get(get(credential, 'dpop'), 'privateKey'), get(get(credential, 'serviceAccount'), 'private_key'), get(get(credential, 'jwtBearer'), 'privateKey')];
  }

  /** Tokens the scheme just obtained; only the last few are kept. */
  remember(tokens: readonly (string | undefined)[]): void {
    const { recent } = this;
    for (const token of tokens) {
      if (token === undefined || token === '' || recent.includes(token)) continue;
      recent.push(token);
      if (recent.length > RECENT_TOKENS) recent.shift();
    }
  }
}
