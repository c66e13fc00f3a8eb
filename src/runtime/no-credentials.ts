import type { AuthStrategy } from './auth-strategy.js';

/**
 * The auth strategies of a client whose document declares no security schemes: none. Passing any
 * credential is a mistake, refused at construction as buildAuthStrategies refuses an unknown scheme
 * (the name quoted, never the value); such a client does not carry the strategy factory.
 */
export function refuseCredentials(credentials: unknown): Map<string, AuthStrategy> {
  if (credentials !== undefined && credentials !== null) {
    if (typeof credentials !== 'object') throw new TypeError('credentials must be an object keyed by security scheme name');
    // Scheme names are quoted as JSON, lest control characters forge a message.
    for (const key of Object.keys(credentials)) throw new TypeError(`auth has no security scheme ${JSON.stringify(key)}; this API declares no security schemes`);
  }
  return new Map();
}
