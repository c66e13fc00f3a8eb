import type { StrategyFactory } from '../strategy-factory.js';
import { DigestAuth, type DigestCredentials } from './digest-auth.js';

/** HTTP `digest` schemes (RFC 7616). */
export const digestStrategies: StrategyFactory = (name, spec, credential) =>
  spec.type === 'http' && spec.scheme.toLowerCase() === 'digest' ? new DigestAuth(name, credential as DigestCredentials) : undefined;
