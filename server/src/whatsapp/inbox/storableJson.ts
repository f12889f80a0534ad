/**
 * PostgreSQL's jsonb refuses two things JSON allows: the NUL character (`\u0000`) and unpaired UTF-16
 * surrogates (`\ud800` alone). A delivery carrying either (a user can type them; Twilio passes `%00`
 * through) could not be stored at all, so such strings are stored with U+FFFD in their place — as
 * PostgreSQL text could not hold them anyway. The raw bytes still decide the content hash and the
 * signature, so deduplication is unchanged.
 */
// `\u0000`, a high surrogate escape not followed by a low one, or a low one not preceded by a high one.
const SUSPECT_ESCAPE =
  /\\u0000|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/;
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function replaceUnstorable(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD');
  if (Array.isArray(value)) return value.map(replaceUnstorable);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.replace(UNSTORABLE, '\uFFFD'), replaceUnstorable(v)]),
    );
  return value;
}

/**
 * The JSON text to store for `payload`: `json` as received when jsonb accepts it as it is (the
 * common case, checked by a cheap scan of its escapes), otherwise the payload re-serialised with
 * the unstorable characters replaced.
 */
export function storableJson(payload: unknown, json = JSON.stringify(payload)): string {
  if (!SUSPECT_ESCAPE.test(json)) return json;
  return JSON.stringify(replaceUnstorable(payload));
}
