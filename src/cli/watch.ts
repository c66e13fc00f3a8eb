import { watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What one run read, and so what to watch for the next: files, and folders where any change counts. */
export interface WatchSet {
  files: string[];
  dirs: string[];
}

export interface WatchTarget {
  /**
   * Regenerates once. Resolves to what to watch from now on, or undefined after a failure (the
   * target reports its own errors; the previous watch set is kept).
   */
  run: () => Promise<WatchSet | undefined>;
  /** What to watch when even the first run fails (e.g. the spec file itself). */
  initial: WatchSet;
}

export interface WatchOptions {
  /** Quiet period after the last change before regenerating (editors write in bursts). */
  debounceMs?: number;
  /** Aborting stops watching; the returned promise then resolves once a run in progress is done. */
  signal: AbortSignal;
  /** Called after every run with the number of files being watched. */
  onWatching?: (fileCount: number) => void;
}

/**
 * Runs every target, then again whenever a file it read changes, until `signal` aborts. Folders
 * are watched rather than files: editors often save by writing a new file and renaming it over the
 * old one, which a watch on the old file would never see.
 */
export async function watchTargets(targets: readonly WatchTarget[], options: WatchOptions): Promise<void> {
  const debounceMs = options.debounceMs ?? 100;
  const states = targets.map((target) => ({ target, set: normalize(target.initial), timer: undefined as NodeJS.Timeout | undefined, running: undefined as Promise<void> | undefined, again: false }));
  const watchers = new Map<string, FSWatcher>();

  const rewatch = (): void => {
    const wanted = new Set(states.flatMap((s) => [...s.set.files.map((f) => dirname(f)), ...s.set.dirs]));
    for (const [dir, watcher] of watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => changed(dir, name === null ? undefined : String(name)));
        watcher.on('error', () => watchers.delete(dir)); // the folder went away; the next run re-adds it
        watchers.set(dir, watcher);
      } catch {
        // A folder that does not exist (yet) cannot be watched; the next successful run retries.
      }
    }
    options.onWatching?.(states.reduce((n, s) => n + s.set.files.length, 0));
  };

  const runTarget = (state: (typeof states)[number]): Promise<void> => {
    if (state.running) {
      state.again = true; // one more run after this one, however many changes arrive meanwhile
      return state.running;
    }
    state.running = (async () => {
      do {
        state.again = false;
        const set = await state.target.run();
        if (set) state.set = normalize(set);
      } while (state.again && !options.signal.aborted);
      state.running = undefined;
      if (!options.signal.aborted) rewatch();
    })();
    return state.running;
  };

  const changed = (dir: string, name: string | undefined): void => {
    const path = name === undefined ? undefined : join(dir, name);
    for (const state of states) {
      const hit = state.set.dirs.includes(dir) || (path !== undefined ? state.set.files.includes(path) : state.set.files.some((f) => dirname(f) === dir));
      if (!hit) continue;
      clearTimeout(state.timer);
      state.timer = setTimeout(() => void runTarget(state), debounceMs);
    }
  };

  for (const state of states) await runTarget(state);
  rewatch();
  await new Promise<void>((resolvePromise) => {
    if (options.signal.aborted) return resolvePromise();
    options.signal.addEventListener('abort', () => resolvePromise(), { once: true });
  });
  for (const watcher of watchers.values()) watcher.close();
  for (const state of states) clearTimeout(state.timer);
  await Promise.all(states.map((s) => s.running));
}

function normalize(set: WatchSet): WatchSet {
  return { files: set.files.filter((f) => !/^https?:\/\//i.test(f)).map((f) => resolve(f)), dirs: set.dirs.map((d) => resolve(d)) };
}
