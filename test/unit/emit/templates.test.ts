/** A template override that fails while rendering is reported in that file, at the line and column of the failing tag. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KeywayError } from '../../../src/errors.js';
import { renderClient } from '../../../src/generate.js';
import { ROOT } from '../../support/run-cli.js';
import { makeTempDir, removeTempDir } from '../../support/tmp.js';

// Bounded but generous: these start processes or compile schemas, and the machine may be loaded.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const EXAMPLE = join(ROOT, 'fixtures/examples/petstore-auth.yaml');

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('keyway-templates-');
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe('render', () => {
  it('names the override file, line and column of a tag the view does not have', async () => {
    const templates = join(dir, 'overrides');
    await mkdir(templates);
    const file = join(templates, 'README.md.hbs');
    await writeFile(file, '# {{title}}\n\nSee {{homepage}}.\n');
    const error = await renderClient({ input: EXAMPLE, templates }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KeywayError);
    const { code, location, reason, message } = error as KeywayError;
    expect(code).toBe('E_TEMPLATE');
    expect(location).toMatchObject({ file, line: 3, column: 7 });
    expect(reason).toBe('template README.md.hbs failed: "homepage" not defined');
    expect(message.startsWith(`${file}:3:7: `)).toBe(true);
  });
});
