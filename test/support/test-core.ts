import { clientCore, type ClientCore, type CoreConfig } from '../../src/runtime/client-core.js';

/** What a test sends through: the runtime's own call function (clientCore), as `request`, as the tests have always named it. */
export interface TestCore {
  readonly request: ClientCore;
}

/** A client core made by the runtime's clientCore from `config`, for tests that drive it without a generated class. */
export function testCore(config: CoreConfig): TestCore {
  return { request: clientCore(config) };
}
