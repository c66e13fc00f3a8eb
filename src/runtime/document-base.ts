/**
 * The page's URL in a browser, against which a relative URL such as `/api` resolves; undefined
 * elsewhere, where URLs must be absolute.
 */
export function documentBase(): string | undefined {
  try {
    // `location` as globalThis's: it is a browser global, declared by lib.dom only.
    return (globalThis as { location?: { href: string } }).location?.href;
  } catch {
    return undefined; // Deno without --location throws on access.
  }
}
