import { httpFamily } from './http-family.js';

/** `type: http, scheme: oauth`: OAuth 1.0a (RFC 5849), every request signed. */
export const oauth1 = httpFamily('oauth', 'oauth1Strategies', {
  credential: { type: 'OAuth1Credentials', sample: { title: 'OAuth 1.0a keys', value: "{ consumerKey: '<consumer key>', consumerSecret: '<consumer secret>', token: '<token>', tokenSecret: '<token secret>' },", shape: '`{ consumerKey, consumerSecret, token?, tokenSecret?, signatureMethod?, realm? }`; every request is signed (HMAC-SHA1 by default).' } },
  summary: () => 'OAuth 1.0a (RFC 5849): every request signed with the consumer key and secret (and token).',
  about: () => 'OAuth 1.0a (RFC 5849): every request is signed with the consumer key and secret (and the token, when there is one).',
});
