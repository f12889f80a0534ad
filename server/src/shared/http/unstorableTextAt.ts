/** NUL, or a UTF-16 surrogate without its pair: PostgreSQL's text and jsonb refuse both. */
const NUL = /\u0000/;
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface UnstorableText {
  /** Where: `template.params[0]`, or `body` for the value itself. */
  field: string;
  kind: 'nul' | 'surrogate';
}

const problemOf = (text: string): UnstorableText['kind'] | undefined =>
  NUL.test(text) ? 'nul' : UNPAIRED.test(text) ? 'surrogate' : undefined;

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * The first string or key of a parsed JSON value that the database could not store. Iterative
 * (an explicit stack), so no nesting depth can overflow the call stack.
 */
export function unstorableTextAt(value: unknown, root = ''): UnstorableText | undefined {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      const kind = problemOf(current);
      if (kind) return { field: path || 'body', kind };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], join(path, i)]);
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const kind = problemOf(key);
        if (kind) return { field: join(path, key), kind };
        stack.push([child, join(path, key)]);
      }
    }
  }
  return undefined;
}
