import type { AuthStrategy } from './auth-strategy.js';
import { quoteScheme } from './credential-checks.js';

/**
 * The auth strategies of a client whose document declares no security schemes: none. Passing any
 * credential is a mistake, refused at construction as buildAuthStrategies refuses an unknown scheme
 * (the name quoted, never the value); such a client does not carry the strategy factory.
 */
export function refuseCredentials(credentials: unknown): Map<string, AuthStrategy> {
  if (credentials !== undefined && credentials !== null) {
    if (typeof credentials !== 'object') throw new TypeError('auth must be an object');
    for (const key of Object.keys(credentials)) throw new TypeError(`auth has no security scheme ${quoteScheme(key)}; its schemes are none`);
  }
  return new Map();
}
