import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ProgressEvent } from '../generate.js';

let collect: (() => void) | undefined;

/**
 * Wraps a progress handler so that the CLI runs a full garbage collection at the points where
 * a large input has just become garbage, but V8 may not collect it before the next stage allocates
 * and the process peaks with both alive:
 * - once the document is parsed: the file's bytes (13 MB for GitHub's API, held outside the heap,
 *   so the heap's own limits do not hurry their release) and its decoded text, kept through
 *   validation and analysis otherwise;
 * - once analysis is done: the parsed document (tens of MB for large APIs), which would otherwise
 *   live on into rendering (peak RSS swung between ~160 and ~200 MiB run to run for GitHub's API);
 * - once rendering is done: the plan and the views, so that writing (which flattens each file's
 *   text into one string) finds room in the heap it has.
 * Each collection takes a few ms and makes the peak lower and steady. Only the CLI does this: the
 * library leaves the heap to its host.
 */
export function collectBetweenStages(handler: (event: ProgressEvent) => void): (event: ProgressEvent) => void {
  return (event) => {
    handler(event);
    if ((event.type === 'end' && (event.stage === 'analyze' || event.stage === 'render')) || (event.type === 'load-stage' && event.stage === 'read')) fullCollection();
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
