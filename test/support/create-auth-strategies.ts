import type { AuthStrategy, SchemeSpec } from '../../src/runtime/auth-strategy.js';
import { sigv4Strategies } from '../../src/runtime/aws/sigv4-strategies.js';
import { digestStrategies } from '../../src/runtime/digest/digest-strategies.js';
import { mtlsStrategies } from '../../src/runtime/mtls/mtls-strategies.js';
import { oauth1Strategies } from '../../src/runtime/oauth1/oauth1-strategies.js';
import { oauth2Strategies } from '../../src/runtime/oauth2/oauth2-strategies.js';
import type { AuthEnvironment } from '../../src/runtime/oauth2/types.js';
import { staticStrategies } from '../../src/runtime/static-strategies.js';
import { buildPlainCredentials } from '../../src/runtime/plain-credentials.js';
import { buildAuthStrategies, type StrategyFactory } from '../../src/runtime/strategy-factory.js';
import { factoryOrder } from '../../src/plan/schemes/catalog.js';

const FACTORIES: Readonly<Record<string, StrategyFactory>> = { digestStrategies, mtlsStrategies, oauth1Strategies, oauth2Strategies, sigv4Strategies, staticStrategies };

/** Every factory, in the order generated clients pass them (the scheme catalog's). */
const ALL_FACTORIES = factoryOrder().map((name) => {
  const factory = FACTORIES[name];
  if (factory === undefined) throw new Error(`test support: add the runtime factory ${name} to FACTORIES`);
  return factory;
});

/**
 * For tests: one strategy per scheme the caller supplied a credential for, of every kind the runtime knows.
 * Generated clients call `buildAuthStrategies` with just the factories their schemes need; this is
 * the everything-included form for hand-written use. `env` serves the schemes whose tokens the
 * client obtains itself (oauth2, openIdConnect).
 */
export function createAuthStrategies(
  schemes: Readonly<Record<string, SchemeSpec>>,
  credentials: object | undefined,
  env?: AuthEnvironment,
): Map<string, AuthStrategy> {
  if (env !== undefined && (typeof env !== 'object' || env === null)) throw new TypeError('the auth environment must be an object');
  return buildAuthStrategies(schemes, buildPlainCredentials(credentials, ALL_FACTORIES) as object | undefined, env);
}
