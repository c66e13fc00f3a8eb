import type { HttpScheme } from '../../model/index.js';
import { mdCode, mdInline } from '../../readme/markdown.js';
import type { CredentialKind, SchemeFamily } from './scheme-family.js';
import { TOKEN_SOURCE } from './token-source.js';

const BASIC_CREDENTIALS: CredentialKind = {
  type: 'BasicCredentials',
  sample: { title: 'username and password', value: "{ username: '<username>', password: '<password>' },", shape: '`{ username, password }`, encoded as UTF-8 then base64.' },
};

/**
 * `type: http` with `basic`, `bearer` or any other token (`negotiate`, a vendor's own), whose
 * credential is sent as `Authorization: <scheme> <credential>`. Last of the HTTP families in the
 * catalog: it claims every HTTP scheme the specific ones (digest, OAuth 1.0a) left.
 */
export const http: SchemeFamily<HttpScheme> = {
  id: 'http',
  claims: (scheme): scheme is HttpScheme => scheme.kind === 'http',
  factory: 'staticStrategies',
  spec: (scheme) => ({ type: 'http', scheme: scheme.scheme }),
  credentials: (scheme) => [scheme.scheme === 'basic' ? BASIC_CREDENTIALS : TOKEN_SOURCE],
  credentialKind: ({ scheme }) => (scheme === 'basic' ? 'http-basic' : scheme === 'bearer' ? 'http-bearer' : 'http'),
  builders: ({ scheme }) => [scheme === 'basic' ? 'basic' : scheme === 'bearer' ? 'bearer' : 'httpToken'],
  managesTokens: () => false,
  signsIn: () => false,
  summary: ({ scheme, bearerFormat }) => {
    if (scheme === 'basic') return 'HTTP Basic authentication: username and password.';
    if (scheme === 'bearer') return `Bearer token${bearerFormat ? ` (${bearerFormat})` : ''}, sent as \`Authorization: Bearer <token>\`.`;
    return `HTTP \`${scheme}\` authentication: the credential is sent as \`Authorization: ${scheme} <credential>\`.`;
  },
  kind: (scheme) => `HTTP ${scheme.scheme}`,
  about: ({ scheme, bearerFormat }) => {
    if (scheme === 'basic') return 'HTTP Basic: a username and password, sent as `Authorization: Basic <base64>`.';
    if (scheme === 'bearer') return `A bearer token${bearerFormat ? ` (${mdInline(bearerFormat)})` : ''}, sent as \`Authorization: Bearer <token>\`.`;
    return `HTTP ${mdCode(scheme)} authentication: the credential is sent as ${mdCode(`Authorization: ${scheme} <credential>`)}.`;
  },
};
