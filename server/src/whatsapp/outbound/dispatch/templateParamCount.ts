/**
 * The number of `{{n}}` parameters in a template's body, from its components as Meta stores them
 * (`[{ type: 'BODY', text: 'Hi {{1}} …' }, …]`): the highest n.
 */
export function templateParamCount(components: unknown): number {
  if (!Array.isArray(components)) return 0;
  const body = components.find(
    (c): c is { text: string } =>
      typeof c === 'object' &&
      c !== null &&
      String((c as { type?: unknown }).type).toUpperCase() === 'BODY' &&
      typeof (c as { text?: unknown }).text === 'string',
  );
  if (!body) return 0;
  const numbers = [...body.text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1]));
  return numbers.length ? Math.max(...numbers) : 0;
}
