// Vitest setup file. The lazily loaded OAuth 2.0 modules get the up-front runtime from
// lazy-modules.ts when a loader first runs (lazy-module-imports.ts); a test that imports such a
// module directly (a GuardedTokenStore, a DPoP prover) gets it here, as an app's first load would.
import { provideLazyModuleImports } from '../../src/runtime/oauth2/lazy-modules.js';

await provideLazyModuleImports();
