/**
 * Loads oidc-provider and constructs providers without its console chatter. oidc-provider 9 prints
 * "Unsupported runtime" on Node 20 when the module is first evaluated, and "devInteractions is
 * enabled" whenever a provider with dev interactions is built; both are expected in tests. Only
 * messages that start with the library's own prefix are dropped, and only while these calls run.
 */
import type { OidcProvider, OidcProviderModule } from './oidc-provider-types.js';

// On a TTY the library wraps its messages in colour codes.
const LIBRARY_PREFIX = /^(\x1b\[[\d;]*m)?oidc-provider (WARNING|NOTICE): /;

function filterNotices(): () => void {
  const { warn, info } = console;
  const filtered = (original: (...args: unknown[]) => void) => (...args: unknown[]) => {
    if (typeof args[0] === 'string' && LIBRARY_PREFIX.test(args[0])) return;
    original.apply(console, args);
  };
  console.warn = filtered(warn);
  console.info = filtered(info);
  return () => {
    console.warn = warn;
    console.info = info;
  };
}

let loaded: Promise<OidcProviderModule> | undefined;

/** The oidc-provider module, imported once. A variable specifier keeps TypeScript from demanding declarations the package does not ship. */
export function loadOidcProvider(): Promise<OidcProviderModule> {
  if (loaded === undefined) {
    const specifier: string = 'oidc-provider';
    // The runtime warning fires while the module evaluates, which spans the await.
    const restore = filterNotices();
    const imported: Promise<OidcProviderModule> = import(specifier);
    loaded = imported.finally(restore);
  }
  return loaded;
}

export function constructProvider(
  module: OidcProviderModule,
  issuer: string,
  configuration: Record<string, unknown>,
): OidcProvider {
  const restore = filterNotices();
  try {
    return new module.Provider(issuer, configuration);
  } finally {
    restore();
  }
}
