import type { AuthStrategy, SchemeSpec } from './auth-strategy.js';
import { strategyMaker } from './credential.js';
import { quoteScheme, schemeWhere } from './credential-checks.js';
import { must } from './retry.js';

/** What a factory may use beyond its scheme: client-wide options, and state its schemes share. */
export interface FactoryContext {
  /** The client's auth environment (base URL, fetch, token store, …), as the generated client passed it. */
  readonly env: object | undefined;
  /**
   * State all schemes of this client share, one slot per kind of maker (never keyed by a spec's
   * names), filled by the first scheme that needs it: `oauth2`, the token store and discovery cache.
   */
  readonly shared: { oauth2?: unknown };
}

/**
 * Makes the strategy for one scheme, or returns undefined when the scheme is not its kind. The
 * generated client passes only the factories its schemes need, so a client carries (and copies
 * into its output) only the runtime those schemes use.
 */
export type StrategyFactory = (scheme: string, spec: SchemeSpec, credential: unknown, context: FactoryContext) => AuthStrategy | undefined;

/**
 * One strategy per scheme the caller supplied a credential for, each made by the credential's own
 * maker: a builder's, or anyAuth's for plain credentials (the client class passes its plain ones
 * through anyAuth). So a `<Name>Core`, which calls this alone, carries no strategy code of its own
 * and refuses a plain credential. One pass over the credentials' own enumerable keys: scheme names
 * come from the spec and may be `__proto__` or `constructor`, so an inherited property is never read.
 */
export function buildAuthStrategies(
  schemes: Readonly<Record<string, SchemeSpec>>,
  credentials: object | undefined,
  env: object | undefined,
): Map<string, AuthStrategy> {
  const strategies = new Map<string, AuthStrategy>();
  const context: FactoryContext = { env, shared: {} };
  const given: object = credentials ?? {};
  must(typeof given === 'object', 'auth', 'an object');
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(schemes, name)) throw new TypeError(`auth has no security scheme ${quoteScheme(name)}; its schemes are ${Object.keys(schemes).map(quoteScheme).join(', ') || 'none'}`);
    const credential: unknown = (given as Record<string, unknown>)[name];
    const make = strategyMaker(credential);
    // A scheme given undefined has no credential: it is skipped.
    if (make) strategies.set(name, make(name, schemes[name]!, context));
    else if (credential !== undefined) throw new TypeError(`${schemeWhere(name)}the credential must be built by a builder or anyAuth()`);
  }
  return strategies;
}

/** The strategy the first factory that takes the scheme makes of a plain credential. */
export function factoryStrategy(factories: readonly StrategyFactory[], name: string, spec: SchemeSpec, credential: unknown, context: FactoryContext): AuthStrategy {
  for (const factory of factories) {
    const strategy = factory(name, spec, credential, context);
    if (strategy !== undefined) return strategy;
  }
  throw new TypeError(`security scheme ${quoteScheme(name)} has a type this runtime cannot apply`);
}
