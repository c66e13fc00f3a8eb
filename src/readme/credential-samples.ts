/**
 * What to write after `auth: { <scheme>: ` in the README's samples, per runtime credential type
 * (the names `schemeView()` reports). Placeholders only: no spec text reaches these strings.
 */
export interface CredentialSample {
  /** A short title for the sample, e.g. `client credentials`. */
  title: string;
  /** A TypeScript expression for the credential; may span lines (indented by the caller). */
  value: string;
  /** One sentence on the credential's shape, in Markdown. */
  shape: string;
  /** Code that comes before `new Client(...)`, e.g. imports. */
  setup?: string;
}

const SAMPLES: Readonly<Record<string, CredentialSample>> = {
  TokenSource: {
    title: 'a token',
    value: "process.env.API_TOKEN ?? '<token>', // or a function returning it: () => string | Promise<string>",
    shape: 'a `string`, or a function returning one (sync or async) that is called for every request, so a rotating value is always current.',
  },
  BasicCredentials: {
    title: 'username and password',
    value: "{ username: '<username>', password: '<password>' },",
    shape: '`{ username, password }`, encoded as UTF-8 then base64.',
  },
  DigestCredentials: {
    title: 'username and password',
    value: "{ username: '<username>', password: '<password>' },",
    shape: "`{ username, password }`; the client answers the server's `WWW-Authenticate: Digest` challenge (one extra round trip in total) and never sends the password.",
  },
  OAuth1Credentials: {
    title: 'OAuth 1.0a keys',
    value: "{ consumerKey: '<consumer key>', consumerSecret: '<consumer secret>', token: '<token>', tokenSecret: '<token secret>' },",
    shape: '`{ consumerKey, consumerSecret, token?, tokenSecret?, signatureMethod?, realm? }`; every request is signed (HMAC-SHA1 by default).',
  },
  ClientCredentialsGrant: {
    title: 'client credentials flow',
    value: "{ flow: 'clientCredentials', clientId: '<client id>', clientSecret: process.env.CLIENT_SECRET },",
    shape:
      "`{ flow?: 'clientCredentials', clientId, clientSecret?, scopes?, tokenParams? }` (or `privateKey` for `private_key_jwt`); the client requests tokens from the token URL itself. `scopes` replaces the scopes each operation asks for. Every OAuth 2.0 credential also takes `tokenUrl`, `authorizationUrl`, `deviceAuthorizationUrl` and `issuer` (a discovery base), which replace the document's endpoints.",
  },
  PasswordGrant: {
    title: 'password flow',
    value: "{ flow: 'password', clientId: '<client id>', username: '<username>', password: '<password>' },",
    shape: "`{ flow?: 'password', clientId, clientSecret?, username, password, scopes? }`.",
  },
  AuthorizationCodeGrant: {
    title: 'authorization code flow (PKCE)',
    value: "{ flow: 'authorizationCode', clientId: '<client id>', redirectUri: 'https://app.example/callback', refreshToken: savedRefreshToken },",
    shape:
      "`{ flow?: 'authorizationCode', clientId, clientSecret?, redirectUri?, refreshToken?, accessToken?, expiresAt? }`: the tokens of an earlier sign-in (e.g. restored from storage), which the client refreshes as needed.",
  },
  DeviceAuthorizationGrant: {
    title: 'device authorization flow',
    value: "{\n  flow: 'deviceAuthorization',\n  clientId: '<client id>',\n  onUserCode: ({ verificationUri, userCode }) => console.log(`Open ${verificationUri} and enter ${userCode}`),\n},",
    shape: "`{ flow?: 'deviceAuthorization', clientId, onUserCode, scopes? }`: `onUserCode` shows the user where to go and which code to enter; the token request waits for them.",
  },
  ImplicitGrant: {
    title: 'a token obtained elsewhere',
    value: "{ flow: 'implicit', accessToken: '<access token>' }, // accessToken may be a function, called per request",
    shape: "`{ flow?: 'implicit', accessToken }`: a token your application obtained itself.",
  },
  OpenIdConnectCredentials: {
    title: 'OpenID Connect',
    value: "{ flow: 'clientCredentials', clientId: '<client id>', clientSecret: process.env.CLIENT_SECRET },",
    shape: 'a client credentials, password or authorization code grant (the same shapes as for OAuth 2.0); endpoints come from the discovery document.',
  },
  MutualTlsCredentials: {
    title: 'client certificate',
    setup: [
      "import { readFileSync } from 'node:fs';",
      "import { Agent } from 'undici'; // Node's fetch takes an undici Agent as `dispatcher`",
      '',
      "const tls = { cert: readFileSync('client.crt', 'utf8'), key: readFileSync('client.key', 'utf8') };",
      'const dispatcher = new Agent({ connect: tls });',
    ].join('\n'),
    value: '{ ...tls, fetch: (input, init) => fetch(input, { ...init, dispatcher } as RequestInit) },',
    shape:
      '`{ cert, key, ca?, passphrase?, fetch }`: PEM certificate and key, checked when the client is built, and a `fetch` whose connections present them; requests that use this scheme go through that `fetch`. Server-side runtimes only: browsers never hand a key to scripts.',
  },
  AwsSigV4Credentials: {
    title: 'AWS access key',
    value:
      "{ accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '', sessionToken: process.env.AWS_SESSION_TOKEN },",
    shape:
      '`{ accessKeyId, secretAccessKey, sessionToken?, region?, service? }`, or a function returning `{ accessKeyId, secretAccessKey, sessionToken?, expiration? }` (temporary credentials from STS, SSO or instance metadata): called when none are held or they expire within 5 minutes, once for all waiting requests. `{ credentials: thatFunction, region?, service? }` combines both.',
  },
  JwtBearerCredentials: {
    title: 'service account (JWT bearer grant)',
    setup: "import { readFileSync } from 'node:fs';",
    value: "{ serviceAccount: JSON.parse(readFileSync('service-account.json', 'utf8')), subject: undefined }, // subject: a user to act for (domain-wide delegation)",
    shape:
      "the JWT bearer grant (RFC 7523): `{ serviceAccount, scopes?, subject? }` with a parsed Google service-account JSON key (an RS256 assertion signed for its `token_uri`), `{ jwtBearer: { issuer, subject?, audience?, privateKey, keyId?, algorithm?, claims? }, tokenUrl? }` for other providers (Salesforce, DocuSign, Box, Zoom), or `{ assertion: string | () => string | Promise<string>, tokenUrl? }` for an assertion made elsewhere. Tokens are cached and renewed like the others.",
  },
  AccessTokenCredentials: {
    title: 'an access token',
    value: "{ accessToken: '<access token>' },",
    shape: '`{ accessToken }`: a string, or a function returning one, called per request.',
  },
};

/** The sample for a credential type; a generic one (pointing at the type) for types this list does not know. */
export function credentialSample(typeName: string): CredentialSample {
  return (
    SAMPLES[typeName] ?? {
      title: typeName,
      value: `{ /* a ${typeName}: see its declaration in runtime/ */ } as ${typeName},`,
      shape: `a \`${typeName}\` (see its declaration under \`runtime/\`).`,
    }
  );
}
