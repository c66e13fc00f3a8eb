import type { PreparedRequest } from './build-request.js';
import type { RequestOptions } from './client-core.js';

/** What one attempt of a call is doing, for its hooks and error messages. */
export interface CallState {
  readonly attempt: number;
  /** The URL last sent to, for ApiTimeoutError. */
  url: URL | undefined;
  /** False once a streamed body went out: it cannot be sent again. */
  replayable: boolean;
}

/** The call's options as one attempt runs them: the signal is the attempt's deadline. */
export type AttemptOptions = RequestOptions & { state: CallState };

/** What one send (redirects included) ended with. */
export interface SentRequest {
  request: PreparedRequest;
  response: Response;
  /** False when a redirect took the request to another origin, where it went without credentials. */
  authenticated: boolean;
}
