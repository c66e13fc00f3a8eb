import { pointer } from '../../json/json-pointer.js';
import type { TextPosition } from '../text-position.js';
import type { OverlayChange } from './apply-overlay.js';

export type Locate = (segments: readonly string[]) => TextPosition | undefined;

/**
 * Where a node of the overlaid description is written. A node an overlay wrote is found in that
 * overlay (its file, line and pointer); an item that moved when an earlier one was removed is
 * shown at its array, whose place is still right; anything else is where the description has it.
 * The newest change decides, since each action saw the result of the ones before it.
 */
export function overlaidLocate(base: Locate, changes: readonly OverlayChange[]): Locate {
  const locateBefore = (count: number, segments: readonly string[]): TextPosition | undefined => {
    for (let i = count - 1; i >= 0; i--) {
      const change = changes[i]!;
      if (change.kind === 'written' && startsWith(segments, change.at)) {
        const inOverlay = [...change.from, ...segments.slice(change.at.length)];
        const position = change.overlay.locate(inOverlay) ?? change.overlay.locate(change.from) ?? { line: 1, column: 1 };
        return { line: position.line, column: position.column, file: change.overlay.file, pointer: pointer(...inOverlay) };
      }
      if (change.kind === 'shifted' && segments.length > change.array.length && startsWith(segments, change.array) && Number(segments[change.array.length]) >= change.from) {
        return locateBefore(i, change.array);
      }
    }
    return base(segments);
  };
  return (segments) => locateBefore(changes.length, segments);
}

function startsWith(segments: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= segments.length && prefix.every((segment, i) => segments[i] === segment);
}
