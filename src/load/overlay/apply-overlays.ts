import { displayLocation, toLocationUrl } from '../locations.js';
import type { SourceFile } from '../resolve-refs.js';
import { applyOverlay, type OverlayChange } from './apply-overlay.js';
import { isPlainObject } from './merge-update.js';
import { overlaidLocate } from './overlay-locations.js';
import { readOverlay } from './read-overlay.js';

/**
 * The root document with each overlay applied in the order given, before anything else looks at
 * it; and the overlays' files (absolute paths / URLs), for `--watch`. Its `locate` finds the nodes
 * the overlays wrote in the overlays' own text.
 */
export async function applyOverlays(root: SourceFile, sources: readonly string[]): Promise<{ root: SourceFile; files: string[] }> {
  const overlays = [];
  for (const source of sources) overlays.push(await readOverlay(source));
  const files = sources.map((source) => displayLocation(toLocationUrl(source)));
  // Not an object: the version check right after says so better than an overlay could.
  if (!isPlainObject(root.value)) return { root, files };
  // YAML aliases share one node between places; an overlay changes the place it targets only.
  const document = (root.sharesNodes ? JSON.parse(JSON.stringify(root.value)) : root.value) as Record<string, unknown>;
  const changes: OverlayChange[] = [];
  for (const overlay of overlays) applyOverlay(document, overlay, changes);
  return { root: { ...root, value: document, sharesNodes: false, locate: overlaidLocate(root.locate, changes) }, files };
}
