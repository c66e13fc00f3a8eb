/**
 * Three steps few calls take, in one chunk (one loader, one chunk name in every app's download
 * instead of three): renewing credentials after a 401 or 403, an Idempotency-Key, and the bare
 * request a challenge-response scheme probes with. Loaded with import() (lazy-core-modules.ts);
 * imports no up-front module.
 */
export { bareRequest } from './bare-request.js';
export { idempotencyKeyFor, withIdempotencyKey } from './idempotency-key.js';
export { renewAfterRefusal } from './renew-after-refusal.js';
