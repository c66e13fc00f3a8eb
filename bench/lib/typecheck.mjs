// `tsc --strict --noEmit` over a generated client with the installed TypeScript 7 native binary
// (same resolution as test/support/tsc.ts: @typescript/typescript-<platform>-<arch>/lib/tsc, else the JS shim).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { consumerCompilerOptions, tscCommand } from '../../scripts/lib/tsc-command.mjs';
import { join } from 'node:path';

function tscArgv() {
  const { file, prefixArgs } = tscCommand();
  return [file, ...prefixArgs];
}

/** Resolves { errors, topCodes, wallS, output } for the .ts files under dir. */
export function typecheckDir(dir, setting) {
  const configDir = mkdtempSync(join(tmpdir(), 'keyway-bench-tsc-'));
  const config = join(configDir, 'tsconfig.json');
  writeFileSync(config, JSON.stringify({
    compilerOptions: { ...consumerCompilerOptions(setting), noEmit: true },
    include: [join(dir, '**/*.ts')],
  }));
  const [file, ...prefix] = tscArgv();
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    execFile(file, [...prefix, '-p', config, '--pretty', 'false'], { cwd: dir, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      rmSync(configDir, { recursive: true, force: true });
      const output = stdout + stderr;
      const codes = [...output.matchAll(/error (TS\d+)/g)].map((m) => m[1]);
      const counts = new Map();
      for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
      const topCodes = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code, n]) => `${code}×${n}`);
      const failedToRun = error !== null && typeof error.code !== 'number';
      resolve({ errors: failedToRun ? NaN : codes.length, topCodes, wallS: Number(process.hrtime.bigint() - started) / 1e9, output });
    });
  });
}
