/**
 * Two steps few calls take before they send, in one chunk (one loader, one chunk name in every
 * app's download instead of two): an Idempotency-Key, and the bare request a challenge-response
 * scheme probes with. Loaded with import() (lazy-core-modules.ts);
 * imports no up-front module.
 */
export { bareRequest } from './bare-request.js';
export { idempotencyKeyFor, withIdempotencyKey } from './idempotency-key.js';
