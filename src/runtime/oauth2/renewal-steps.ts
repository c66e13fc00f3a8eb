/**
 * A renewal's occasional steps, one chunk (like the request core's before-send-steps.ts): the answer
 * to a token the API refused (oauth2-refusal.ts), and what a renewal does before its grant after
 * that refusal or with a refresh token (token-refresh.ts). Loaded with import() by oauth2-auth.ts
 * the first time either happens (lazy-modules.ts): an app whose tokens are accepted and whose
 * server issues no refresh tokens never downloads it.
 */
export { answerRefusal } from './oauth2-refusal.js';
export { beforeGrant } from './token-refresh.js';
