/** RFC 8707 resource indicators, the optional grant field every client grant reads: checked once at construction. Messages never quote values. */
import { option, type OptionKind } from './option-checks.js';

/** RFC 8707 §2: a resource indicator is an absolute URI without a fragment. */
function isResource(uri: unknown): boolean {
  try {
    return typeof uri === 'string' && !uri.includes('#') && !!new URL(uri);
  } catch {
    return false;
  }
}

/** `resource`: one resource indicator or a list of them; checked now, not at the first request. */
export const RESOURCES: OptionKind = [(value) => [value].flat().every(isResource), 'an absolute URI without a fragment, or a list of them'];

/** The resources a checked `resource` option names, as the token requests send them: each once. */
export function resourceList(resource: unknown): readonly string[] {
  return Object.freeze([...new Set([resource ?? []].flat() as string[])]);
}

/** The resources of a plain credential's `resource`, checked. */
export function grantResources(grant: object, where: string): readonly string[] {
  return resourceList(option(grant, 'resource', RESOURCES, where));
}
