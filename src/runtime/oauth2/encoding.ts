/** The form encoding OAuth's client authentication needs, from web-standard globals only. */

/**
 * application/x-www-form-urlencoded encoding of one value (UTF-8, space as `+`), as RFC 6749 §2.3.1
 * requires for the client id and secret before they go into HTTP Basic.
 */
export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}
