import type { StrategyFactory } from '../strategy-factory.js';
import { OAuth1Auth, type OAuth1Credentials } from './oauth1-auth.js';

/** HTTP `oauth` schemes: OAuth 1.0a request signing (RFC 5849). */
export const oauth1Strategies: StrategyFactory = (name, spec, credential) =>
  spec.type === 'http' && spec.scheme.toLowerCase() === 'oauth' ? new OAuth1Auth(name, credential as OAuth1Credentials) : undefined;
