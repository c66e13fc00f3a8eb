// Proves what prism 5.14.2 really checks about credentials, so end-to-end tests know which
// mistakes a 401 from prism can catch. The summary lives in test/support/prism.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismServer } from './prism.js';

const SPEC = new URL('../../fixtures/e2e/auth-matrix.yaml', import.meta.url).pathname;

const basic = (userPass: string): string => `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
const BEARER = 'Bearer any-token-at-all';

interface Case {
  why: string;
  path: string;
  headers?: Record<string, string>;
  status: number;
}

const cases: Case[] = [
  // apiKey in header
  { why: 'header key present', path: '/apikey-header', headers: { 'X-API-Key': 'k' }, status: 200 },
  { why: 'header key name is case-insensitive', path: '/apikey-header', headers: { 'x-api-key': 'k' }, status: 200 },
  { why: 'header key missing', path: '/apikey-header', status: 401 },
  { why: 'header key empty', path: '/apikey-header', headers: { 'X-API-Key': '' }, status: 401 },
  { why: 'header key sent in the query instead', path: '/apikey-header?X-API-Key=k', status: 401 },
  // apiKey in query
  { why: 'query key present', path: '/apikey-query?api_key=k', status: 200 },
  { why: 'query key missing', path: '/apikey-query', status: 401 },
  { why: 'query key empty', path: '/apikey-query?api_key=', status: 401 },
  { why: 'query key name is case-sensitive', path: '/apikey-query?API_KEY=k', status: 401 },
  { why: 'query key sent as a header instead', path: '/apikey-query', headers: { api_key: 'k' }, status: 401 },
  // apiKey in cookie
  { why: 'cookie present', path: '/apikey-cookie', headers: { Cookie: 'session_id=abc' }, status: 200 },
  { why: 'cookie among others', path: '/apikey-cookie', headers: { Cookie: 'a=1; session_id=abc; b=2' }, status: 200 },
  { why: 'cookie missing', path: '/apikey-cookie', status: 401 },
  { why: 'other cookie only', path: '/apikey-cookie', headers: { Cookie: 'other=abc' }, status: 401 },
  { why: 'cookie name sent as a header instead', path: '/apikey-cookie', headers: { session_id: 'abc' }, status: 401 },
  { why: 'LENIENT: a cookie whose name merely ends with the right one passes', path: '/apikey-cookie', headers: { Cookie: 'xsession_id=abc' }, status: 200 },
  // http basic
  { why: 'basic user:pass', path: '/basic', headers: { Authorization: basic('user:pass') }, status: 200 },
  { why: 'basic scheme is case-insensitive', path: '/basic', headers: { Authorization: basic('user:pass').replace('Basic', 'basic') }, status: 200 },
  { why: 'basic with empty password', path: '/basic', headers: { Authorization: basic('user:') }, status: 200 },
  { why: 'basic with empty user', path: '/basic', headers: { Authorization: basic(':pass') }, status: 200 },
  { why: 'BUG: basic password containing a colon is rejected', path: '/basic', headers: { Authorization: basic('user:pa:ss') }, status: 401 },
  { why: 'basic without a colon', path: '/basic', headers: { Authorization: basic('userpass') }, status: 401 },
  { why: 'basic with text that is not base64 of user:pass', path: '/basic', headers: { Authorization: 'Basic !!!notbase64' }, status: 401 },
  { why: 'basic with empty token', path: '/basic', headers: { Authorization: 'Basic ' }, status: 401 },
  { why: 'basic endpoint given a bearer token', path: '/basic', headers: { Authorization: BEARER }, status: 401 },
  { why: 'basic missing', path: '/basic', status: 401 },
  // http bearer
  { why: 'bearer with any token', path: '/bearer', headers: { Authorization: BEARER }, status: 200 },
  { why: 'bearer token content is not checked', path: '/bearer', headers: { Authorization: 'Bearer not.a.jwt!!' }, status: 200 },
  { why: 'bearer scheme is case-SENSITIVE', path: '/bearer', headers: { Authorization: 'bearer abc' }, status: 401 },
  { why: 'bearer with empty token', path: '/bearer', headers: { Authorization: 'Bearer ' }, status: 401 },
  { why: 'bare token without scheme', path: '/bearer', headers: { Authorization: 'abc' }, status: 401 },
  { why: 'bearer endpoint given basic', path: '/bearer', headers: { Authorization: basic('u:p') }, status: 401 },
  { why: 'bearer token in access_token query', path: '/bearer?access_token=abc', status: 401 },
  { why: 'bearer missing', path: '/bearer', status: 401 },
  // AND: header key together with bearer
  { why: 'AND with both', path: '/and', headers: { 'X-API-Key': 'k', Authorization: BEARER }, status: 200 },
  { why: 'AND with only the key', path: '/and', headers: { 'X-API-Key': 'k' }, status: 401 },
  { why: 'AND with only the bearer', path: '/and', headers: { Authorization: BEARER }, status: 401 },
  { why: 'AND with neither', path: '/and', status: 401 },
  // OR: basic, or a query key
  { why: 'OR via basic', path: '/or', headers: { Authorization: basic('u:p') }, status: 200 },
  { why: 'OR via query key', path: '/or?api_key=k', status: 200 },
  { why: 'OR via both', path: '/or?api_key=k', headers: { Authorization: basic('u:p') }, status: 200 },
  { why: 'OR with a scheme it does not list', path: '/or', headers: { Authorization: BEARER }, status: 401 },
  { why: 'OR with neither', path: '/or', status: 401 },
  // security: [] overrides the global bearer requirement
  { why: 'public without credentials', path: '/public', status: 200 },
  { why: 'public ignores a stray Authorization', path: '/public', headers: { Authorization: 'junk' }, status: 200 },
  // {} or header key
  { why: 'optional without credentials', path: '/optional', status: 200 },
  { why: 'optional with the key', path: '/optional', headers: { 'X-API-Key': 'k' }, status: 200 },
  { why: 'QUIRK: optional with an unrelated Authorization header fails', path: '/optional', headers: { Authorization: BEARER }, status: 401 },
  { why: 'optional with key and unrelated Authorization', path: '/optional', headers: { 'X-API-Key': 'k', Authorization: BEARER }, status: 200 },
  // no operation-level security: the global bearer requirement applies
  { why: 'inherited global with bearer', path: '/inherited', headers: { Authorization: BEARER }, status: 200 },
  { why: 'inherited global without bearer', path: '/inherited', status: 401 },
  { why: 'inherited global with a scheme it does not list', path: '/inherited', headers: { 'X-API-Key': 'k' }, status: 401 },
];

let prism: PrismServer;

beforeAll(async () => {
  prism = await startPrism(SPEC);
}, 60_000);

afterAll(async () => {
  await prism?.stop();
});

describe('prism security checks', () => {
  it.each(cases)('$path: $why → $status', async ({ path, headers, status }) => {
    const response = await fetch(prism.url + path, { headers });
    expect(response.status).toBe(status);
    if (status === 200) {
      expect(await response.json()).toEqual({ ok: true });
    } else {
      // A declared 401 without content: prism sends it empty, with no WWW-Authenticate.
      expect(await response.text()).toBe('');
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(response.headers.get('sl-violations')).toContain('Invalid security scheme used');
    }
  });

  it('invents a problem+json 401 with WWW-Authenticate when the spec declares no 401', async () => {
    const denied = await fetch(prism.url + '/basic-undeclared-401');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('content-type')).toContain('application/problem+json');
    expect(denied.headers.get('www-authenticate')).toBe('Basic realm="*"');
    const allowed = await fetch(prism.url + '/basic-undeclared-401', { headers: { Authorization: basic('u:p') } });
    expect(allowed.status).toBe(200);
  });
});

describe('prism request validation', () => {
  const post = (path: string, body: string | undefined, headers: Record<string, string> = {}) =>
    fetch(prism.url + path, { method: 'POST', body, headers: { Authorization: BEARER, 'Content-Type': 'application/json', ...headers } });

  it('answers a valid POST with path param, exploded query array and JSON body from the example', async () => {
    const response = await post('/items/5?tags=red&tags=blue', JSON.stringify({ name: 'a', count: 1 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'widget', count: 3 });
  });

  it.each([
    { why: 'body misses a required property', path: '/items/5', body: '{"count":1}' },
    { why: 'path param is not an integer', path: '/items/abc', body: '{"name":"a"}' },
    { why: 'query array item outside the enum', path: '/items/5?tags=purple', body: '{"name":"a"}' },
    { why: 'query array sent comma-joined although explode is true', path: '/items/5?tags=red,blue', body: '{"name":"a"}' },
    { why: 'body missing', path: '/items/5', body: undefined },
  ])('422 when $why', async ({ path, body }) => {
    const response = await post(path, body);
    expect(response.status).toBe(422);
  });

  it('422 for a content type the operation does not accept', async () => {
    const response = await post('/items/5', 'x', { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(422);
  });

  it('security failure wins over an invalid body: 401, not 422', async () => {
    const response = await fetch(prism.url + '/items/5', { method: 'POST', body: '{"count":1}', headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(401);
  });

  it('logs each violation, so a failing e2e test can show why', async () => {
    await post('/items/5?tags=purple', '{"name":"a"}');
    expect(prism.logs()).toContain('Request query parameter tags.0 must be equal to one of the allowed values');
  });
});
