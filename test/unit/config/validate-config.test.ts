/** Every client key of a config file reaches the client config it describes. */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/validate-config.js';

describe('validateConfig', () => {
  it('keeps "verify" (it used to be dropped, so a config asking for --verify never verified)', () => {
    expect(validateConfig({ input: 'a.yaml', output: 'out', verify: true }, '/p/keyway.config.json', '/p')).toEqual([{ input: '/p/a.yaml', output: '/p/out', verify: true }]);
    expect(validateConfig({ clients: [{ input: 'a.yaml', output: 'out', verify: false }] }, '/p/keyway.config.json', '/p')[0]!.verify).toBe(false);
  });

  it('keeps every key it accepts', () => {
    const all = { input: 'a.yaml', output: 'out', name: 'Api', validate: false, templates: 't', verify: true, importExtension: 'ts' };
    expect(validateConfig(all, '/p/keyway.config.json', '/p')).toEqual([{ input: '/p/a.yaml', output: '/p/out', name: 'Api', validate: false, templates: '/p/t', verify: true, importExtension: 'ts' }]);
  });

  it('accepts only js or ts as importExtension, naming the key', () => {
    expect(() => validateConfig({ input: 'a', output: 'b', importExtension: 'mjs' }, '/p/keyway.config.json', '/p')).toThrow(
      '/p/keyway.config.json at #/importExtension: invalid config: "importExtension" must be "js" or "ts", not "mjs"',
    );
  });
});
