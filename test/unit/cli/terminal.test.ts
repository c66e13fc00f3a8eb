/** Progress and colours: only on a terminal, and never in a pipe. */
import { describe, expect, it } from 'vitest';
import { ProgressLine, colorsFor } from '../../../src/cli/terminal.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 40, writes, write: (text: string) => writes.push(text) };
}

describe('colorsFor', () => {
  it.each([
    { name: 'a terminal', tty: true, env: { TERM: 'xterm' }, coloured: true },
    { name: 'a pipe, even in CI', tty: false, env: { CI: '1' }, coloured: false },
    { name: 'a terminal with NO_COLOR', tty: true, env: { NO_COLOR: '1' }, coloured: false },
    { name: 'a dumb terminal', tty: true, env: { TERM: 'dumb' }, coloured: false },
    { name: 'a pipe with FORCE_COLOR', tty: false, env: { FORCE_COLOR: '1' }, coloured: true },
    { name: 'a terminal with FORCE_COLOR=0', tty: true, env: { FORCE_COLOR: '0', TERM: 'xterm' }, coloured: true },
  ])('$name → coloured: $coloured', ({ tty, env, coloured }) => {
    expect(colorsFor(fakeStream(tty), env).red('x') !== 'x').toBe(coloured);
  });
});

describe('ProgressLine', () => {
  it('rewrites one status line on a terminal and clears it before a permanent line', () => {
    const stream = fakeStream(true);
    const progress = new ProgressLine(stream, { quiet: false, verbose: false });
    const onProgress = progress.handler('sdk/pets');
    onProgress({ type: 'start', stage: 'load', detail: 'loading openapi.yaml' });
    onProgress({ type: 'end', stage: 'load', milliseconds: 3 });
    onProgress({ type: 'start', stage: 'render', detail: 'rendering 7 operations, 5 types with a long tail' });
    progress.clear();
    const plain = stream.writes.map((w) => w.replace(/\u001b\[\d+m/g, ''));
    expect(plain).toEqual(['\r\u001b[2Ksdk/pets: loading openapi.yaml…', '\r\u001b[2Ksdk/pets: rendering 7 operations, 5 typ' /* cut to the 40-column terminal */, '\r\u001b[2K']);
  });

  it('writes nothing to a pipe or when quiet, except verbose timings', () => {
    for (const [stream, options] of [
      [fakeStream(false), { quiet: false, verbose: false }],
      [fakeStream(true), { quiet: true, verbose: false }],
    ] as const) {
      const onProgress = new ProgressLine(stream, options).handler();
      onProgress({ type: 'start', stage: 'load', detail: 'loading' });
      onProgress({ type: 'end', stage: 'load', milliseconds: 3 });
      expect(stream.writes).toEqual([]);
    }
    const piped = fakeStream(false);
    const onProgress = new ProgressLine(piped, { quiet: false, verbose: true }).handler();
    onProgress({ type: 'start', stage: 'load', detail: 'loading' });
    onProgress({ type: 'load-stage', stage: 'read', milliseconds: 1.25 });
    onProgress({ type: 'end', stage: 'load', milliseconds: 3 });
    expect(piped.writes).toEqual(['  load.read 1.3 ms\n', 'load 3.0 ms\n']);
  });
});
