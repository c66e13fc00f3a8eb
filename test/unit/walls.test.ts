/**
 * The walls between stages, read from the import statements of src/: the model imports nothing
 * of ours; the generator takes only types from the runtime (the runtime ships alone, and its own
 * wall is checked in test/unit/runtime/typecheck.test.ts); plan/ decides names before emit/
 * renders them, so plan/ imports nothing of emit/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split('\\').join('/'));

/** Every relative import of a file: the folder under src/ it reaches, and whether it is type-only. */
function imports(file: string): Array<{ target: string; typeOnly: boolean }> {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)(\s+type)?\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => ({
    target: relative(SRC, join(SRC, file, '..', m[2]!)).split('\\').join('/'),
    typeOnly: m[1] !== undefined,
  }));
}

describe('walls between stages', () => {
  it('the generator takes only types from the runtime', () => {
    const values = files.filter((f) => !f.startsWith('runtime/')).flatMap((f) => imports(f).filter((i) => i.target.startsWith('runtime/') && !i.typeOnly).map((i) => `${f} → ${i.target}`));
    expect(values).toEqual([]);
  });

  it('the model imports nothing outside itself', () => {
    const out = files.filter((f) => f.startsWith('model/')).flatMap((f) => imports(f).filter((i) => !i.target.startsWith('model/')).map((i) => `${f} → ${i.target}`));
    expect(out).toEqual([]);
  });

  it('plan/ imports nothing of emit/', () => {
    const out = files.filter((f) => f.startsWith('plan/')).flatMap((f) => imports(f).filter((i) => i.target.startsWith('emit/')).map((i) => `${f} → ${i.target}`));
    expect(out).toEqual([]);
  });

  it('finds the imports it checks', () => {
    expect(imports('plan/schemes/plan-schemes.ts')).toContainEqual({ target: 'runtime/auth-strategy.js', typeOnly: true });
  });
});
