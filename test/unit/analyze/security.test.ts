import { describe, expect, it } from 'vitest';
import { analyzeRequirement, analyzeSecuritySchemes } from '../../../src/analyze/security.js';
import { KeywayError } from '../../../src/errors.js';

const declared = new Set(['key', 'basic', 'oauth']);

describe('analyzeRequirement keeps OR / AND / scopes whole', () => {
  const cases: Array<{ given: unknown; want: unknown }> = [
    { given: undefined, want: undefined },
    { given: [], want: [] },
    { given: [{}], want: [{ schemes: [] }] },
    { given: [{ key: [] }], want: [{ schemes: [{ scheme: 'key', scopes: [] }] }] },
    {
      given: [{ key: [] }, { oauth: ['read', 'write'] }],
      want: [{ schemes: [{ scheme: 'key', scopes: [] }] }, { schemes: [{ scheme: 'oauth', scopes: ['read', 'write'] }] }],
    },
    {
      given: [{ basic: [], key: [] }, {}],
      want: [{ schemes: [{ scheme: 'basic', scopes: [] }, { scheme: 'key', scopes: [] }] }, { schemes: [] }],
    },
  ];
  it.each(cases)('%j', ({ given, want }) => {
    expect(analyzeRequirement(given, '#/security', declared)).toEqual(want);
  });

  it('rejects an undeclared scheme with its JSON pointer', () => {
    const run = () => analyzeRequirement([{ key: [] }, { nope: [] }], '#/paths/~1pets/get/security', declared);
    expect(run).toThrow(KeywayError);
    try {
      run();
    } catch (error) {
      const e = error as KeywayError;
      expect(e.code).toBe('E_SECURITY');
      expect(e.location.pointer).toBe('#/paths/~1pets/get/security/1/nope');
      expect(e.message).toContain('"nope"');
      expect(e.message).toContain('"key", "basic", "oauth"');
    }
  });
});

describe('analyzeSecuritySchemes', () => {
  it('maps every scheme type and follows $refs', () => {
    const document = {
      components: {
        securitySchemes: {
          key: { type: 'apiKey', in: 'cookie', name: 'sid' },
          basic: { type: 'http', scheme: 'Basic' },
          oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://t', scopes: { a: 'A' } } } },
          oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://o/.well-known/openid-configuration' },
          mtls: { type: 'mutualTLS' },
          alias: { $ref: '#/components/securitySchemes/key' },
        },
      },
    };
    const schemes = analyzeSecuritySchemes(document);
    expect(schemes.map((s) => [s.key, s.kind])).toEqual([
      ['key', 'apiKey'],
      ['basic', 'http'],
      ['oauth', 'oauth2'],
      ['oidc', 'openIdConnect'],
      ['mtls', 'mutualTLS'],
      ['alias', 'apiKey'],
    ]);
    expect(schemes[1]).toMatchObject({ scheme: 'basic' });
    expect(schemes[2]).toMatchObject({ flows: { clientCredentials: { tokenUrl: 'https://t', scopes: { a: 'A' } } } });
    expect(schemes[5]).toMatchObject({ in: 'cookie', paramName: 'sid', pointer: '#/components/securitySchemes/key' });
  });

  it('names the scheme and pointer of a malformed one', () => {
    expect(() => analyzeSecuritySchemes({ components: { securitySchemes: { k: { type: 'apiKey', in: 'body', name: 'x' } } } })).toThrow(
      /components\/securitySchemes\/k.*invalid "in"/,
    );
  });
});
