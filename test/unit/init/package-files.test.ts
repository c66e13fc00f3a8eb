/** The manifest `keyway init` writes, for scoped and unscoped names, and the license it accepts. */
import { describe, expect, it } from 'vitest';
import { KeywayError } from '../../../src/errors.js';
import { DEFAULT_LICENSE, assertLicense, packageJson } from '../../../src/init/package-files.js';

const manifest = (name: string, license = DEFAULT_LICENSE): Record<string, unknown> =>
  JSON.parse(packageJson({ name, description: 'd', typescript: '7.0.2', license })) as Record<string, unknown>;

describe('packageJson', () => {
  it('publishes a scoped name publicly (npm would publish it restricted)', () => {
    expect(manifest('@acme/pets')['publishConfig']).toEqual({ access: 'public' });
    expect(manifest('pets')).not.toHaveProperty('publishConfig');
  });

  it('has a default export condition, types, engines and a license', () => {
    expect(manifest('pets', 'MIT')).toMatchObject({
      license: 'MIT',
      exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js', default: './dist/index.js' }, './package.json': './package.json' },
      types: './dist/index.d.ts',
      engines: { node: '>=18' },
    });
    expect(Object.keys((manifest('pets')['exports'] as Record<string, object>)['.']!)).toEqual(['types', 'import', 'default']); // types first, default last
    expect(manifest('pets')['license']).toBe('UNLICENSED');
  });
});

describe('assertLicense', () => {
  it.each(['MIT', 'Apache-2.0', '(MIT OR Apache-2.0)', 'UNLICENSED', 'SEE LICENSE IN LICENSE.txt'])('accepts %s', (license) => {
    expect(() => assertLicense(license)).not.toThrow();
  });

  it.each(['', ' MIT', 'MIT\nevil'])('refuses %j as E_USAGE', (license) => {
    expect(() => assertLicense(license)).toThrow(KeywayError);
  });
});
