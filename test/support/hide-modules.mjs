// `node --import ./hide-modules.mjs …`: packages named in KEYWAY_TEST_HIDE_MODULES (comma-separated)
// fail to resolve as if they were not installed, to test what keyway does without an optional peer.
import { register } from 'node:module';

register('./hide-modules-hooks.mjs', import.meta.url, { data: { hidden: (process.env.KEYWAY_TEST_HIDE_MODULES ?? '').split(',').filter(Boolean) } });
