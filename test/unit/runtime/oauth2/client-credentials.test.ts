/**
 * The clientCredentials() builder: every check the plain client-credentials credential gets, with
 * the same TypeError (one table, run through both paths), made when the client is made; the
 * client's options reach it as they reach the plain path; and its static import graph holds no
 * other flow's construction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeSpec } from '../../../../src/runtime/auth-strategy.js';
import { strategyMaker } from '../../../../src/runtime/credential.js';
import { clientCertificate, selfSignedTlsClientAuth, tlsClientAuth } from '../../../../src/runtime/oauth2/client-certificate.js';
import { clientCredentials, type ClientCredentialsOptions } from '../../../../src/runtime/oauth2/client-credentials.js';
import { dpop } from '../../../../src/runtime/oauth2/dpop-option.js';
import { privateKeyJwt } from '../../../../src/runtime/oauth2/private-key-jwt.js';
import { OAuth2Auth } from '../../../../src/runtime/oauth2/oauth2-auth.js';
import { oauth2Strategies } from '../../../../src/runtime/oauth2/oauth2-strategies.js';
import type { AuthEnvironment } from '../../../../src/runtime/oauth2/types.js';
import type { FactoryContext } from '../../../../src/runtime/strategy-factory.js';
import { staticGraph } from '../../../support/runtime-graph.js';
import { listPets, makeClient } from '../../../support/oauth2/client.js';
import { bearerApi, startServer, tokenJson, type TestServer } from '../../../support/oauth2/test-server.js';

const SECRET = 'SECRET-cc-4711';
const TOKEN_URL = 'https://auth.example/token';
const CC: SchemeSpec = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: TOKEN_URL, scopes: ['pets:read'] } } };
const IMPLICIT_ONLY: SchemeSpec = { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://auth.example/authorize', scopes: [] } } };

/** One client's factory context: its env, and one shared value per key (as buildAuthStrategies makes it). */
function contextFor(env: Partial<AuthEnvironment> = {}): FactoryContext {
  return { env: { baseUrl: 'https://api.example', ...env }, shared: {} };
}

interface Given {
  credential: unknown;
  spec?: SchemeSpec;
  env?: Partial<AuthEnvironment>;
  /** What the builder is given instead of the plain credential converted (asBuilt). */
  builder?: unknown;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * The plain credential's options as the builder takes them: a private key, a TLS method, DPoP and
 * a client certificate become their built parts (what create-oauth2-strategy.ts does inside).
 */
function asBuilt(plain: unknown): unknown {
  if (!isObject(plain)) return plain;
  const { privateKey, privateKeyAlg, privateKeyId, dpop: dpopOption, clientCertificate: certificate, clientAuthMethod: method, ...rest } = plain as Record<string, unknown>;
  const options: Record<string, unknown> = { ...rest };
  const part = method === 'private_key_jwt' || (method === undefined && privateKey !== undefined && rest['clientSecret'] === undefined)
    ? privateKeyJwt({ privateKey, privateKeyAlg, privateKeyId } as Parameters<typeof privateKeyJwt>[0])
    : method === 'tls_client_auth' ? tlsClientAuth() : method === 'self_signed_tls_client_auth' ? selfSignedTlsClientAuth() : undefined;
  if (part) {
    delete options['clientSecret'];
    options['clientAuth'] = part;
  } else if (method !== undefined) options['clientAuthMethod'] = method;
  if (dpopOption !== undefined) options['dpop'] = dpopOption === true ? dpop() : isObject(dpopOption) ? dpop(dpopOption as Parameters<typeof dpop>[0]) : dpopOption;
  if (certificate !== undefined) options['clientCertificate'] = isObject(certificate) ? clientCertificate(certificate as Parameters<typeof clientCertificate>[0]) : certificate;
  return options;
}

/** The plain path: the generic OAuth 2.0 factory, with the client credentials flow named (as the credential's type allows). */
function plain({ credential, spec = CC, env }: Given) {
  const asked = typeof credential === 'object' && credential !== null ? { ...credential, flow: 'clientCredentials' } : credential;
  return oauth2Strategies('oauth', spec, asked, contextFor(env));
}

function built({ credential, spec = CC, env, builder = asBuilt(credential) }: Given) {
  return strategyMaker(clientCredentials(builder as ClientCredentialsOptions))!('oauth', spec, contextFor(env));
}

const WHERE = 'security scheme "oauth": ';
const id = { clientId: 'app', clientSecret: SECRET };
const fetchStub = () => Promise.reject(new Error('not called'));

// The builder's own message where it takes other options (built parts, the secret methods only) or says it shorter.
const NEITHER = `${WHERE}pass clientSecret or clientAuth, not both`;
const NO_TOKEN_URL = `${WHERE}pass tokenUrl or issuer: the scheme has no token URL`;

const REFUSED: [name: string, given: Given, want: string, builtWant?: string][] = [
  ['not an object', { credential: null }, 'the credential for security scheme "oauth" must be an object (see its OAuth2 grant types)', `${WHERE}clientId must be a non-empty string`],
  ['a string', { credential: 'app' }, 'the credential for security scheme "oauth" must be an object (see its OAuth2 grant types)', `${WHERE}clientId must be a non-empty string`],
  ['tokenUrl not a string', { credential: { ...id, tokenUrl: 5 } }, `${WHERE}tokenUrl must be a non-empty string`],
  ['tokenUrl empty', { credential: { ...id, tokenUrl: '' } }, `${WHERE}tokenUrl must be a non-empty string`],
  ['authorizationUrl not a string', { credential: { ...id, authorizationUrl: 1 } }, `${WHERE}authorizationUrl must be a non-empty string`, `${WHERE}authorizationUrl is not an option of clientCredentials()`],
  ['deviceAuthorizationUrl not a string', { credential: { ...id, deviceAuthorizationUrl: false } }, `${WHERE}deviceAuthorizationUrl must be a non-empty string`, `${WHERE}deviceAuthorizationUrl is not an option of clientCredentials()`],
  ['issuer empty', { credential: { ...id, issuer: '' } }, `${WHERE}issuer must be a non-empty string`],
  ['scopes a string', { credential: { ...id, scopes: 'pets:read' } }, `${WHERE}scopes must be an array of strings`],
  ['scopes not strings', { credential: { ...id, scopes: [1] } }, `${WHERE}scopes must be an array of strings`],
  ['tokenParams not a map of strings', { credential: { ...id, tokenParams: { audience: 1 } } }, `${WHERE}tokenParams must be a map of names to strings`],
  ['tokenParams a string', { credential: { ...id, tokenParams: 'audience=x' } }, `${WHERE}tokenParams must be a map of names to strings`],
  ['clientId missing', { credential: { clientSecret: SECRET } }, `${WHERE}clientId must be a non-empty string`],
  ['clientId empty', { credential: { clientId: '', clientSecret: SECRET } }, `${WHERE}clientId must be a non-empty string`],
  ['clientSecret not a string', { credential: { clientId: 'app', clientSecret: 5 } }, `${WHERE}clientSecret must be a string`],
  ['clientAuthMethod unknown', { credential: { ...id, clientAuthMethod: 'client_secret_jwt' } }, `${WHERE}clientAuthMethod must be one of client_secret_basic, client_secret_post, private_key_jwt, tls_client_auth, self_signed_tls_client_auth, none`, `${WHERE}clientAuthMethod must be one of client_secret_basic, client_secret_post`],
  ['client_secret_post without a secret', { credential: { clientId: 'app', clientAuthMethod: 'client_secret_post' } }, `${WHERE}clientAuthMethod client_secret_post needs a clientSecret`, NEITHER],
  ['private_key_jwt without a key', { credential: { ...id, clientAuthMethod: 'private_key_jwt' } }, `${WHERE}clientAuthMethod private_key_jwt needs a privateKey`, `${WHERE}privateKeyJwt() needs a privateKey`],
  ['tls_client_auth without a certificate', { credential: { clientId: 'app', clientAuthMethod: 'tls_client_auth' } }, `${WHERE}clientAuthMethod tls_client_auth needs clientCertificate: { fetch } (a fetch whose connections present the client certificate)`, `${WHERE}clientAuth tlsClientAuth() needs clientCertificate: clientCertificate({ fetch })`],
  ['clientSecretEncoding unknown', { credential: { ...id, clientSecretEncoding: 'base64' } }, `${WHERE}clientSecretEncoding must be one of form, raw`],
  ['raw encoding of an id with a colon', { credential: { clientId: 'a:b', clientSecret: SECRET, clientSecretEncoding: 'raw' } }, `${WHERE}clientSecretEncoding 'raw' cannot carry a clientId that contains ':'`, `${WHERE}clientId must not contain ':' with clientSecretEncoding raw`],
  ['a public client', { credential: { clientId: 'app' } }, `${WHERE}client credentials need a clientSecret or privateKey`, NEITHER],
  ['clientAuthMethod none', { credential: { ...id, clientAuthMethod: 'none' } }, `${WHERE}client credentials need a clientSecret or privateKey`, `${WHERE}clientAuthMethod must be one of client_secret_basic, client_secret_post`],
  ['dpop a string', { credential: { ...id, dpop: 'yes' } }, `${WHERE}dpop must be true or { privateKey, publicJwk }`, `${WHERE}dpop must be made by dpop()`],
  ['dpop without a privateKey', { credential: { ...id, dpop: {} } }, `${WHERE}dpop must be true or { privateKey, publicJwk }`, `${WHERE}dpop({ privateKey, publicJwk }) needs a privateKey`],
  ['clientCertificate not an object', { credential: { ...id, clientCertificate: 5 } }, `${WHERE}clientCertificate needs { fetch }`, `${WHERE}clientCertificate must be made by clientCertificate()`],
  ['clientCertificate without a fetch function', { credential: { ...id, clientCertificate: { fetch: 1 } } }, `${WHERE}clientCertificate: fetch must be a function configured with the client certificate`],
  ['clientCertificate with a cert it would not use', { credential: { ...id, clientCertificate: { fetch: fetchStub, cert: 'PEM' } } }, `${WHERE}clientCertificate: cert would not be used: configure the certificate and key on the fetch you pass (Node: an undici Agent as dispatcher; Deno: Deno.createHttpClient)`],
  ['resource not a URI', { credential: { ...id, resource: 'pets' } }, `${WHERE}resource must be an absolute URI without a fragment, or a list of them`],
  ['resource with a fragment', { credential: { ...id, resource: ['https://api.example/#x'] } }, `${WHERE}resource must be an absolute URI without a fragment, or a list of them`],
  ['resource a list holding a non-string', { credential: { ...id, resource: ['https://api.example/', 5] } }, `${WHERE}resource must be an absolute URI without a fragment, or a list of them`],
  ['resource a nested list', { credential: { ...id, resource: [['https://api.example/']] } }, `${WHERE}resource must be an absolute URI without a fragment, or a list of them`],
  ['tokenUrl over http', { credential: { ...id, tokenUrl: 'http://auth.example/token' } }, `${WHERE}tokenUrl must be an https URL`],
  ['tokenUrl with user and password', { credential: { ...id, tokenUrl: 'https://u:p@auth.example/token' } }, `${WHERE}tokenUrl must not contain a user name or password`],
  ['tokenUrl not a URL', { credential: { ...id, tokenUrl: 'https://[' } }, `${WHERE}tokenUrl must be a valid absolute URL, or relative to baseUrl`],
  ['the document\'s tokenUrl over http', { credential: id, spec: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'http://auth.example/token', scopes: [] } } } }, `${WHERE}tokenUrl must be an https URL`],
  ['an OpenID Connect URL over http', { credential: id, spec: { type: 'openIdConnect', url: 'http://auth.example/.well-known/openid-configuration' } }, `${WHERE}openIdConnectUrl must be an https URL`],
  ['an issuer over http', { credential: { ...id, issuer: 'http://auth.example' } }, `${WHERE}issuer must be an https URL`],
  ['a scheme without the flow or a token endpoint', { credential: id, spec: IMPLICIT_ONLY }, 'the credential for security scheme "oauth" fits no flow the scheme declares (implicit): it looks like clientCredentials; pass tokenUrl (or issuer) in the credential to run it against an endpoint the document does not name', NO_TOKEN_URL],
  ['an oauth2 scheme without flows', { credential: id, spec: { type: 'oauth2' } as unknown as SchemeSpec }, `${WHERE}oauth2 needs flows`, NO_TOKEN_URL],
  ['a bad tokenTimeoutMs', { credential: id, env: { tokenTimeoutMs: -1 } }, 'tokenTimeoutMs must be a finite number > 0'],
  ['a bad tokenResponseMaxBytes', { credential: id, env: { tokenResponseMaxBytes: Number.NaN } }, 'tokenResponseMaxBytes must be a finite number > 0'],
  ['a zero tokenTimeoutMs', { credential: id, env: { tokenTimeoutMs: 0 } }, 'tokenTimeoutMs must be a finite number > 0'],
  ['a tokenResponseMaxBytes given as text', { credential: id, env: { tokenResponseMaxBytes: '1000' as unknown as number } }, 'tokenResponseMaxBytes must be a finite number > 0'],
  ['an infinite tokenTimeoutMs (a token request needs a deadline)', { credential: id, env: { tokenTimeoutMs: Infinity } }, 'tokenTimeoutMs must be a finite number > 0'],
  ['self_signed_tls_client_auth without a certificate', { credential: { clientId: 'app', clientAuthMethod: 'self_signed_tls_client_auth' } }, `${WHERE}clientAuthMethod self_signed_tls_client_auth needs clientCertificate: { fetch } (a fetch whose connections present the client certificate)`, `${WHERE}clientAuth selfSignedTlsClientAuth() needs clientCertificate: clientCertificate({ fetch })`],
];

describe('clientCredentials() refuses what the plain credential refuses (the same TypeError, or its own for its own options)', () => {
  it.each(REFUSED)('%s', (_, given, plainWant, builtWant = plainWant) => {
    for (const [path, want] of [[plain, plainWant], [built, builtWant]] as const) {
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
  ['a private key with its alg and kid', { credential: { clientId: 'app', privateKey: 'not a PEM yet', privateKeyAlg: 'ES256', privateKeyId: 'k1' } }],
  ['self_signed_tls_client_auth with a certificate', { credential: { clientId: 'app', clientAuthMethod: 'self_signed_tls_client_auth', clientCertificate: { fetch: fetchStub } } }],
  ['a client secret with a client certificate (binding the tokens only)', { credential: { ...id, clientCertificate: { fetch: fetchStub } } }],
  ['dpop with an own key (checked on first use)', { credential: { ...id, dpop: { privateKey: 'not a PEM yet' } } }],
  ['client_secret_basic with raw encoding', { credential: { ...id, clientAuthMethod: 'client_secret_basic', clientSecretEncoding: 'raw' } }],
];

describe('clientCredentials() accepts what the plain credential accepts', () => {
  it.each(ACCEPTED)('%s', (_, given) => {
    for (const strategy of [plain(given), built(given)]) {
      expect(strategy).toBeInstanceOf(OAuth2Auth);
      expect((strategy as OAuth2Auth).flow).toBe('clientCredentials');
    }
  });
});

// What only the builder refuses: the plain credential takes these (its type refuses the first).
const BUILDER_REFUSES: [name: string, given: Given, want: string][] = [
  ['an unknown key', { credential: { ...id, audience: 'pets' } }, `${WHERE}audience is not an option of clientCredentials()`],
  ['a secret and a clientAuth', { credential: id, builder: { ...id, clientAuth: privateKeyJwt({ privateKey: 'PEM' }) } }, NEITHER],
  ['dpop: true (not built)', { credential: id, builder: { ...id, dpop: true } }, `${WHERE}dpop must be made by dpop()`],
  ['a plain clientCertificate', { credential: id, builder: { ...id, clientCertificate: { fetch: fetchStub } } }, `${WHERE}clientCertificate must be made by clientCertificate()`],
  ['a part of another kind', { credential: id, builder: { ...id, dpop: clientCertificate({ fetch: fetchStub }) } }, `${WHERE}dpop must be made by dpop()`],
  ['a plain privateKey', { credential: id, builder: { clientId: 'app', privateKey: 'PEM' } }, `${WHERE}privateKey is not an option of clientCredentials()`],
  ['flow', { credential: id, builder: { ...id, flow: 'clientCredentials' } }, `${WHERE}flow is not an option of clientCredentials()`],
  ['a key named like an Object method', { credential: id, builder: { ...id, constructor: 'x' } }, `${WHERE}constructor is not an option of clientCredentials()`],
];

describe('what only the builder refuses (the plain credential accepts it)', () => {
  it.each(BUILDER_REFUSES)('%s', (_, given, want) => {
    if (given.builder === undefined) expect(plain(given)).toBeInstanceOf(OAuth2Auth);
    expect(() => built(given)).toThrow(new TypeError(want));
  });
});

describe('clientCredentials() on its scheme', () => {
  it('refuses a scheme that is not OAuth 2.0 or OpenID Connect, naming it', () => {
    const make = strategyMaker(clientCredentials(id))!;
    expect(() => make('apiKey', { type: 'apiKey', in: 'header', name: 'X-Key' }, contextFor())).toThrow(new TypeError('security scheme "apiKey": clientCredentials() fits an OAuth 2.0 or OpenID Connect scheme only'));
  });

  it('takes the client-wide state from the client: two schemes of one client share one token store and discovery cache', () => {
    const context = contextFor();
    const made = ['a', 'b'].map((scheme) => strategyMaker(clientCredentials(id))!(scheme, CC, context));
    const plainToo = oauth2Strategies('c', CC, id, context);
    // The store (an application's, guarded) and the discovery cache (made by discovery, lazily) hang off this one object.
    const shared = context.shared.oauth2 as { now: unknown; store: unknown } | undefined;
    expect(shared).toEqual(expect.objectContaining({ now: expect.any(Function), store: undefined }));
    expect(made.map((strategy) => strategy.scheme)).toEqual(['a', 'b']);
    expect(plainToo).toBeInstanceOf(OAuth2Auth);
    // One shared value for the builder's schemes and the plain one: made once, by the first.
    expect(Object.keys(context.shared)).toEqual(['oauth2']);
    expect(context.shared.oauth2).toBe(shared);
  });
});

describe("the builder's static import graph", () => {
  const reached = staticGraph('oauth2/client-credentials.ts');

  it('holds its own construction and the token path', () => {
    expect([...reached]).toEqual(expect.arrayContaining(['oauth2/endpoint-url.ts', 'oauth2/oauth-environment.ts', 'oauth2/token-grant.ts', 'oauth2/oauth2-auth.ts', 'oauth2/client-secret.ts']));
  });

  it.each([
    // A client-secret app links none of the optional parts: DPoP, the client certificate, the client assertion.
    'oauth2/dpop-option.ts',
    'oauth2/dpop.ts',
    'oauth2/client-certificate.ts',
    'oauth2/client-auth.ts',
    'mtls/tls-fetch.ts',
    'oauth2/private-key-jwt.ts',
    'oauth2/client-assertion.ts',
    'oauth2/grant-construction.ts',
    'oauth2/endpoint-source.ts',
    'oauth2/scheme-flows.ts',
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

describe('clientCredentials() reads what it checks: own properties only', () => {
  it('ignores inherited options (a prototype\'s dpop or scopes is neither checked nor used)', () => {
    const inherited = Object.assign(Object.create({ dpop: true, scopes: 'pets:read' }) as object, { clientId: 'app', clientSecret: SECRET }) as ClientCredentialsOptions;
    const strategy = strategyMaker(clientCredentials(inherited))!('oauth', CC, contextFor());
    expect(strategy).toBeInstanceOf(OAuth2Auth);
  });

  it('still refuses the same option given as an own property', () => {
    expect(() => built({ credential: {}, builder: { clientId: 'app', clientSecret: SECRET, dpop: true } })).toThrow(`${WHERE}dpop must be made by dpop()`);
  });
});

describe('clientCredentials() sends what it checked', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('each resource indicator once, the tokenParams, and the client secret in Basic', async () => {
    server.on('/oauth/token', () => tokenJson('tok'));
    server.on('/api/pets', bearerApi(() => ['tok']));
    const spec: SchemeSpec = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `${server.origin}/oauth/token`, scopes: [] } } };
    const resource = ['https://api.example/', 'urn:example:ledger', 'https://api.example/'];
    const { core } = makeClient(server.origin, { oauth: spec }, { oauth: clientCredentials({ ...id, resource, tokenParams: { audience: 'pets' } }) });
    await core.request(listPets([]), {});
    const [request] = server.to('/oauth/token');
    expect(request!.form.getAll('resource')).toEqual(['https://api.example/', 'urn:example:ledger']);
    expect(request!.form.get('audience')).toBe('pets');
    expect(request!.basic).toEqual({ id: 'app', secret: SECRET });
  });

  it('a dpop() key is kept out of what the server writes back', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const privateKey = await crypto.subtle.exportKey('jwk', pair.privateKey);
    server.on('/oauth/token', () => ({ status: 400, json: { error: 'invalid_client', error_description: `no client with key ${privateKey.d!}` } }));
    const spec: SchemeSpec = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `${server.origin}/oauth/token`, scopes: [] } } };
    const { core } = makeClient(server.origin, { oauth: spec }, { oauth: clientCredentials({ ...id, dpop: dpop({ privateKey }) }) });
    const error = (await core.request(listPets([]), {}).catch((thrown: unknown) => thrown)) as Error;
    expect(server.to('/oauth/token').at(-1)!.headers['dpop']).toBeDefined();
    expect(error.message).toContain('no client with key');
    expect(error.message).not.toContain(privateKey.d!);
  });

  // The generator lists a scheme's flows in FLOW_ORDER; a hand-written spec may list them in any order.
  it.each([
    ['its own flow\'s token URL, wherever the scheme lists it', { password: { tokenUrl: '/password-token', scopes: [] }, clientCredentials: { tokenUrl: '/oauth/token', scopes: [] } }],
    ['else the first token URL of the flows the scheme lists', { implicit: { authorizationUrl: '/authorize', scopes: [] }, authorizationCode: { authorizationUrl: '/authorize', tokenUrl: '/oauth/token', scopes: [] }, password: { tokenUrl: '/password-token', scopes: [] } }],
  ])('%s', async (_, relative) => {
    server.on('/oauth/token', () => tokenJson('tok'));
    server.on('/api/pets', bearerApi(() => ['tok']));
    const flows = Object.fromEntries(Object.entries(relative).map(([name, flow]) => [name, { ...flow, ...('tokenUrl' in flow ? { tokenUrl: server.origin + flow.tokenUrl } : {}) }]));
    const { core } = makeClient(server.origin, { oauth: { type: 'oauth2', flows } as SchemeSpec }, { oauth: clientCredentials(id) });
    await expect(core.request(listPets([]), {})).resolves.toBeDefined();
    expect(server.to('/password-token')).toHaveLength(0);
  });
});
