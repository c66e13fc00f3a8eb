/** runtime/servers.ts and server-variables.ts: the base URL the `server` and `serverVariables` options choose (the client class's and the generated server-URL builder's), and the mistakes refused. */
import { describe, expect, it } from 'vitest';
import { fillServerUrls } from '../../../src/runtime/server-variables.js';
import { chooseServer, serverUrl, type FillServerUrls, type ServerConfig, type ServerSpec, type ServerUrlOptions } from '../../../src/runtime/servers.js';

// As the generator writes them: the URL with the defaults, absent when a variable has none.
const SERVERS: ServerSpec[] = [
  { template: 'https://{region}.api.test/{version}', url: 'https://eu.api.test/v1', variables: { region: { default: 'eu', enum: ['eu', 'us'] }, version: { default: 'v1' } } },
  { template: 'http://127.0.0.1:{port}', url: 'http://127.0.0.1:8080', variables: { port: { default: '8080' } } },
  { template: 'https://{tenant}.tenants.test', variables: { tenant: {} } },
];
// Per operation with servers of its own, the first of them (`ping` has none, so it is not listed).
const OPERATIONS: Record<string, ServerSpec> = {
  upload: { template: 'https://{region}.upload.test', url: 'https://eu.upload.test', variables: { region: { default: 'eu', enum: ['eu', 'us', 'ap'] } } },
};
/** The config chooseServer completes: the options as given, then the base URLs it sets. */
function chosen(servers: readonly ServerSpec[], operations: Record<string, ServerSpec>, options: ServerConfig, fill: FillServerUrls | undefined = fillServerUrls) {
  const config = { ...options };
  chooseServer(config, servers, operations, fill);
  return { baseUrl: config.baseUrl, operationBaseUrls: config.operationBaseUrls ?? new Map<string, string>() };
}
const choose = (options: ServerConfig, servers = SERVERS) => chosen(servers, OPERATIONS, options);

describe('chooseServer: the URL', () => {
  it.each([
    ['server 0 with its defaults', { given: {}, want: 'https://eu.api.test/v1' }],
    ['an enum value and a free one', { given: { serverVariables: { region: 'us', version: 'v2' } }, want: 'https://us.api.test/v2' }],
    ['another server by index', { given: { server: 1, serverVariables: { port: '9000' } }, want: 'http://127.0.0.1:9000' }],
    ['values are substituted as given, not percent-encoded (a base path may hold a slash)', { given: { serverVariables: { version: 'v2/beta' } }, want: 'https://eu.api.test/v2/beta' }],
    ['undefined values take the default', { given: { serverVariables: { region: undefined } }, want: 'https://eu.api.test/v1' }],
  ])('%s', (_, { given, want }) => expect(choose(given).baseUrl).toBe(want));

  it('an operation with servers of its own goes to the first of them, with the shared values', () => {
    expect([...choose({}).operationBaseUrls]).toEqual([['upload', 'https://eu.upload.test']]);
    // `ap` is allowed by the upload server, not by server 0, whose region it would also set.
    expect(() => choose({ serverVariables: { region: 'ap' } })).toThrow('serverVariables.region must be one of "eu", "us"');
    expect([...choose({ server: 1, serverVariables: { region: 'ap' } }).operationBaseUrls]).toEqual([['upload', 'https://ap.upload.test']]);
  });

  it('baseUrl wins: no operation keeps a server of its own, yet the options are still checked', () => {
    expect(choose({ baseUrl: 'http://127.0.0.1:1' }).operationBaseUrls.size).toBe(0);
    expect(() => choose({ baseUrl: 'http://127.0.0.1:1', server: 7 })).toThrow(TypeError);
    // A variable without default needs no value when baseUrl is given: that server is not used.
    expect(choose({ baseUrl: 'http://127.0.0.1:1', server: 2 }).operationBaseUrls.size).toBe(0);
  });

  it('a document without servers: an empty URL (the core then asks for baseUrl), and no `server` to choose', () => {
    expect(choose({}, []).baseUrl).toBe('');
    expect(() => choose({ server: 0 }, [])).toThrow('server: the document declares no servers; pass baseUrl instead');
  });
});

describe('chooseServer without fillServerUrls: servers that declare no variables', () => {
  const fixed = (options: ServerConfig) => chosen(['https://api.test/v3', 'http://127.0.0.1:8080'], { upload: 'https://uploads.test' }, options, undefined);

  it('takes the URLs as they are, the chosen server\'s and each operation\'s own', () => {
    expect(fixed({}).baseUrl).toBe('https://api.test/v3');
    expect(fixed({ server: 1 }).baseUrl).toBe('http://127.0.0.1:8080');
    expect([...fixed({}).operationBaseUrls]).toEqual([['upload', 'https://uploads.test']]);
    expect(fixed({ baseUrl: 'http://127.0.0.1:1' }).operationBaseUrls.size).toBe(0);
  });

  it.each([
    ['index out of range', { server: 2 }, "server must be the index of one of the document's servers: 0 to 1"],
    ['any variable', { serverVariables: { region: 's3cret-eu' } }, 'serverVariables has no "region"; the servers have no variables'],
    ['not an object', { serverVariables: 's3cret' }, 'serverVariables must be an object of variable names to string values'],
  ])('refuses %s with a TypeError that quotes no value', (_, options, message) => {
    expect(() => fixed(options as ServerConfig)).toThrow(new TypeError(message));
  });

  it('still refuses a relative server URL where there is no page to resolve it against', () => {
    expect(() => chosen(['/api'], {}, {}, undefined)).toThrow(new TypeError('server 0 is not a valid absolute URL with these serverVariables; pass baseUrl'));
  });
});

describe('chooseServer: mistakes are TypeErrors that name the option and never quote a value', () => {
  it.each([
    ['index out of range', { server: 3 }, "server must be the index of one of the document's servers: 0 to 2"],
    ['index not an integer', { server: '1' }, "server must be the index of one of the document's servers: 0 to 2"],
    ['negative index', { server: -1 }, "server must be the index of one of the document's servers: 0 to 2"],
    ['value outside the enum', { serverVariables: { region: 'mars-s3cret' } }, 'serverVariables.region must be one of "eu", "us"'],
    ['unknown variable, valid ones listed', { serverVariables: { regoin: 'us' } }, 'serverVariables has no "regoin"; the variables are region, version'],
    ['a variable of another server', { serverVariables: { port: '1' } }, 'serverVariables has no "port"; the variables are region, version'],
    ['not a string', { serverVariables: { version: 2 } }, 'serverVariables.version must be a string'],
    ['not an object', { serverVariables: 'eu' }, 'serverVariables must be an object of variable names to string values'],
    ['no default and no value', { server: 2 }, 'serverVariables.tenant is required: the document gives https://{tenant}.tenants.test no default for it'],
    ['a value that breaks the URL', { server: 1, serverVariables: { port: 'x y' } }, 'server 1 is not a valid absolute URL with these serverVariables; pass baseUrl'],
  ])('%s', (_, options, message) => {
    let error: unknown;
    try {
      choose(options as ServerConfig);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain('s3cret');
  });
});

describe('chooseServer: the URLs with defaults the generator wrote', () => {
  // A fill that must not run: the options give no value to fill in.
  const unused: FillServerUrls = () => {
    throw new Error('filled');
  };

  it('no serverVariables: the URLs as written, the chosen server\'s and each operation\'s own; none when baseUrl is set', () => {
    expect(chosen(SERVERS, OPERATIONS, {}, unused)).toEqual({ baseUrl: 'https://eu.api.test/v1', operationBaseUrls: new Map([['upload', 'https://eu.upload.test']]) });
    expect(chosen(SERVERS, OPERATIONS, { server: 1 }, unused).baseUrl).toBe('http://127.0.0.1:8080');
    expect(chosen(SERVERS, OPERATIONS, { baseUrl: 'http://127.0.0.1:1' }, unused)).toEqual({ baseUrl: 'http://127.0.0.1:1', operationBaseUrls: new Map() });
  });

  it('the template is filled when a value is given, or when a variable has no default', () => {
    expect(() => chosen(SERVERS, OPERATIONS, { serverVariables: {} }, unused)).toThrow('filled');
    expect(() => chosen(SERVERS, OPERATIONS, { server: 2 }, unused)).toThrow('filled');
    expect(choose({ server: 0, serverVariables: {} })).toEqual(choose({}));
  });

  it('a relative URL is still checked against the page, where there is none', () => {
    expect(() => chosen([{ template: '/{v}', url: '/v1', variables: { v: { default: 'v1' } } }], {}, {}, unused)).toThrow(new TypeError('server 0 is not a valid absolute URL with these serverVariables; pass baseUrl'));
  });
});

describe('serverUrl (the generated `<name>ServerUrl` builder, for a Core\'s baseUrl): one server\'s URL', () => {
  const build = (options?: ServerUrlOptions) => serverUrl(SERVERS, options, fillServerUrls);

  it.each([
    ['no options: server 0 with its defaults', { given: undefined, want: 'https://eu.api.test/v1' }],
    ['server 0, values given', { given: { serverVariables: { region: 'us', version: 'v2' } }, want: 'https://us.api.test/v2' }],
    ['another server by index', { given: { server: 1, serverVariables: { port: '9000' } }, want: 'http://127.0.0.1:9000' }],
    ['a variable without default, given', { given: { server: 2, serverVariables: { tenant: 'acme' } }, want: 'https://acme.tenants.test' }],
    ['substituted as given, not percent-encoded', { given: { serverVariables: { version: 'v2/beta' } }, want: 'https://eu.api.test/v2/beta' }],
  ])('%s', (_, { given, want }) => expect(build(given)).toBe(want));

  it('the URLs as the generator wrote them when no value is given: the template is not filled', () => {
    const unused: FillServerUrls = () => {
      throw new Error('filled');
    };
    expect(serverUrl(SERVERS, { server: 1 }, unused)).toBe('http://127.0.0.1:8080');
    expect(serverUrl(['https://api.test/v3'], undefined)).toBe('https://api.test/v3');
  });

  it.each([
    ['a bad index', { server: 3 }, "server must be the index of one of the document's servers: 0 to 2"],
    ['an index that is no integer', { server: 0.5 }, "server must be the index of one of the document's servers: 0 to 2"],
    ['an unknown variable', { serverVariables: { regoin: 's3cret' } }, 'serverVariables has no "regoin"; the variables are region, version'],
    // The URL is every operation's: a value for another server's variable would go unused.
    ['a variable of another server only', { serverVariables: { port: '1' } }, 'serverVariables has no "port"; the variables are region, version'],
    ['an enum violation', { serverVariables: { region: 'mars-s3cret' } }, 'serverVariables.region must be one of "eu", "us"'],
    ['a missing required value', { server: 2 }, 'serverVariables.tenant is required: the document gives https://{tenant}.tenants.test no default for it'],
    ['a value that breaks the URL', { server: 1, serverVariables: { port: 'x y' } }, 'server 1 is not a valid absolute URL with these serverVariables; pass baseUrl'],
    ['serverVariables not an object', { serverVariables: 's3cret' }, 'serverVariables must be an object of variable names to string values'],
  ])('refuses %s with a TypeError naming the option, never the value', (_, given, want) => {
    let error: unknown;
    try {
      build(given);
    } catch (e) {
      error = e;
    }
    expect(error).toEqual(new TypeError(want));
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('a document whose servers declare no variables refuses any value', () => {
    expect(() => serverUrl(['https://api.test/v3'], { serverVariables: { region: 'eu' } })).toThrow(new TypeError('serverVariables has no "region"; the servers have no variables'));
  });

  it('reads each option once (a getter runs once)', () => {
    let reads = 0;
    const options = { get server() { reads++; return 1 as const; }, get serverVariables() { reads++; return { port: '9000' }; } };
    expect(build(options)).toBe('http://127.0.0.1:9000');
    expect(reads).toBe(2);
  });
});
