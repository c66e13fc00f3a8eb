/** Checks of the optional grant fields every client grant reads, once at construction. Messages never quote values. */
import { own } from './option-checks.js';

function isAbsoluteUri(text: string): boolean {
  try {
    return !!new URL(text);
  } catch {
    return false;
  }
}

/** RFC 8707 §2: `resource` values are absolute URIs without a fragment; checked now, not at the first request. */
export function grantResources(grant: object, where: string): readonly string[] {
  const list = [own(grant, 'resource') ?? []].flat();
  for (const resource of list) {
    if (typeof resource !== 'string' || !isAbsoluteUri(resource) || resource.includes('#')) throw new TypeError(`${where}resource must be an absolute URI without a fragment (or a list of them)`);
  }
  return Object.freeze([...new Set(list as string[])]);
}
