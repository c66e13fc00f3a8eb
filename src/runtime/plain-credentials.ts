import { credential, strategyMaker } from './credential.js';
import { factoryStrategy, type StrategyFactory } from './strategy-factory.js';

/**
 * Plain credentials (`{ oauth: { clientId, clientSecret } }`) as built ones, each made into its
 * strategy by the first of `factories` that takes its scheme: the generated `anyAuth`, and the
 * client class's constructor before the Core's. Values already built are kept as they are. Every
 * own property is read once (a getter too) and copied onto an object without a prototype (a scheme
 * may be named `__proto__`), enumerable as it was, so the Core's checks see what they would have.
 * Anything but an object is given back for the Core to refuse.
 */
export function buildPlainCredentials(auth: unknown, factories: readonly StrategyFactory[]): unknown {
  if (typeof auth !== 'object' || auth === null) return auth;
  const built: Record<string, unknown> = Object.create(null);
  for (const name of Object.getOwnPropertyNames(auth)) {
    const value: unknown = Reflect.get(auth, name);
    const made = value === undefined || strategyMaker(value) !== undefined ? value : credential((scheme, spec, context) => factoryStrategy(factories, scheme, spec, value, context));
    Object.defineProperty(built, name, { value: made, enumerable: Object.prototype.propertyIsEnumerable.call(auth, name), writable: true, configurable: true });
  }
  return built;
}
