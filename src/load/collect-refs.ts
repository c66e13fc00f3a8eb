export interface RefSite {
  /** The `$ref` string as written. */
  ref: string;
  /** Raw segments of the object holding the `$ref`. */
  at: string[];
}

export interface CollectOptions {
  /** Whether a node may be reached by several paths (YAML aliases); then each is walked once. */
  sharesNodes: boolean;
}

/**
 * Below this depth the walk recurses, which is about twice as fast as managing a stack by hand
 * (GitHub's spec: ~12 ms instead of ~30); deeper subtrees, which only hostile or generated
 * documents have, are walked iteratively so they cannot overflow the call stack.
 */
const MAX_RECURSION_DEPTH = 500;

/** Every string `$ref` in a parsed document, in document order. */
export function collectRefs(root: unknown, { sharesNodes }: CollectOptions = { sharesNodes: true }): RefSite[] {
  const sites: RefSite[] = [];
  const seen = sharesNodes ? new Set<object>() : undefined;
  const path: string[] = [];
  const visit = (node: object): void => {
    if (path.length >= MAX_RECURSION_DEPTH) return walkIteratively(node, path, sites, seen);
    if (seen) {
      if (seen.has(node)) return;
      seen.add(node);
    }
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const item: unknown = node[index];
        if (item === null || typeof item !== 'object') continue;
        path.push(String(index));
        visit(item);
        path.pop();
      }
      return;
    }
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') sites.push({ ref, at: path.slice() });
    // for-in visits the same own keys in the same order as Object.keys (parsed documents inherit
    // no enumerable key) without allocating a key array per node: ~500,000 nodes for GitHub's API
    for (const key in record) {
      const value = record[key];
      if (value === null || typeof value !== 'object') continue;
      path.push(key);
      visit(value);
      path.pop();
    }
  };
  if (root !== null && typeof root === 'object') visit(root);
  return sites;
}

/**
 * Every different string `$ref` of a parsed document, in the order collectRefs first meets each:
 * the same walk without the path to each (a push and a pop per member of ~500,000 nodes for
 * GitHub's API, and a copy per reference), which only a reference that fails needs, and then
 * collectRefs finds it.
 */
export function distinctRefs(root: unknown, { sharesNodes }: CollectOptions = { sharesNodes: true }): string[] {
  const refs = new Set<string>();
  const seen = sharesNodes ? new Set<object>() : undefined;
  let depth = 0;
  const visit = (node: object): void => {
    if (depth >= MAX_RECURSION_DEPTH) {
      // rare (hostile or generated documents): the iterative walk, paths and all
      const sites: RefSite[] = [];
      walkIteratively(node, [], sites, seen);
      for (const site of sites) refs.add(site.ref);
      return;
    }
    if (seen) {
      if (seen.has(node)) return;
      seen.add(node);
    }
    depth++;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const item: unknown = node[index];
        if (item !== null && typeof item === 'object') visit(item);
      }
    } else {
      const record = node as Record<string, unknown>;
      const ref = record['$ref'];
      if (typeof ref === 'string') refs.add(ref);
      for (const key in record) {
        const value = record[key];
        if (value !== null && typeof value === 'object') visit(value);
      }
    }
    depth--;
  };
  if (root !== null && typeof root === 'object') visit(root);
  return [...refs];
}

/** A path kept as a parent chain: only the few nodes holding a `$ref` ever need it as an array. */
interface PathLink {
  parent: PathLink | null;
  key: string;
}

/** The same walk with an explicit stack, for a subtree found at `base`. */
function walkIteratively(subtree: object, base: readonly string[], sites: RefSite[], seen: Set<object> | undefined): void {
  const nodes: unknown[] = [subtree];
  const paths: Array<PathLink | null> = [null];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const path = paths.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (seen) {
      if (seen.has(node)) continue;
      seen.add(node);
    }
    if (Array.isArray(node)) {
      for (let index = node.length - 1; index >= 0; index--) {
        nodes.push(node[index]);
        paths.push({ parent: path, key: String(index) });
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') sites.push({ ref, at: [...base, ...toSegments(path)] });
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const value = record[key];
      if (value !== null && typeof value === 'object') {
        nodes.push(value);
        paths.push({ parent: path, key });
      }
    }
  }
}

function toSegments(path: PathLink | null): string[] {
  const segments: string[] = [];
  for (let link = path; link !== null; link = link.parent) segments.push(link.key);
  return segments.reverse();
}
