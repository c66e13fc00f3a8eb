/** One case per view: what each template receives for a small model, computed from the plan alone. */
import { describe, expect, it } from 'vitest';
import { runtimeSources } from '../../../../src/emit/runtime-files.js';
import { OUTPUTS } from '../../../../src/emit/outputs.js';
import { clientView } from '../../../../src/emit/views/client-view.js';
import { functionsView } from '../../../../src/emit/views/functions-view.js';
import { indexView } from '../../../../src/emit/views/index-view.js';
import { methodsView } from '../../../../src/emit/views/methods-view.js';
import { operationsView } from '../../../../src/emit/views/operations-view.js';
import { readmeView } from '../../../../src/emit/views/readme-view.js';
import { typesView } from '../../../../src/emit/views/types-view.js';
import type { ApiModel } from '../../../../src/model/index.js';
import { plan } from '../../../../src/plan/index.js';

const model: ApiModel = {
  sourceVersion: '3.0',
  specVersion: '3.0.3',
  title: 'Pets',
  version: '1',
  servers: [{ url: 'https://api.test', template: 'https://api.test', variables: [] }],
  types: [{ key: 'Pet', pointer: '#/components/schemas/Pet', type: { kind: 'object', properties: [{ name: 'id', type: { kind: 'primitive', name: 'number' }, required: true }] } }],
  operations: [
    {
      operationId: 'getPet',
      method: 'get',
      path: '/pets/{id}',
      tags: [],
      parameters: [{ name: 'id', in: 'path', required: true, type: { kind: 'primitive', name: 'string' }, style: 'simple', explode: false }],
      responses: [{ status: '200', contents: [{ mediaType: 'application/json', encoding: 'json', type: { kind: 'ref', target: 'Pet' } }] }],
      security: [{ schemes: [{ scheme: 'key', scopes: [] }] }],
      pointer: '#/paths/~1pets~1{id}/get',
    },
  ],
  securitySchemes: [{ key: 'key', kind: 'apiKey', in: 'header', paramName: 'X-Key', pointer: '#/components/securitySchemes/key' }],
};
const planned = plan(model);

describe('views', () => {
  it('OUTPUTS lists each rendered file once, with its template', () => {
    expect(OUTPUTS.map((o) => [o.file, o.template])).toEqual([
      ['index.ts', 'index.ts.hbs'],
      ['client.ts', 'client.ts.hbs'],
      ['operations.ts', 'operations.ts.hbs'],
      ['functions.ts', 'functions.ts.hbs'],
      ['methods.ts', 'methods.ts.hbs'],
      ['types.ts', 'types.ts.hbs'],
      ['README.md', 'README.md.hbs'],
    ]);
  });

  it('typesView: one declaration per named type, then one per argument object', () => {
    expect(typesView(planned)).toEqual({
      types: [
        { doc: '', name: 'Pet', type: '{ id: number }' },
        { doc: '/** The arguments of `client.getPet()` and `getPet(client, …)`: `GET /pets/{id}`. */\n', name: 'GetPetArgs', type: '{ id: string }' },
      ],
      empty: false,
    });
  });

  it('operationsView: the runtime type import and the operation table', async () => {
    expect(operationsView(planned, await runtimeSources())).toEqual({
      runtimeImports: ["import type { OperationSpec } from './runtime/operation.js';", "import { expandPath } from './runtime/serialize-path.js';"],
      operations: [{ name: 'getPetSpec', key: 'getPet', spec: '{\n  id: "getPet",\n  method: "GET",\n  path: "/pets/{id}",\n  expand: expandPath,\n  params: [{ key: "id", in: "path" }],\n  accept: "application/json",\n  security: [[["key", []]]],\n}' }],
    });
  });

  it('indexView: the client and the runtime names callers need', async () => {
    expect(indexView(planned, await runtimeSources())).toEqual({
      clientName: 'PetsClient',
      coreName: 'PetsCore',
      hasSchemes: true,
      serverUrlName: 'petsServerUrl',
      // one line per module, in module path order; type-only lines say so once; the builder the apiKey scheme takes
      runtimeExports: [
        "export { ApiError } from './runtime/api-error.js';",
        "export { apiKey } from './runtime/api-key.js';",
        "export { ApiPromise, type ApiResponse } from './runtime/api-promise.js';",
        "export type { TokenSource } from './runtime/auth-strategy.js';",
        "export type { FetchLike, FetchOptions, RequestOptions } from './runtime/client-core.js';",
        "export type { Credential } from './runtime/credential.js';",
        "export type { HookContext, Hooks } from './runtime/hooks.js';",
        "export type { BackoffOptions, RetryOptions } from './runtime/retry.js';",
        "export { AuthRequiredError } from './runtime/security.js';",
        "export { ApiConnectionError, ApiTimeoutError } from './runtime/transport-errors.js';",
      ],
    });
  });

  it('clientView: factories and schemes; no types import when no error body names a type; the methods by the name methods.ts declares them under', async () => {
    const view = clientView(planned, await runtimeSources());
    expect(view).toMatchObject({
      clientName: 'PetsClient',
      factories: 'staticStrategies',
      // The signatures that name T.Pet are in methods.ts now, and the errors here name none.
      typesImport: '',
      servers: { serversLiteral: '["https://api.test"]', fillArgument: '', serverIndex: '0', serverVariablesType: 'Record<string, never>' },
      schemesLiteral: '{ key: { type: "apiKey", in: "header", name: "X-Key" } }',
      schemes: [
        {
          doc: '  /** `key`: API key sent in the header `X-Key`. */\n',
          key: 'key',
          credentialType: 'TokenSource | Credential<"apiKey">',
          builtDoc: '  /**\n   * `key`: API key sent in the header `X-Key`.\n   *\n   * Built by `apiKey(key)`; any other: the plain credential AuthOptions takes, through `anyAuth`.\n   */\n',
          builtType: 'Credential<"apiKey">',
        },
      ],
      managesTokens: false,
      authorizationSchemes: '',
    });
    expect(view.methodsName).toBe('Methods$');
    expect(view.optionsOnlyMethods).toBe('[]');
    expect(view.sendName).toBe('send$');
  });

  it("functionsView: one function per operation, made by the maker of its parameters' shape from its args and result types, sending its own spec", async () => {
    expect(functionsView(planned, await runtimeSources())).toEqual({
      coreName: 'PetsCore',
      sendName: 'send$',
      specsNamespace: 'specs$',
      runtimeImports: [
        "import type { ApiPromise } from './runtime/api-promise.js';",
        "import type { RequestOptions } from './runtime/client-core.js';",
        "import type { OperationSpec } from './runtime/operation.js';",
      ],
      typesImport: "import type * as T from './types.js';",
      // Only the maker a function uses is declared (an unused one would be an unused local).
      makers: { required: 'fn$' },
      functions: [expect.objectContaining({ name: 'getPet', maker: 'fn$', typeArgs: 'T.GetPetArgs, T.Pet', specName: 'getPetSpec' })],
    });
  });

  it('methodsView: one declaration per operation, with its doc, arguments and result; the runtime types they name', async () => {
    expect(methodsView(planned, await runtimeSources())).toEqual({
      clientName: 'PetsClient',
      methodsName: 'Methods$',
      runtimeImports: ["import type { ApiPromise } from './runtime/api-promise.js';", "import type { RequestOptions } from './runtime/client-core.js';"],
      typesImport: "import type * as T from './types.js';",
      methods: [expect.objectContaining({ name: 'getPet', params: 'args: T.GetPetArgs, options?: RequestOptions', result: 'T.Pet' })],
    });
    expect(methodsView(plan({ ...model, operations: [] }), await runtimeSources())).toMatchObject({ runtimeImports: [], typesImport: '', methods: [] });
  });

  it('readmeView: a section per scheme from the catalog', () => {
    const view = readmeView(planned);
    expect(view.schemes).toEqual([
      expect.objectContaining({ heading: '`key` (API key in header)', about: 'An API key, sent in the header `X-Key`.', credential: '`TokenSource`', usedBy: ['`getPet` — `GET /pets/{id}`'] }),
    ]);
    expect(view.tokenRefresh).toBe(false);
  });

  it.each([
    ['an apiKey scheme', model, ' It takes the other options of `PetsClient`, each credential built: by the builders the package exports (`apiKey`: each carries only its own scheme\'s code), or from the plain form `PetsClient` takes with `anyAuth({ … })` (which carries the code of every scheme kind the API declares):'],
    // Neither builders nor anyAuth are exported then.
    ['no security schemes', { ...model, securitySchemes: [], operations: model.operations.map((op) => ({ ...op, security: [] })) }, ' It takes the other options of `PetsClient` as they are.'],
  ])('readmeView: how a Core takes credentials, for %s', (_, given, want) => {
    expect(readmeView(plan(given)).coreCredentials).toBe(want);
  });

  it.each([
    ['one server without variables: no other to show', (m: ApiModel) => m, { text: /without it, it sends to the first server/, sample: /^(?![\s\S]*const other)[\s\S]*new PetsCore\(\{ auth: / }],
    ['servers with defaults', (m: ApiModel) => ({ ...m, servers: [...m.servers, { url: 'https://eu.test', template: 'https://{r}.test', variables: [{ name: 'r', default: 'eu' }] }] }), { text: /^ `PetsCore` takes `baseUrl` alone for where to send \(not `server` or `serverVariables`\): without it, it sends to the first server with its variables' defaults .*`petsServerUrl\(\{ server, serverVariables \}\)` builds the URL of another server or with other values\.$/, sample: /new PetsCore\(\{ auth: .*\n.*\nconst other = new PetsCore\(\{ baseUrl: petsServerUrl\(\{ server: 1 \}\), auth: / }],
    ['no servers', (m: ApiModel) => ({ ...m, servers: [] }), { text: /^ `PetsCore` takes `baseUrl` alone for where to send \(not `server` or `serverVariables`\), and requires it\.$/, sample: /new PetsCore\(\{ baseUrl: 'https:\/\/api\.example\.com', auth: / }],
    ['a variable without a default to use', (m: ApiModel) => ({ ...m, servers: [{ url: 'https://{t}.test', template: 'https://{t}.test', variables: [{ name: 't', default: 'x', enum: ['y'] }] }] }), { text: /and requires it \(`petsServerUrl\(\{ server, serverVariables \}\)` builds one\)\.$/, sample: /new PetsCore\(\{ baseUrl: petsServerUrl\(\{ serverVariables: \{ \/\* … \*\/ \} \}\), auth: / }],
  ])('readmeView: how a Core takes its server, for %s', (_, edit, want) => {
    const view = readmeView(plan(edit(model)));
    expect(view.coreServers).toMatch(want.text);
    expect(view.smallerBundles).toMatch(want.sample);
  });

  it('readmeView: the Core sample of an implicit-only OAuth 2.0 scheme uses bearer(token): clientCredentials() would need a tokenUrl of its own', () => {
    const implicit: ApiModel = {
      ...model,
      operations: model.operations.map((op) => ({ ...op, security: [{ schemes: [{ scheme: 'oauth', scopes: [] }] }] })),
      securitySchemes: [{ key: 'oauth', kind: 'oauth2', flows: { implicit: { authorizationUrl: 'https://login.test/authorize', scopes: {} } }, pointer: '#/components/securitySchemes/oauth' }],
    } as ApiModel;
    const view = readmeView(plan(implicit));
    expect(view.smallerBundles).toContain("oauth: bearer('<token>')");
    expect(view.coreCredentials).toContain('`bearer`, `clientCredentials`');
  });
});
