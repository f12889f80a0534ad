/**
 * Lower-cases and strips diacritics (NFD, then drops combining marks), so `Diciembre`, `DICIEMBRE`
 * and `diciémbre` compare equal and `niños` becomes `ninos`. For matching only: the result may be
 * shorter than the input, so never use its indices to slice the original text.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
