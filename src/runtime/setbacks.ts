/**
 * What a call does when an attempt did not simply succeed: its answer is not a 2xx (a redirect to
 * follow, a refusal to renew credentials for, a status worth a retry, else the ApiError), or it got
 * no answer (a network error worth a retry), and the messages of the core's typed errors. Loaded
 * with import() (lazy-core-modules.ts) by a client's first such attempt, so an app whose calls are
 * answered with a 2xx never downloads it; it imports no up-front module (it takes what it needs of
 * the attempt as arguments). Without it (a browser gone offline) the answer or failure at hand is
 * final (client-core.ts): a 3xx is not followed, a 401 or 403 not renewed, nothing retried, and
 * the error's message is the shorter `<operation> failed`.
 */
import type { AttemptDeadline } from './attempt-deadline.js';
import type { AuthStrategy } from './auth-strategy.js';
import type { RequestOptions, SentRequest } from './client-core.js';
import { discardUnread } from './discard-unread.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { renewAfterRefusal } from './renew-after-refusal.js';
import type { RetryOptions } from './retry.js';
import { retryPolicy } from './retry-policy.js';
import { retryDelayMs, wait } from './retry-wait.js';

export { failureMessage } from './failure-messages.js';
export { followRedirects } from './follow-redirects.js';

/** What the core tells this module about the attempt: the call's retry inputs, and for a refusal what renewing needs. */
export interface Setback {
  op: OperationSpec;
  /** The call's: its `signal` cuts the wait before a retry short. */
  options: RequestOptions;
  /** The client's retry options and the call's, checked (retry.ts): retry-policy.ts lays them over the defaults. */
  clientRetry: RetryOptions | false | undefined;
  callRetry: RetryOptions | false | undefined;
  /** 1 for the first attempt. */
  attempt: number;
  /** The call sends an Idempotency-Key: a POST or PATCH may be sent again. */
  keyed: boolean;
  /** False once a streamed body went out: it cannot be sent again. */
  replayable: boolean;
  /** The attempt's deadline: its signal for the strategies that renew; disposed before the wait for a retry. */
  deadline: AttemptDeadline;
  /** The client's strategies, and the schemes the operation applies. */
  auth: ReadonlyMap<string, AuthStrategy>;
  schemes: readonly SchemeUseSpec[];
  /** One more send of the attempt (built, authenticated, redirects followed). */
  resend: () => Promise<SentRequest>;
  /** The ApiError of a final answer (its body parsed), with what authentication did about it. */
  answerError: (response: Response, note?: { authNote: string }) => Promise<Error>;
}

/** A method whose repetition is harmless, or a call the server can deduplicate by its Idempotency-Key. */
export function mayRetry(method: string, hasIdempotencyKey: boolean): boolean {
  return /^(GET|HEAD|OPTIONS|PUT|DELETE)$/i.test(method) || (hasIdempotencyKey && /^P(OST|ATCH)$/i.test(method));
}

/**
 * Whether the call is sent again (retries left, a method safe to repeat, a body that can be sent
 * again, and for an answer a status of the policy's; a network error, `response` undefined, is
 * retried under the same rule), and if so the wait before it: the attempt is over first (its
 * deadline disposed: no timeout during the wait), the caller's abort cuts the wait short (rejects).
 */
export async function retried(setback: Setback, response: Response | undefined): Promise<boolean> {
  const { attempt, deadline } = setback;
  const policy = retryPolicy(setback.clientRetry, setback.callRetry);
  if (attempt > policy.maxRetries || !setback.replayable || !mayRetry(setback.op.method, setback.keyed)) return false;
  if (response !== undefined && !policy.statuses.includes(response.status)) return false;
  if (response !== undefined) await discardUnread(response);
  deadline.dispose();
  await wait(retryDelayMs(policy, attempt, response), setback.options.signal);
  return true;
}

/**
 * After an answer outside 2xx (redirects followed): one more send when a strategy renewed its
 * credentials after a 401 or 403, then a retry when the policy allows, else the ApiError (with
 * what authentication did about a refusal). Resolves to the resend's 2xx answer (the core reads
 * its body), or undefined once it is time for the next attempt.
 */
export async function afterAnswer(setback: Setback, sent: SentRequest): Promise<Response | undefined> {
  const notes: string[] = [];
  const refused = sent.response.status;
  // The resend cannot stream a body: a refused request with one is not renewed, so `replayable` stays as it is.
  if ((refused === 401 || refused === 403) && sent.authenticated && sent.request.body?.replayable !== false
    && (await renewAfterRefusal(setback.auth, setback.op.id, setback.schemes, sent, setback.deadline.signal, notes))) {
    await discardUnread(sent.response);
    sent = await setback.resend();
  }
  const response = sent.response;
  if (response.ok) return response;
  if (await retried(setback, response)) return undefined;
  throw await setback.answerError(response, notes.length > 0 ? { authNote: notes.join('; ') } : undefined);
}
