import type { HttpScheme } from '../../model/index.js';
import { mdCode, mdInline } from '../../readme/markdown.js';
import type { SchemeFamily } from './scheme-family.js';
import { TOKEN_SOURCE } from './token-source.js';

const BASIC_CREDENTIALS = {
  type: 'BasicCredentials',
  sample: {
    title: 'username and password',
    value: "{ username: '<username>', password: '<password>' },",
    shape: '`{ username, password }`, encoded as UTF-8 then base64.',
  },
};

/** `type: http, scheme: basic`. */
export const httpBasic: SchemeFamily<HttpScheme> = {
  id: 'http-basic',
  claims: (scheme): scheme is HttpScheme => scheme.kind === 'http' && scheme.scheme === 'basic',
  factory: 'staticStrategies',
  spec: (scheme) => ({ type: 'http', scheme: scheme.scheme }),
  credentials: () => [BASIC_CREDENTIALS],
  managesTokens: () => false,
  signsIn: () => false,
  summary: () => 'HTTP Basic authentication: username and password.',
  kind: (scheme) => `HTTP ${scheme.scheme}`,
  about: () => 'HTTP Basic: a username and password, sent as `Authorization: Basic <base64>`.',
};

/** `type: http, scheme: bearer`. */
export const httpBearer: SchemeFamily<HttpScheme> = {
  id: 'http-bearer',
  claims: (scheme): scheme is HttpScheme => scheme.kind === 'http' && scheme.scheme === 'bearer',
  factory: 'staticStrategies',
  spec: (scheme) => ({ type: 'http', scheme: scheme.scheme }),
  credentials: () => [TOKEN_SOURCE],
  managesTokens: () => false,
  signsIn: () => false,
  summary: (scheme) => `Bearer token${scheme.bearerFormat ? ` (${scheme.bearerFormat})` : ''}, sent as \`Authorization: Bearer <token>\`.`,
  kind: (scheme) => `HTTP ${scheme.scheme}`,
  about: (scheme) => `A bearer token${scheme.bearerFormat ? ` (${mdInline(scheme.bearerFormat)})` : ''}, sent as \`Authorization: Bearer <token>\`.`,
};

/**
 * Any other `type: http` scheme (`negotiate`, a vendor's own): the credential is sent as
 * `Authorization: <scheme> <credential>`. Last of the HTTP families: it claims every one.
 */
export const httpOther: SchemeFamily<HttpScheme> = {
  id: 'http-other',
  claims: (scheme): scheme is HttpScheme => scheme.kind === 'http',
  factory: 'staticStrategies',
  spec: (scheme) => ({ type: 'http', scheme: scheme.scheme }),
  credentials: () => [TOKEN_SOURCE],
  managesTokens: () => false,
  signsIn: () => false,
  summary: (scheme) => `HTTP \`${scheme.scheme}\` authentication: the credential is sent as \`Authorization: ${scheme.scheme} <credential>\`.`,
  kind: (scheme) => `HTTP ${scheme.scheme}`,
  about: (scheme) => `HTTP ${mdCode(scheme.scheme)} authentication: the credential is sent as ${mdCode(`Authorization: ${scheme.scheme} <credential>`)}.`,
};
