/** runtime/no-credentials.ts: what a client whose document declares no security schemes does with `auth`. */
import { describe, expect, it } from 'vitest';
import { refuseCredentials } from '../../../src/runtime/no-credentials.js';
import { buildAuthStrategies } from '../../../src/runtime/strategy-factory.js';

describe('refuseCredentials', () => {
  it('gives no strategies when no credential is passed', () => {
    for (const credentials of [undefined, null, {}]) expect(refuseCredentials(credentials).size).toBe(0);
  });

  it.each([
    ['any scheme name', { bearer: 's3cret-token' }],
    ['a name given undefined', { bearer: undefined }],
    ['a prototype name', JSON.parse('{"__proto__":"s3cret"}') as object],
    ['not an object', 's3cret'],
  ])('refuses %s as buildAuthStrategies does without schemes, quoting no value', (_, credentials) => {
    let refused: unknown;
    let built: unknown;
    try {
      refuseCredentials(credentials);
    } catch (error) {
      refused = error;
    }
    try {
      buildAuthStrategies({}, credentials as object, undefined);
    } catch (error) {
      built = error;
    }
    expect(refused).toBeInstanceOf(TypeError);
    expect(refused).toEqual(built);
    expect((refused as Error).message).not.toContain('s3cret');
  });
});
