/**
 * Three steps few calls take before they send, in one chunk (one loader, one chunk name in every
 * app's download instead of three): what hooks see (a client with hooks), an Idempotency-Key, and
 * the bare request a challenge-response scheme probes with. Loaded with import()
 * (lazy-core-modules.ts); imports no up-front module.
 */
export { bareRequest } from './bare-request.js';
export { beforeSend } from './hooks.js';
export { idempotencyKeyFor, withIdempotencyKey } from './idempotency-key.js';
