/** Plain-fetch helpers for talking to the test servers the way an OAuth client would. */

export interface JsonReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function toJsonReply(response: Response): Promise<JsonReply> {
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? {} : JSON.parse(text);
  } catch {
    // An HTML error page, say: keep it readable in assertion diffs instead of throwing here.
    return { status: response.status, headers: response.headers, body: { text } };
  }
  const body = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  return { status: response.status, headers: response.headers, body };
}

/** POST an application/x-www-form-urlencoded body (what token endpoints take) and parse the JSON answer. */
export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<JsonReply> {
  return toJsonReply(await fetch(url, { method: 'POST', headers, body: new URLSearchParams(form) }));
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<JsonReply> {
  return toJsonReply(await fetch(url, { headers }));
}

/** application/x-www-form-urlencoded encoding of one value (space → `+`, UTF-8 percent-encoding). */
export function formEncode(value: string): string {
  return new URLSearchParams([['v', value]]).toString().slice(2);
}

/** `Basic` credentials as RFC 6749 §2.3.1 wants them: each part form-encoded, then base64. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64')}`;
}

export function bearer(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` };
}
