import { fileURLToPath } from 'node:url';

/**
 * keyway's install folder. This file sits at `src/emit/` (tests, run from source) or `dist/emit/`
 * (the built CLI); both are two levels below the root.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
