const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * True when JSON text nests objects/arrays deeper than `max`. Provider deliveries nest about ten
 * deep, API bodies five; thousands of levels parse in V8 but overflow the stack of anything that
 * walks the value recursively later (JSON.stringify, PostgreSQL's jsonb), so every JSON edge
 * refuses them before parsing. One pass over the characters, skipping string contents; stops as
 * soon as the limit is passed.
 */
export function exceedsNesting(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}
