import { describe, expect, it } from 'vitest';
import type { OAuthFlowsSpec } from '../../../../src/runtime/auth-strategy.js';
import { BearerAuth } from '../../../../src/runtime/bearer-auth.js';
import { OAuth2Auth } from '../../../../src/runtime/oauth2/oauth2-auth.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';

const URLS = { tokenUrl: 'https://as.example/token', authorizationUrl: 'https://as.example/authorize', deviceAuthorizationUrl: 'https://as.example/device', scopes: [] };
const IMPLICIT_ONLY: OAuthFlowsSpec = { implicit: { authorizationUrl: 'https://as.example/authorize', scopes: [] } };
const ALL: OAuthFlowsSpec = { clientCredentials: URLS, password: URLS, authorizationCode: URLS, implicit: URLS, deviceAuthorization: URLS };

function flowOf(credential: unknown, flows: OAuthFlowsSpec = ALL): string {
  const strategy = createAuthStrategies({ s: { type: 'oauth2', flows } }, { s: credential }, { baseUrl: 'https://api.example' }).get('s');
  if (strategy instanceof BearerAuth) return 'static';
  return (strategy as OAuth2Auth).flow;
}

describe('which flow a credential means', () => {
  it.each([
    [{ clientId: 'c', username: 'u', password: 'p' }, 'password'],
    [{ clientId: 'c', onUserCode: () => undefined }, 'deviceAuthorization'],
    [{ accessToken: 't' }, 'static'],
    [{ accessToken: () => 't' }, 'static'],
    [{ clientId: 'c', refreshToken: 'r' }, 'authorizationCode'],
    [{ clientId: 'c', accessToken: 't' }, 'authorizationCode'],
    [{ clientId: 'c', clientSecret: 's' }, 'clientCredentials'],
    [{ clientId: 'c', privateKey: 'pem' }, 'clientCredentials'],
    [{ clientId: 'c' }, 'authorizationCode'],
    [{ clientId: 'c', clientSecret: 's', flow: 'authorizationCode' }, 'authorizationCode'],
  ])('%o → %s', (credential, flow) => {
    expect(flowOf(credential)).toBe(flow);
  });

  it('falls back to what the scheme declares', () => {
    expect(flowOf({ clientId: 'c', clientSecret: 's' }, { authorizationCode: URLS })).toBe('authorizationCode');
    expect(flowOf({ clientId: 'c' }, { clientCredentials: URLS, authorizationCode: URLS })).toBe('authorizationCode');
    expect(flowOf({ accessToken: 't' }, { clientCredentials: URLS })).toBe('static');
  });

  it('a credential that fits no declared flow is a TypeError naming the scheme, never a value', () => {
    const attempts: Array<[unknown, OAuthFlowsSpec, RegExp]> = [
      // Any grant runs once a token endpoint is known (issue 10); an implicit-only scheme names none.
      [{ clientId: 'c', username: 'u', password: 'SECRET-pw' }, IMPLICIT_ONLY, /"s" fits no flow the scheme declares \(implicit\): it looks like password/],
      [{ clientId: 'c', clientSecret: 'SECRET-cs', flow: 'password' }, IMPLICIT_ONLY, /fits no flow/],
      [{ clientId: 'c', clientSecret: 'SECRET-cs' }, IMPLICIT_ONLY, /fits no flow.*pass tokenUrl/],
      [{ clientId: 'c', flow: 'magic' }, ALL, /flow must be one of/],
      [{}, ALL, /fits no flow/],
      ['SECRET-string', ALL, /must be an object/],
      [{ clientId: 'c' }, { clientCredentials: URLS }, /client credentials need a clientSecret or privateKey/],
      [{ clientId: 'c', username: 'u', password: 42 }, ALL, /"s": password must be a string/],
      [{ clientId: 'c', clientSecret: 's', scopes: 'a b' }, ALL, /scopes must be an array/],
      [{ clientId: 'c', clientSecret: 's', tokenParams: { audience: 1 } }, ALL, /tokenParams must be a map of names to strings/],
      // One pass checks every option construction reads, whatever the credential's shape.
      [{ clientId: 'c', clientSecret: 'SECRET-cs', par: 'yes' }, ALL, /^security scheme "s": par must be true or false$/],
      [{ clientId: 'c', clientSecret: 'SECRET-cs', redirectUri: 5 }, ALL, /^security scheme "s": redirectUri must be a string$/],
      [{ accessToken: 'SECRET-at', scopes: 'a b' }, ALL, /^security scheme "s": scopes must be an array of strings$/],
      [{ assertion: 'SECRET-jwt', tokenParams: 'x' }, ALL, /^security scheme "s": tokenParams must be a map of names to strings$/],
      [{ clientId: 'c', refreshToken: 'SECRET-rt', expiresAt: 'soon' }, ALL, /^security scheme "s": expiresAt must be epoch milliseconds$/],
    ];
    for (const [credential, flows, message] of attempts) {
      let error: unknown;
      try {
        flowOf(credential, flows);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(credential)).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toMatch(/SECRET/);
    }
  });

  it('static tokens are sent as they are', async () => {
    const strategy = createAuthStrategies({ s: { type: 'oauth2', flows: { implicit: URLS } } }, { s: { accessToken: 'abc' } }).get('s')!;
    const request = { method: 'GET', url: new URL('https://api.example/x'), headers: new Headers() };
    await strategy.apply(request, { scopes: [], operation: 'op' });
    expect(request.headers.get('authorization')).toBe('Bearer abc');
  });
});
