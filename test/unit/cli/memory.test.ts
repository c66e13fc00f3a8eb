import { describe, expect, it } from 'vitest';
import { collectBetweenStages, collectsAfter } from '../../../src/cli/memory.js';
import type { ProgressEvent } from '../../../src/generate.js';

describe('collectsAfter', () => {
  // Each point is where something large has just become unreachable (see memory.ts).
  it.each<[ProgressEvent, boolean]>([
    [{ type: 'load-stage', stage: 'read', milliseconds: 1 }, true],
    [{ type: 'load-stage', stage: 'validate', milliseconds: 1 }, false],
    [{ type: 'end', stage: 'analyze', milliseconds: 1 }, false],
    [{ type: 'start', stage: 'plan', detail: '' }, true],
    [{ type: 'end', stage: 'render', milliseconds: 1 }, false],
    [{ type: 'start', stage: 'render', detail: '' }, false],
    [{ type: 'start', stage: 'verify', detail: '' }, true],
    [{ type: 'start', stage: 'check', detail: '' }, true],
    // the write collects once its largest file is written instead (collectAfterLargeWrite)
    [{ type: 'start', stage: 'write', detail: '' }, false],
    [{ type: 'end', stage: 'write', milliseconds: 1 }, false],
    [{ type: 'end', stage: 'plan', milliseconds: 1 }, false],
  ])('%j → %s', (event, collects) => {
    expect(collectsAfter(event)).toBe(collects);
  });

  it('passes every event on to the wrapped handler first', () => {
    const seen: ProgressEvent[] = [];
    const handler = collectBetweenStages((event) => seen.push(event));
    const events: ProgressEvent[] = [
      { type: 'start', stage: 'plan', detail: 'naming' },
      { type: 'end', stage: 'plan', milliseconds: 3 },
    ];
    for (const event of events) handler(event);
    expect(seen).toEqual(events);
  });
});
