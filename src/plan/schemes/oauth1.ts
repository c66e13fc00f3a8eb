import type { HttpScheme } from '../../model/index.js';
import type { SchemeFamily } from './scheme-family.js';

/** `type: http, scheme: oauth`: OAuth 1.0a (RFC 5849), every request signed. */
export const oauth1: SchemeFamily<HttpScheme> = {
  id: 'oauth1',
  claims: (scheme): scheme is HttpScheme => scheme.kind === 'http' && scheme.scheme === 'oauth',
  factory: 'oauth1Strategies',
  spec: (scheme) => ({ type: 'http', scheme: scheme.scheme }),
  credentials: () => [
    {
      type: 'OAuth1Credentials',
      sample: {
        title: 'OAuth 1.0a keys',
        value: "{ consumerKey: '<consumer key>', consumerSecret: '<consumer secret>', token: '<token>', tokenSecret: '<token secret>' },",
        shape: '`{ consumerKey, consumerSecret, token?, tokenSecret?, signatureMethod?, realm? }`; every request is signed (HMAC-SHA1 by default).',
      },
    },
  ],
  managesTokens: () => false,
  signsIn: () => false,
  summary: () => 'OAuth 1.0a (RFC 5849): every request signed with the consumer key and secret (and token).',
  kind: (scheme) => `HTTP ${scheme.scheme}`,
  about: () => 'OAuth 1.0a (RFC 5849): every request is signed with the consumer key and secret (and the token, when there is one).',
};
