/**
 * A `fetch` for the generated client that records where every request went and which credentials
 * it carried, then sends it with the global fetch. Proves, from the client's side, that secrets go
 * only to the token endpoint and access tokens only to the API.
 */
import type { FetchLike } from './generated-oauth-client.js';

export interface SentRequest {
  method: string;
  url: string;
  authorization: string | null;
  /** Form and JSON bodies as text; other bodies (streams) as ''. */
  body: string;
}

export interface RecordingFetch {
  fetch: FetchLike;
  sent: SentRequest[];
}

export function recordingFetch(): RecordingFetch {
  const sent: SentRequest[] = [];
  const fetchAndRecord: FetchLike = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const body = typeof init?.body === 'string' ? init.body : init?.body instanceof URLSearchParams ? init.body.toString() : '';
    sent.push({ method: init?.method ?? 'GET', url, authorization: headers.get('authorization'), body });
    return fetch(input, init);
  };
  return { fetch: fetchAndRecord, sent };
}
