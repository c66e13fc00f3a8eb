import type { ApiKeyScheme } from '../../model/index.js';
import { mdCode } from '../../readme/markdown.js';
import type { SchemeFamily } from './scheme-family.js';
import { TOKEN_SOURCE } from './token-source.js';

/** `type: apiKey`: a key sent as it is in a header, query parameter or cookie. */
export const apiKey: SchemeFamily<ApiKeyScheme> = {
  id: 'apiKey',
  claims: (scheme): scheme is ApiKeyScheme => scheme.kind === 'apiKey',
  factory: 'staticStrategies',
  spec: (scheme) => ({ type: 'apiKey', in: scheme.in, name: scheme.paramName }),
  credentials: () => [TOKEN_SOURCE],
  builders: () => ['apiKey'],
  managesTokens: () => false,
  signsIn: () => false,
  summary: (scheme) => `API key sent in the ${scheme.in} \`${scheme.paramName}\`.`,
  kind: (scheme) => `API key in ${scheme.in}`,
  about: (scheme) => `An API key, sent in the ${scheme.in} ${mdCode(scheme.paramName)}.`,
};
