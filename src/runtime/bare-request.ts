/**
 * The request a challenge-response scheme (Digest) probes with: its method and URL without body
 * or credentials. Loaded with before-send-steps.ts (lazy-core-modules.ts) when a strategy first probes;
 * imports no up-front module.
 */
import type { PreparedRequest } from './build-request.js';
import { dropBodyHeaders, dropCredentialHeaders } from './request-headers.js';

/** A method with effects is probed with HEAD, lest a server that asks for no credentials act on a body-less POST (RFC 9110 §9.2.1: safe methods). */
export function bareRequest(request: PreparedRequest): PreparedRequest {
  const method = /^(GET|HEAD|OPTIONS)$/i.test(request.method) ? request.method : 'HEAD';
  const bare: PreparedRequest = { ...request, method, headers: new Headers(request.headers), body: undefined };
  dropBodyHeaders(bare.headers);
  dropCredentialHeaders(bare.headers);
  return bare;
}
