/**
 * The retry driver: one call's attempts, each under its own deadline (body included) and
 * authenticated afresh, until an answer is final or the retry policy says stop.
 */
import type { ApiResponse } from './api-promise.js';
import { AttemptDeadline, wait } from './attempt-deadline.js';
import type { AttemptOptions, CallState } from './call-state.js';
import type { RequestOptions } from './client-core.js';
import { idempotencyKeyFor } from './idempotency-key.js';
import type { OperationSpec, SchemeUseSpec } from './operation.js';
import { discardBody } from './parse-response.js';
import { mayRetry, retryDelayMs, type RetryPolicy } from './retry.js';
import type { AttemptSender } from './send-attempt.js';
import { settleResponse } from './settle-response.js';
import type { SignalPool } from './signal-pool.js';
import { ApiConnectionError, ApiTimeoutError } from './transport-errors.js';

/** What the client settled for this call before its first attempt. */
export interface CallPlan {
  chosen: readonly SchemeUseSpec[];
  policy: RetryPolicy;
  timeoutMs: number;
  /** Lends the attempts their AbortControllers. */
  signals: SignalPool;
}

export async function callWithRetries<T>(
  sender: AttemptSender,
  plan: CallPlan,
  op: OperationSpec,
  args: Readonly<Record<string, unknown>> | undefined,
  options: RequestOptions,
): Promise<ApiResponse<T>> {
  const { chosen, policy, timeoutMs } = plan;
  const idempotencyKey = idempotencyKeyFor(options.idempotencyKey);
  let headers = options.headers;
  if (idempotencyKey !== undefined) {
    const withKey = new Headers(headers);
    withKey.set('idempotency-key', idempotencyKey);
    headers = withKey;
  }
  const retryable = policy.maxRetries > 0 && mayRetry(op.method, idempotencyKey !== undefined);

  for (let attempt = 1; ; attempt++) {
    const state: CallState = { attempt, url: undefined, replayable: true };
    const deadline = new AttemptDeadline(timeoutMs, options.signal, plan.signals);
    const attemptOptions: AttemptOptions = { ...options, headers, signal: deadline.signal, state };
    const canRetry = (): boolean => retryable && attempt <= policy.maxRetries && state.replayable;
    let delay: number;
    let streaming = false;
    try {
      const notes: string[] = [];
      const sent = await sender.attempt(op, args, attemptOptions, chosen, notes);
      if (!(policy.statuses.has(sent.response.status) && canRetry())) {
        const settled = await settleResponse<T>(op, sent.response, notes);
        streaming = settled.data !== null && (settled.data as unknown) === settled.response.body;
        return settled;
      }
      await discardBody(sent.response);
      delay = retryDelayMs(policy, attempt, sent.response);
    } catch (error) {
      const failure = deadline.timedOut && !(error instanceof ApiTimeoutError) && state.url !== undefined
        ? new ApiTimeoutError({ operation: op.id, method: op.method, url: state.url, cause: error, timeoutMs })
        : error;
      if (!(failure instanceof ApiConnectionError) || failure instanceof ApiTimeoutError || !canRetry()) throw failure;
      delay = retryDelayMs(policy, attempt, undefined);
    } finally {
      // A stream handed out is read after the call resolves: timeoutMs no longer applies, but the caller's signal still aborts it.
      deadline.dispose(streaming);
    }
    await wait(delay, options.signal);
  }
}
