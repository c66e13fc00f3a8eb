/**
 * The committed example SDK is documentation; it must be exactly what keyway generates today.
 * On failure: `npm run examples` regenerates it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = [{ spec: 'fixtures/examples/petstore-auth.yaml', out: 'examples/petstore-auth' }];

describe.each(EXAMPLES)('$out', ({ spec, out }) => {
  it('has not drifted from the generator (fix: npm run examples)', async () => {
    const result = await generate({ input: join(ROOT, spec), output: join(ROOT, out), check: true });
    const report = result.check!.differences.map((d) => `${d.kind} ${d.path}\n${d.diff ?? ''}`).join('\n');
    expect(report).toBe('');
    expect(result.check!.upToDate).toBe(true);
    expect(result.written).toBe(false);
  });
});
