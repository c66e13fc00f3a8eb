export interface RefSite {
  /** The `$ref` string as written. */
  ref: string;
  /** Raw segments of the object holding the `$ref`. */
  at: string[];
}

/** A path kept as a parent chain: only the few nodes holding a `$ref` ever need it as an array. */
interface PathLink {
  parent: PathLink | null;
  key: string;
}

/**
 * Every string `$ref` in a parsed document, in document order. Iterative so deep documents
 * cannot overflow the stack; YAML aliases may share subtrees, which are walked once.
 */
export function collectRefs(root: unknown): RefSite[] {
  const sites: RefSite[] = [];
  const seen = new Set<object>();
  const nodes: unknown[] = [root];
  const paths: Array<PathLink | null> = [null];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const path = paths.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let index = node.length - 1; index >= 0; index--) {
        nodes.push(node[index]);
        paths.push({ parent: path, key: String(index) });
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') sites.push({ ref, at: toSegments(path) });
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
  return sites;
}

function toSegments(path: PathLink | null): string[] {
  const segments: string[] = [];
  for (let link = path; link !== null; link = link.parent) segments.push(link.key);
  return segments.reverse();
}
