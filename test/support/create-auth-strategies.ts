import type { AuthStrategy, SchemeSpec } from './auth-strategy.js';
import { digestStrategies } from './digest/digest-strategies.js';
import { mtlsStrategies } from './mtls/mtls-strategies.js';
import { oauth1Strategies } from './oauth1/oauth1-strategies.js';
import { oauth2Strategies } from './oauth2/oauth2-strategies.js';
import type { AuthEnvironment } from './oauth2/types.js';
import { staticStrategies } from './static-strategies.js';
import { buildAuthStrategies } from './strategy-factory.js';

/** Every factory, specific HTTP schemes before the catch-all static one. */
const ALL_FACTORIES = [digestStrategies, oauth1Strategies, oauth2Strategies, mtlsStrategies, staticStrategies];

/**
 * One strategy per scheme the caller supplied a credential for, of every kind the runtime knows.
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
  return buildAuthStrategies(schemes, credentials, env, ALL_FACTORIES);
}
