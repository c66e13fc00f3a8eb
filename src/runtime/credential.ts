import type { AuthStrategy, SchemeSpec } from './auth-strategy.js';
import { schemeWhere } from './credential-checks.js';
import type { FactoryContext } from './strategy-factory.js';

/**
 * The key under which a built credential keeps the function that makes its strategy. A symbol, so
 * that no plain credential object (whose keys are option names) can be taken for a built one;
 * registered, so that a credential built by one copy of the runtime fits a client of another.
 */
export const BUILD_STRATEGY: unique symbol = Symbol.for('keyway.buildStrategy') as never;

// Type-only: which kinds of security scheme a credential fits (`oauth2`, `apiKey`, `http-basic`, …).
// A parameter's type, so that one fitting several kinds (bearer: `http-bearer | oauth2`) is
// assignable where any one of them is asked for, and a kind is never assignable to another.
declare const fits: unique symbol;

/**
 * A credential made by a builder (`clientCredentials({ … })`, `apiKey(key)`, …). A client links
 * only the code of the builders an app calls: the builder carries its strategy's code, the client
 * none. The client calls the maker once, at construction, with the scheme it is given for; the
 * maker throws a TypeError naming the scheme when the credential does not fit it. `Credential`
 * without a kind: any built credential.
 */
export interface Credential<Kind extends string = never> {
  readonly [fits]?: (kind: Kind) => void;
  readonly [BUILD_STRATEGY]: (scheme: string, spec: SchemeSpec, context: FactoryContext) => AuthStrategy;
}

/** A built credential whose strategy `make` creates. */
export function credential<Kind extends string>(make: Credential<Kind>[typeof BUILD_STRATEGY]): Credential<Kind> {
  return { [BUILD_STRATEGY]: make } as Credential<Kind>;
}

/** The strategy maker of a built credential; undefined for anything else (a plain credential object, a string). */
export function strategyMaker(value: unknown): Credential[typeof BUILD_STRATEGY] | undefined {
  // A symbol key read off a string or number is undefined too: only null and undefined need the `?.`.
  const make: unknown = (value as Partial<Credential> | null | undefined)?.[BUILD_STRATEGY];
  return typeof make === 'function' ? (make as Credential[typeof BUILD_STRATEGY]) : undefined;
}

/** The TypeError of a builder's credential given for a scheme it does not fit: names the scheme, never the value. */
export function unfitScheme(scheme: string, kinds: string, builder: string): TypeError {
  return new TypeError(`${schemeWhere(scheme)}${builder} fits ${kinds} only`);
}
