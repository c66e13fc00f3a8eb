import { httpFamily } from './http-family.js';

/** `type: http, scheme: digest` (RFC 7616): answered to the server's challenge; the password is never sent. */
export const httpDigest = httpFamily('digest', 'digestStrategies', {
  credential: { type: 'DigestCredentials', sample: { title: 'username and password', value: "{ username: '<username>', password: '<password>' },", shape: "`{ username, password }`; the client answers the server's `WWW-Authenticate: Digest` challenge (one extra round trip in total) and never sends the password." } },
  summary: () => "HTTP Digest authentication (RFC 7616): username and password, answered to the server's challenge.",
  about: () => "HTTP Digest (RFC 7616): a username and password, answered to the server's challenge; the password is never sent.",
});
