/**
 * The clientCredentials() builder: every check the plain client-credentials credential gets, with
 * the same TypeError (one table, run through both paths), made when the client is made; the
 * client's options reach it as they reach the plain path; and its static import graph holds no
 * other flow's construction.
 */
import { describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../../../src/runtime/auth-strategy.js';
import { strategyMaker } from '../../../../src/runtime/credential.js';
import { clientCredentials } from '../../../../src/runtime/oauth2/client-credentials.js';
import { OAuth2Auth } from '../../../../src/runtime/oauth2/oauth2-auth.js';
import { oauth2Strategies } from '../../../../src/runtime/oauth2/oauth2-strategies.js';
import type { AuthEnvironment, ClientCredentialsGrant } from '../../../../src/runtime/oauth2/types.js';
import type { FactoryContext } from '../../../../src/runtime/strategy-factory.js';
import { staticGraph } from '../../../support/runtime-graph.js';

const SECRET = 'SECRET-cc-4711';
const TOKEN_URL = 'https://auth.example/token';
const CC: SchemeSpec = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: TOKEN_URL, scopes: ['pets:read'] } } };
const IMPLICIT_ONLY: SchemeSpec = { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://auth.example/authorize', scopes: [] } } };

/** One client's factory context: its env, and one shared value per key (as buildAuthStrategies makes it). */
function contextFor(env: Partial<AuthEnvironment> = {}): FactoryContext {
  const values = new Map<string, unknown>();
  return {
    env: { baseUrl: 'https://api.example', ...env },
    shared<T>(key: string, make: () => T): T {
      if (!values.has(key)) values.set(key, make());
      return values.get(key) as T;
    },
  };
}

interface Given {
  credential: unknown;
  spec?: SchemeSpec;
  env?: Partial<AuthEnvironment>;
}

/** The plain path: the generic OAuth 2.0 factory, with the client credentials flow named (as the credential's type allows). */
function plain({ credential, spec = CC, env }: Given) {
  const asked = typeof credential === 'object' && credential !== null ? { ...credential, flow: 'clientCredentials' } : credential;
  return oauth2Strategies('oauth', spec, asked, contextFor(env));
}

function built({ credential, spec = CC, env }: Given) {
  return strategyMaker(clientCredentials(credential as ClientCredentialsGrant))!('oauth', spec, contextFor(env));
}

const WHERE = 'security scheme "oauth": ';
const id = { clientId: 'app', clientSecret: SECRET };
const fetchStub = () => Promise.reject(new Error('not called'));

const REFUSED: [name: string, given: Given, want: string][] = [
  ['not an object', { credential: null }, 'the credential for security scheme "oauth" must be an object (see its OAuth2 grant types)'],
  ['tokenUrl not a string', { credential: { ...id, tokenUrl: 5 } }, `${WHERE}tokenUrl must be a non-empty URL string`],
  ['tokenUrl empty', { credential: { ...id, tokenUrl: '' } }, `${WHERE}tokenUrl must be a non-empty URL string`],
  ['authorizationUrl not a string', { credential: { ...id, authorizationUrl: 1 } }, `${WHERE}authorizationUrl must be a non-empty URL string`],
  ['deviceAuthorizationUrl not a string', { credential: { ...id, deviceAuthorizationUrl: false } }, `${WHERE}deviceAuthorizationUrl must be a non-empty URL string`],
  ['issuer empty', { credential: { ...id, issuer: '' } }, `${WHERE}issuer must be a non-empty URL string`],
  ['scopes a string', { credential: { ...id, scopes: 'pets:read' } }, `${WHERE}scopes must be an array of strings`],
  ['scopes not strings', { credential: { ...id, scopes: [1] } }, `${WHERE}scopes must be an array of strings`],
  ['tokenParams not a map of strings', { credential: { ...id, tokenParams: { audience: 1 } } }, `${WHERE}tokenParams must map names to strings`],
  ['tokenParams a string', { credential: { ...id, tokenParams: 'audience=x' } }, `${WHERE}tokenParams must map names to strings`],
  ['clientId missing', { credential: { clientSecret: SECRET } }, `${WHERE}clientId must be a non-empty string`],
  ['clientId empty', { credential: { clientId: '', clientSecret: SECRET } }, `${WHERE}clientId must be a non-empty string`],
  ['clientSecret not a string', { credential: { clientId: 'app', clientSecret: 5 } }, `${WHERE}clientSecret must be a string`],
  ['clientAuthMethod unknown', { credential: { ...id, clientAuthMethod: 'client_secret_jwt' } }, `${WHERE}clientAuthMethod must be one of client_secret_basic, client_secret_post, private_key_jwt, tls_client_auth, self_signed_tls_client_auth, none`],
  ['client_secret_post without a secret', { credential: { clientId: 'app', clientAuthMethod: 'client_secret_post' } }, `${WHERE}clientAuthMethod client_secret_post needs a clientSecret`],
  ['private_key_jwt without a key', { credential: { ...id, clientAuthMethod: 'private_key_jwt' } }, `${WHERE}clientAuthMethod private_key_jwt needs a privateKey`],
  ['tls_client_auth without a certificate', { credential: { clientId: 'app', clientAuthMethod: 'tls_client_auth' } }, `${WHERE}clientAuthMethod tls_client_auth needs clientCertificate: { fetch } (a fetch whose connections present the client certificate)`],
  ['clientSecretEncoding unknown', { credential: { ...id, clientSecretEncoding: 'base64' } }, `${WHERE}clientSecretEncoding must be one of form, raw`],
  ['raw encoding of an id with a colon', { credential: { clientId: 'a:b', clientSecret: SECRET, clientSecretEncoding: 'raw' } }, `${WHERE}clientSecretEncoding 'raw' cannot carry a clientId that contains ':'`],
  ['a public client', { credential: { clientId: 'app' } }, `${WHERE}client credentials need a clientSecret or privateKey`],
  ['clientAuthMethod none', { credential: { ...id, clientAuthMethod: 'none' } }, `${WHERE}client credentials need a clientSecret or privateKey`],
  ['dpop a string', { credential: { ...id, dpop: 'yes' } }, `${WHERE}dpop must be true or { privateKey, publicJwk }`],
  ['dpop without a privateKey', { credential: { ...id, dpop: {} } }, `${WHERE}dpop must be true or { privateKey, publicJwk }`],
  ['clientCertificate not an object', { credential: { ...id, clientCertificate: 5 } }, `${WHERE}clientCertificate needs { fetch }`],
  ['clientCertificate without a fetch function', { credential: { ...id, clientCertificate: { fetch: 1 } } }, `${WHERE}clientCertificate: fetch must be a function configured with the client certificate`],
  ['clientCertificate with a cert it would not use', { credential: { ...id, clientCertificate: { fetch: fetchStub, cert: 'PEM' } } }, `${WHERE}clientCertificate: cert would not be used: configure the certificate and key on the fetch you pass (Node: an undici Agent as dispatcher; Deno: Deno.createHttpClient)`],
  ['resource not a URI', { credential: { ...id, resource: 'pets' } }, `${WHERE}resource must be an absolute URI without a fragment (or a list of them)`],
  ['resource with a fragment', { credential: { ...id, resource: ['https://api.example/#x'] } }, `${WHERE}resource must be an absolute URI without a fragment (or a list of them)`],
  ['tokenUrl over http', { credential: { ...id, tokenUrl: 'http://auth.example/token' } }, `${WHERE}the tokenUrl must be an https URL (got http://auth.example); set allowInsecureHttp to permit http`],
  ['tokenUrl with user and password', { credential: { ...id, tokenUrl: 'https://u:p@auth.example/token' } }, `${WHERE}the tokenUrl must not contain a user name or password`],
  ['tokenUrl not a URL', { credential: { ...id, tokenUrl: 'https://[' } }, `${WHERE}the tokenUrl "https://[" is not a URL (relative ones need the client's baseUrl)`],
  ['the document\'s tokenUrl over http', { credential: id, spec: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'http://auth.example/token', scopes: [] } } } }, `${WHERE}the tokenUrl must be an https URL (got http://auth.example); set allowInsecureHttp to permit http`],
  ['an OpenID Connect URL over http', { credential: id, spec: { type: 'openIdConnect', url: 'http://auth.example/.well-known/openid-configuration' } }, `${WHERE}the openIdConnectUrl must be an https URL (got http://auth.example); set allowInsecureHttp to permit http`],
  ['an issuer over http', { credential: { ...id, issuer: 'http://auth.example' } }, `${WHERE}the issuer must be an https URL (got http://auth.example); set allowInsecureHttp to permit http`],
  ['a scheme without the flow or a token endpoint', { credential: id, spec: IMPLICIT_ONLY }, 'the credential for security scheme "oauth" fits no flow the scheme declares (implicit): it looks like clientCredentials; pass tokenUrl (or issuer) in the credential to run it against an endpoint the document does not name'],
  ['an oauth2 scheme without flows', { credential: id, spec: { type: 'oauth2' } as unknown as SchemeSpec }, `${WHERE}oauth2 needs flows`],
  ['a bad tokenTimeoutMs', { credential: id, env: { tokenTimeoutMs: -1 } }, "the auth environment's tokenTimeoutMs must be a positive number"],
  ['a bad tokenResponseMaxBytes', { credential: id, env: { tokenResponseMaxBytes: Number.NaN } }, "the auth environment's tokenResponseMaxBytes must be a positive number"],
];

describe('clientCredentials() refuses what the plain credential refuses, with the same TypeError', () => {
  it.each(REFUSED)('%s', (_, given, want) => {
    for (const path of [plain, built]) {
      let thrown: unknown;
      try {
        path(given);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, path.name).toBeInstanceOf(TypeError);
      expect((thrown as TypeError).message, path.name).toBe(want);
      expect((thrown as TypeError).message).not.toContain(SECRET);
    }
  });
});

const ACCEPTED: [name: string, given: Given][] = [
  ['a client secret', { credential: id }],
  ['client_secret_post', { credential: { ...id, clientAuthMethod: 'client_secret_post' } }],
  ['a private key (checked on first use, lazily)', { credential: { clientId: 'app', privateKey: 'not a PEM yet' } }],
  ['a client certificate (tls_client_auth)', { credential: { clientId: 'app', clientAuthMethod: 'tls_client_auth', clientCertificate: { fetch: fetchStub } } }],
  ['dpop: true', { credential: { ...id, dpop: true } }],
  ['scopes, tokenParams, resource', { credential: { ...id, scopes: ['pets:read'], tokenParams: { audience: 'pets' }, resource: 'https://api.example/' } }],
  ['a tokenUrl for a scheme that declares only implicit', { credential: { ...id, tokenUrl: TOKEN_URL }, spec: IMPLICIT_ONLY }],
  ['an issuer for a scheme that declares only implicit', { credential: { ...id, issuer: 'https://auth.example' }, spec: IMPLICIT_ONLY }],
  ['a token URL of another flow of the scheme', { credential: id, spec: { type: 'oauth2', flows: { password: { tokenUrl: TOKEN_URL, scopes: [] } } } }],
  ['an OpenID Connect scheme', { credential: id, spec: { type: 'openIdConnect', url: 'https://auth.example/.well-known/openid-configuration' } }],
  ['http on loopback', { credential: { ...id, tokenUrl: 'http://127.0.0.1:9/token' } }],
  ['http with allowInsecureHttp', { credential: { ...id, tokenUrl: 'http://auth.example/token' }, env: { allowInsecureHttp: true } }],
  ['an unknown key (as the plain path: only the types refuse it)', { credential: { ...id, audience: 'pets' } }],
];

describe('clientCredentials() accepts what the plain credential accepts', () => {
  it.each(ACCEPTED)('%s', (_, given) => {
    for (const strategy of [plain(given), built(given)]) {
      expect(strategy).toBeInstanceOf(OAuth2Auth);
      expect((strategy as OAuth2Auth).flow).toBe('clientCredentials');
    }
  });
});

describe('clientCredentials() on its scheme', () => {
  it('refuses a scheme that is not OAuth 2.0 or OpenID Connect, naming it', () => {
    const make = strategyMaker(clientCredentials(id))!;
    expect(() => make('apiKey', { type: 'apiKey', in: 'header', name: 'X-Key' }, contextFor())).toThrow(new TypeError('security scheme "apiKey" is not an OAuth 2.0 or OpenID Connect scheme: clientCredentials() fits those only'));
  });

  it('takes the client-wide state from the client: two schemes of one client share one token store', () => {
    const context = contextFor();
    const made = ['a', 'b'].map((scheme) => strategyMaker(clientCredentials(id))!(scheme, CC, context));
    const plainToo = oauth2Strategies('c', CC, id, context);
    const shared = context.shared('oauth2', () => undefined) as { store: unknown } | undefined;
    expect(shared?.store).toBeDefined();
    expect(made.map((strategy) => strategy.scheme)).toEqual(['a', 'b']);
    expect(plainToo).toBeInstanceOf(OAuth2Auth);
    // One shared value for the builder's schemes and the plain one: made once, by the first.
    expect(context.shared('oauth2', () => ({ store: 'another' }))).toBe(shared);
  });
});

describe("the builder's static import graph", () => {
  const reached = staticGraph('oauth2/client-credentials.ts');

  it('holds its own construction and the token path', () => {
    expect([...reached]).toEqual(expect.arrayContaining(['oauth2/grant-construction.ts', 'oauth2/endpoint-source.ts', 'oauth2/scheme-flows.ts', 'oauth2/token-grant.ts', 'oauth2/oauth2-auth.ts', 'oauth2/client-auth.ts']));
  });

  it.each([
    'oauth2/oauth2-strategies.ts',
    'oauth2/create-oauth2-strategy.ts',
    'oauth2/infer-flow.ts',
    'oauth2/grants.ts',
    'oauth2/seed-tokens.ts',
    'oauth2/lazy-authorization-code.ts',
    'oauth2/authorization-flow.ts',
    'oauth2/jwt-bearer.ts',
    'oauth2/jwt-bearer-check.ts',
    'oauth2/jwt-bearer-credential.ts',
    'oauth2/device-flow.ts',
    'oauth2/authorization-code-flow.ts',
    'bearer-auth.ts',
    'static-auth.ts',
    'static-strategies.ts',
    'strategy-factory.ts',
  ])('does not reach %s', (module) => {
    expect(reached.has(module)).toBe(false);
  });
});
