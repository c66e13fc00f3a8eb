import type { HttpScheme } from '../../model/index.js';
import type { CredentialKind, SchemeFamily } from './scheme-family.js';

/**
 * A family that owns one `type: http` scheme token (`digest`, `oauth`) and takes one static
 * credential type; only its factory and its words differ from the others of its kind.
 */
export function httpFamily(token: string, factory: string, own: { credential: CredentialKind } & Pick<SchemeFamily<HttpScheme>, 'summary' | 'about'>): SchemeFamily<HttpScheme> {
  return {
    id: `http-${token}`,
    claims: (scheme): scheme is HttpScheme => scheme.kind === 'http' && scheme.scheme === token,
    factory,
    spec: (scheme) => ({ type: 'http', scheme: scheme.scheme }),
    credentials: () => [own.credential],
    managesTokens: () => false,
    signsIn: () => false,
    kind: (scheme) => `HTTP ${scheme.scheme}`,
    summary: own.summary,
    about: own.about,
  };
}
