/**
 * The catalog against the runtime it wires: each family's factory is a real runtime export, and
 * in catalog order the first factory that takes a family's scheme is that family's own (so HTTP
 * digest and OAuth 1.0a are never swallowed by the catch-all static factory).
 */
import { describe, expect, it } from 'vitest';
import { runtimeSources } from '../../../../src/emit/runtime-files.js';
import type { SecurityScheme } from '../../../../src/model/index.js';
import { factoryOrder, familyOf, SCHEME_CATALOG } from '../../../../src/plan/schemes/catalog.js';
import type { StrategyFactory } from '../../../../src/runtime/strategy-factory.js';

const base = { description: undefined, pointer: '#' };
/** One model scheme per family, and a credential of the shape it takes. */
const SAMPLES: Array<{ family: string; scheme: SecurityScheme; credential: unknown }> = [
  { family: 'http-digest', scheme: { ...base, key: 'd', kind: 'http', scheme: 'digest' }, credential: { username: 'u', password: 'p' } },
  { family: 'http-oauth', scheme: { ...base, key: 'o1', kind: 'http', scheme: 'oauth' }, credential: { consumerKey: 'k', consumerSecret: 's' } },
  {
    family: 'oauth2',
    scheme: { ...base, key: 'o2', kind: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.test/token', scopes: {} } } },
    credential: { flow: 'clientCredentials', clientId: 'c', clientSecret: 's' },
  },
  { family: 'openIdConnect', scheme: { ...base, key: 'oidc', kind: 'openIdConnect', openIdConnectUrl: 'https://auth.test/.well-known/openid-configuration' }, credential: { clientId: 'c', clientSecret: 's' } },
  // A PEM check failing proves the mTLS factory took the scheme; no other factory looks at it.
  { family: 'mutualTLS', scheme: { ...base, key: 'm', kind: 'mutualTLS' }, credential: { fetch: async () => new Response() } },
  { family: 'aws-sigv4', scheme: { ...base, key: 'aws', kind: 'awsSigV4', s3: false, signingName: 'execute-api' }, credential: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } },
  { family: 'apiKey', scheme: { ...base, key: 'k', kind: 'apiKey', in: 'header', paramName: 'X-Key' }, credential: 'secret' },
  { family: 'http', scheme: { ...base, key: 'b', kind: 'http', scheme: 'basic' }, credential: { username: 'u', password: 'p' } },
  { family: 'http', scheme: { ...base, key: 't', kind: 'http', scheme: 'bearer' }, credential: 'token' },
  { family: 'http', scheme: { ...base, key: 'n', kind: 'http', scheme: 'negotiate' }, credential: 'ticket' },
];

async function runtimeFactory(name: string): Promise<StrategyFactory> {
  const module = (await runtimeSources()).exports.get(name);
  expect(module, `the runtime exports ${name}`).toBeDefined();
  const loaded = (await import(`../../../../src/runtime/${module!}`)) as Record<string, unknown>;
  expect(typeof loaded[name], name).toBe('function');
  return loaded[name] as StrategyFactory;
}

/** The factory that takes the scheme first, in catalog order: one that returns a strategy, or throws on the credential. */
async function firstTaker(spec: Parameters<StrategyFactory>[1], credential: unknown): Promise<string | undefined> {
  const context = { env: { baseUrl: 'https://api.test' }, shared: {} };
  for (const name of factoryOrder()) {
    const factory = await runtimeFactory(name);
    try {
      if (factory('scheme', spec, credential, context) !== undefined) return name;
    } catch {
      return name;
    }
  }
  return undefined;
}

describe('SCHEME_CATALOG', () => {
  it('has a sample here for every family, and each family claims its sample', () => {
    expect([...new Set(SAMPLES.map((s) => s.family))].sort()).toEqual(SCHEME_CATALOG.map((f) => f.id).sort());
    for (const sample of SAMPLES) expect(familyOf(sample.scheme).id).toBe(sample.family);
  });

  it.each(SAMPLES)('$family ($scheme.key): the first runtime factory in catalog order to take its spec is its own', async ({ scheme, credential }) => {
    const family = familyOf(scheme);
    expect(await firstTaker(family.spec(scheme), credential)).toBe(family.factory);
  });

  it('orders the static catch-all factory last', () => {
    expect(factoryOrder().at(-1)).toBe('staticStrategies');
  });

  it('credential types are runtime exports', async () => {
    const { exports } = await runtimeSources();
    for (const sample of SAMPLES) {
      for (const credential of familyOf(sample.scheme).credentials(sample.scheme)) expect(exports.has(credential.type), credential.type).toBe(true);
    }
  });
});
