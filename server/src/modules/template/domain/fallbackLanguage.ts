const base = (language: string) => language.split('_')[0];

/**
 * The language a system notification's template goes out in, from the languages it is approved
 * in: the tenant's own; else the same language of another region (`es` for `es_MX`); else
 * English (the default templates are seeded in English where we have no wording); else the first
 * approved one alphabetically. Undefined when it is approved in none.
 */
export function fallbackLanguage(wanted: string, approved: string[]): string | undefined {
  if (approved.includes(wanted)) return wanted;
  const sorted = [...approved].sort();
  return (
    sorted.find((l) => base(l) === base(wanted)) ??
    sorted.find((l) => l === 'en') ??
    sorted.find((l) => base(l) === 'en') ??
    sorted[0]
  );
}
