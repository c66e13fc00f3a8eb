import { describe, expect, it } from 'vitest';
import type { SecuritySpec } from '../../../src/runtime/operation.js';
import type { AuthStrategy } from '../../../src/runtime/auth-strategy.js';
import { AuthRequiredError, selectAlternative } from '../../../src/runtime/security.js';
import { testCore } from '../../support/test-core.js';

const apiKey = ['api_key', []] as const;
const oauthRead = ['oauth', ['read']] as const;
const basic = ['basic', []] as const;

describe('selectAlternative', () => {
  const cases: Array<[string, SecuritySpec, string[], unknown]> = [
    ['public: nothing applied, even with credentials', [], ['api_key'], []],
    ['single scheme satisfied', [[apiKey]], ['api_key'], [apiKey]],
    ['first satisfiable alternative wins', [[apiKey], [oauthRead, basic]], ['api_key', 'oauth', 'basic'], [apiKey]],
    ['later alternative when the first lacks credentials', [[apiKey], [oauthRead, basic]], ['oauth', 'basic'], [oauthRead, basic]],
    ['AND needs every scheme', [[oauthRead, basic], [apiKey]], ['oauth', 'api_key'], [apiKey]],
    ['optional auth applied when available', [[], [apiKey]], ['api_key'], [apiKey]],
    ['optional auth: anonymous otherwise', [[apiKey], []], [], []],
    ['optional auth listed first: a later alternative with credentials still wins', [[], [apiKey], [basic]], ['basic'], [basic]],
  ];
  it.each(cases)('%s', (_label, security, available, expected) => {
    expect(selectAlternative(security, new Set(available))).toEqual(expected);
  });

  it('is undefined when no alternative can be met; the call\'s AuthRequiredError lists each one\'s schemes', async () => {
    const security: SecuritySpec = [[apiKey], [['oauth', ['read', 'write']], basic]];
    expect(selectAlternative(security, new Set(['oauth']))).toBeUndefined();
    expect(selectAlternative([[apiKey], [basic]], new Set())).toBeUndefined();
    const oauth: AuthStrategy = { scheme: 'oauth', apply: () => undefined };
    const core = testCore({ baseUrl: 'https://api.test', auth: new Map([['oauth', oauth]]), fetch: () => Promise.reject(new Error('nothing may be sent')) });
    const error = await core.request({ id: 'listPets', method: 'GET', path: '/pets', params: [], security }, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthRequiredError);
    expect(error).toMatchObject({ operation: 'listPets', alternatives: [['api_key'], ['oauth', 'basic']], message: 'listPets needs credentials for one of: api_key; oauth + basic' });
  });

  it('applies frozen copies of the scope lists (strategies cache by frozen lists), the spec\'s own unchanged', () => {
    const scopes = ['read'];
    const chosen = selectAlternative([[['oauth', scopes]]], new Set(['oauth']))!;
    expect(chosen).toEqual([['oauth', ['read']]]);
    expect(Object.isFrozen(chosen[0]![1])).toBe(true);
    expect(Object.isFrozen(scopes)).toBe(false);
  });

  it('treats scheme names like __proto__ as plain strings', () => {
    expect(selectAlternative([[['constructor', []]], [['__proto__', []]]], new Set(['__proto__']))).toEqual([['__proto__', []]]);
  });
});
