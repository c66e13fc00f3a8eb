import { describe, expect, it } from 'vitest';
import { flowEndpoints, usableFlows } from '../../../../src/runtime/oauth2/endpoint-overrides.js';
import { createAuthStrategies } from '../../../support/create-auth-strategies.js';

const AUTH = 'https://as.example/authorize';
const TOKEN = 'https://as.example/token';

describe('flowEndpoints', () => {
  it.each([
    { name: 'the flow own URLs', flows: { password: { tokenUrl: TOKEN, refreshUrl: 'https://as.example/refresh', scopes: [] } }, flow: 'password' as const, overrides: {}, want: { tokenUrl: TOKEN, refreshUrl: 'https://as.example/refresh' } },
    { name: 'another flow token URL for an undeclared flow', flows: { authorizationCode: { authorizationUrl: AUTH, tokenUrl: TOKEN, scopes: [] } }, flow: 'clientCredentials' as const, overrides: {}, want: { tokenUrl: TOKEN, authorizationUrl: AUTH } },
    { name: 'an override, dropping the document refresh URL with the token URL', flows: { password: { tokenUrl: TOKEN, refreshUrl: TOKEN, scopes: [] } }, flow: 'password' as const, overrides: { tokenUrl: 'https://tenant.example/token' }, want: { tokenUrl: 'https://tenant.example/token' } },
    { name: 'nothing for implicit-only without overrides', flows: { implicit: { authorizationUrl: AUTH, scopes: [] } }, flow: 'clientCredentials' as const, overrides: {}, want: { authorizationUrl: AUTH } },
  ])('$name', ({ flows, flow, overrides, want }) => {
    expect(flowEndpoints(flows, flow, overrides)).toEqual(want);
  });
});

describe('usableFlows', () => {
  it('is the declared flows plus those whose endpoints are known', () => {
    const implicitOnly = { implicit: { authorizationUrl: AUTH, scopes: [] } };
    expect([...usableFlows(implicitOnly, {})]).toEqual(['implicit']);
    expect([...usableFlows(implicitOnly, { tokenUrl: TOKEN })]).toEqual(['clientCredentials', 'password', 'authorizationCode', 'implicit']);
    expect([...usableFlows(implicitOnly, { tokenUrl: TOKEN, deviceAuthorizationUrl: 'https://as.example/device' })]).toContain('deviceAuthorization');
    expect([...usableFlows({ clientCredentials: { tokenUrl: TOKEN, scopes: [] } }, {})]).toEqual(['clientCredentials', 'password']);
  });
});

describe('endpoint overrides in a credential', () => {
  const make = (credential: object) => createAuthStrategies({ s: { type: 'oauth2', flows: { implicit: { authorizationUrl: AUTH, scopes: [] } } } }, { s: credential });
  it('run a grant the document names no endpoint for, and refuse non-strings naming the field', () => {
    expect(make({ clientId: 'c', clientSecret: 'x', tokenUrl: TOKEN }).get('s')).toMatchObject({ flow: 'clientCredentials' });
    expect(() => make({ clientId: 'c', clientSecret: 'x', authorizationUrl: '' })).toThrow('security scheme "s": authorizationUrl must be a non-empty string');
    expect(() => make({ clientId: 'c', clientSecret: 'x', issuer: 42 })).toThrow('security scheme "s": issuer must be a non-empty string');
  });
});
