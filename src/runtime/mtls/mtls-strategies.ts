import type { StrategyFactory } from '../strategy-factory.js';
import { MutualTlsAuth, type MutualTlsCredentials } from './mutual-tls-auth.js';

/** `mutualTLS` schemes. */
export const mtlsStrategies: StrategyFactory = (name, spec, credential) =>
  spec.type === 'mutualTLS' ? new MutualTlsAuth(name, credential as MutualTlsCredentials) : undefined;
