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
 * - when planning starts: the parsed document (tens of MB for large APIs), which would otherwise
 *   live on into rendering (peak RSS swung between ~160 and ~200 MiB run to run for GitHub's API).
 *   Not when analysis ends: the document is still referenced then (by the stage that reports it),
 *   so that collection kept it (GitHub: heap 29 MB after it, 19 MB after one here);
 * - when the stage after rendering starts (verify or check; write collects after its largest file
 *   instead, see collectAfterLargeWrite): the model, the plan and the views. Not when rendering ends: the model is still referenced then (renderClient returns it),
 *   so a collection there freed only the views, and writing, which flattens each file's text into
 *   one string (14 MB for GitHub's API, outside the pages V8 had), came on top of the model's pages.
 * With both moved, GitHub's peak went from ~148 to ~139 MiB. Each collection takes tens of ms on
 * GitHub's API and makes the peak lower and steady. Only the CLI does this: the library leaves the
 * heap to its host.
 *
 * A second collection at the last two points (it moves more survivors off half-used pages, so
 * that whole pages go back to the system) took GitHub's peak from ~136 to ~127 MiB when validation
 * still left much garbage behind; once the quick validator stopped building a JSON pointer and
 * error objects for every node, one collection at each point peaks at ~122 MiB (two: ~118), and
 * the second pass, ~25 ms each, is no longer worth its time against the 130 MiB target. For the
 * same reason the write stage no longer collects as it starts: the collection once the largest
 * file is written (collectAfterLargeWrite) frees the model and the plan with that file's text, for
 * a peak of ~124 MiB instead of ~122 (verify and check, which have no such collection, keep theirs).
 */
export function collectBetweenStages(handler: (event: ProgressEvent) => void): (event: ProgressEvent) => void {
  return (event) => {
    handler(event);
    if (collectsAfter(event)) fullCollection();
  };
}

/** A written file at least this large has its text collected once written (GitHub's types.ts: 3 MB). */
const LARGE_FILE_BYTES = 1_000_000;

/**
 * For generateWritten: one full collection once the first file written (the largest: files are
 * written largest first) is let go, when it is large. Its text and the copy the write flattened it
 * into are then freed before the other files are flattened, instead of all of them coming together
 * on top of the rendered pieces: GitHub's peak ~1.5 MiB lower (types.ts is half of its text), for one
 * collection of ~20 ms. Smaller outputs never reach the threshold and pay nothing.
 */
export function collectAfterLargeWrite(): (path: string, bytes: number) => void {
  let first = true;
  return (_path, bytes) => {
    if (first && bytes >= LARGE_FILE_BYTES) fullCollection();
    first = false;
  };
}

/**
 * The stages that follow rendering and collect as they start: by then renderClient has returned and
 * dropped the model. Not write, which collects after its largest file instead.
 */
const AFTER_RENDER: ReadonlySet<ProgressEvent['stage']> = new Set(['verify', 'check']);

/** Whether the CLI runs a full collection once this event has been reported (one: see above). */
export function collectsAfter(event: ProgressEvent): boolean {
  if (event.type === 'load-stage') return event.stage === 'read';
  return event.type === 'start' && (event.stage === 'plan' || AFTER_RENDER.has(event.stage));
}

function fullCollection(): void {
  if (collect === undefined) {
    // `gc` is only exposed to contexts created after the flag is set.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
