/**
 * Every identifier the generated modules import or declare, tried as the client's `--name` and as
 * schema, operation and security scheme names at once: the output compiles, or `--name` is refused
 * with E_USAGE naming the clash. The names come from the plan itself (every module's declarations,
 * imports and exports, for a spec using every scheme family), so a new runtime import is covered
 * as soon as a client makes it. Before plan/ owned these names, `--name staticStrategies` wrote
 * `import { staticStrategies }` and `export class staticStrategies` into one file (TS2440).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywayError } from '../../src/errors.js';
import { generate } from '../../src/generate.js';
import { analyze } from '../../src/analyze/index.js';
import { loadDocument } from '../../src/load/index.js';
import { boundNames } from '../../src/plan/bound-names.js';
import { plan } from '../../src/plan/index.js';
import { makeTempDir, removeTempDir } from '../support/tmp.js';
import { typecheck } from '../support/tsc.js';

/** One scheme of every catalog family, each used by an operation. */
const SCHEMES: Record<string, object> = {
  key: { type: 'apiKey', in: 'header', name: 'X-Key' },
  basic: { type: 'http', scheme: 'basic' },
  bearer: { type: 'http', scheme: 'bearer' },
  negotiate: { type: 'http', scheme: 'negotiate' },
  digest: { type: 'http', scheme: 'digest' },
  oauth1: { type: 'http', scheme: 'oauth' },
  oauth: {
    type: 'oauth2',
    flows: {
      clientCredentials: { tokenUrl: 'https://auth.test/token', scopes: {} },
      password: { tokenUrl: 'https://auth.test/token', scopes: {} },
      authorizationCode: { authorizationUrl: 'https://auth.test/authorize', tokenUrl: 'https://auth.test/token', scopes: {} },
      implicit: { authorizationUrl: 'https://auth.test/authorize', scopes: {} },
    },
  },
  oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.test/.well-known/openid-configuration' },
  mtls: { type: 'mutualTLS' },
};

function document(extraNames: readonly string[]): object {
  const schemas: Record<string, object> = { Pet: { type: 'object', properties: { id: { type: 'integer' } } } };
  const securitySchemes: Record<string, object> = { ...SCHEMES };
  const paths: Record<string, object> = {
    '/pets': {
      get: {
        operationId: 'listPets',
        security: Object.keys(SCHEMES).map((s) => ({ [s]: [] })),
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
      },
    },
  };
  for (const [i, name] of extraNames.entries()) {
    schemas[name] = { type: 'object', properties: { n: { type: 'string' } } };
    securitySchemes[name] = { type: 'apiKey', in: 'query', name: `k${i}` };
    paths[`/n${i}`] = {
      post: {
        operationId: name,
        security: [{ [name]: [] }],
        requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${encodeURIComponent(name)}` } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${encodeURIComponent(name)}` } } } } },
      },
    };
  }
  return { openapi: '3.1.0', info: { title: 'Names', version: '1' }, servers: [{ url: 'https://api.test' }], paths, components: { schemas, securitySchemes } };
}

/** Names bound inside the client's functions (parameters, locals): they may shadow, and must still compile. */
const LOCALS = ['options', 'args', 'baseUrl', 'scheme'];

let dir: string;
let names: string[];
const accepted: string[] = [];
const refused = new Map<string, string>();

beforeAll(async () => {
  dir = await makeTempDir('keyway-emitted-names-');
  const base = join(dir, 'base.json');
  await writeFile(base, JSON.stringify(document([])));
  const planned = plan(analyze(await loadDocument(base)));
  // Names planned around --name (its Core class and server-URL builder, the types, the operation functions and argument types) step aside for it.
  const planned$ = new Set([planned.clientName, planned.coreName, planned.serverUrlName, ...planned.typeNames.values(), ...planned.operations.flatMap((op) => [op.functionName, op.argsType ?? []].flat())]);
  names = [...new Set([...boundNames(planned.modules).keys(), ...LOCALS])].filter((n) => !planned$.has(n)).sort();

  for (const name of names) {
    try {
      await generate({ input: base, output: join(dir, 'clients', `name-${name}`), name });
      accepted.push(name);
    } catch (error) {
      if (!(error instanceof KeywayError)) throw error;
      refused.set(name, `${error.code} ${error.message}`);
    }
  }
  const all = join(dir, 'all.json');
  // `core$`, `specs$`: no schema or scheme name can hold a `$`, and no operation id becomes one.
  await writeFile(all, JSON.stringify(document(names.filter((n) => !n.includes('$')))));
  await generate({ input: all, output: join(dir, 'clients', 'spec-names') });
}, 120_000);

afterAll(async () => {
  if (dir) await removeTempDir(dir);
});

describe('every emitted top-level name', () => {
  it('is collected from the plan: runtime imports of every scheme family, declarations, exports', () => {
    for (const name of ['staticStrategies', 'digestStrategies', 'oauth1Strategies', 'oauth2Strategies', 'mtlsStrategies', 'buildAuthStrategies', 'authorizationFlow', 'ClientCore', 'clientCore', 'SchemeSpec', 'OperationSpec', 'securitySchemes', 'SERVERS', 'chooseServer', 'ServerVariables', 'T', 'operations', 'AuthOptions', 'ClientOptions', 'ApiError', 'TokenError']) {
      expect(names).toContain(name);
    }
  });

  it('as --name: refused with E_USAGE naming the name and the clash, unless it is only a function-local name', () => {
    for (const [name, message] of refused) {
      expect(message, name).toMatch(/^E_USAGE /);
      expect(message, name).toContain(JSON.stringify(name));
      expect(message, name).toMatch(/already uses that name \((client|index|operations|functions|types)\.ts (declares|imports|exports) it/);
    }
    expect(accepted.sort()).toEqual([...LOCALS].sort());
  });

  it('every accepted --name and the spec naming schemas, operations and schemes after all of them compile under strict', async () => {
    const result = await typecheck(join(dir, 'clients'), { moduleResolution: 'NodeNext' });
    expect(result.diagnostics).toBe('');
    expect(result.exitCode).toBe(0);
  }, 180_000);
});
