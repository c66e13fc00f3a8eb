import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ProgressEvent } from '../generate.js';

let collect: (() => void) | undefined;

/**
 * Wraps a progress handler so that, once analysis is done, the CLI runs one full garbage
 * collection. By then the parsed document (tens of MB for large APIs) is garbage, but V8 may not
 * collect it before rendering allocates the output, and the process peaks with both alive: for
 * GitHub's API that made peak RSS swing between ~160 and ~200 MiB run to run. One collection (a few
 * ms) makes the peak steady. Only the CLI does this: the library leaves the heap to its host.
 */
export function collectAfterAnalysis(handler: (event: ProgressEvent) => void): (event: ProgressEvent) => void {
  return (event) => {
    handler(event);
    if (event.type === 'end' && event.stage === 'analyze') fullCollection();
  };
}

function fullCollection(): void {
  if (collect === undefined) {
    // `gc` is only exposed to contexts created after the flag is set.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
