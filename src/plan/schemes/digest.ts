import type { HttpScheme } from '../../model/index.js';
import type { SchemeFamily } from './scheme-family.js';

/** `type: http, scheme: digest` (RFC 7616): answered to the server's challenge; the password is never sent. */
export const httpDigest: SchemeFamily<HttpScheme> = {
  id: 'http-digest',
  claims: (scheme): scheme is HttpScheme => scheme.kind === 'http' && scheme.scheme === 'digest',
  factory: 'digestStrategies',
  spec: (scheme) => ({ type: 'http', scheme: scheme.scheme }),
  credentials: () => [
    {
      type: 'DigestCredentials',
      sample: {
        title: 'username and password',
        value: "{ username: '<username>', password: '<password>' },",
        shape: "`{ username, password }`; the client answers the server's `WWW-Authenticate: Digest` challenge (one extra round trip in total) and never sends the password.",
      },
    },
  ],
  managesTokens: () => false,
  signsIn: () => false,
  summary: () => "HTTP Digest authentication (RFC 7616): username and password, answered to the server's challenge.",
  kind: (scheme) => `HTTP ${scheme.scheme}`,
  about: () => "HTTP Digest (RFC 7616): a username and password, answered to the server's challenge; the password is never sent.",
};
