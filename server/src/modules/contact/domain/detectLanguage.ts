/** The languages customers are answered in (SPEC §19). */
export const CUSTOMER_LANGUAGES = ['en', 'es', 'pt'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

// Words that tell the three apart; those Spanish and Portuguese share ("que", "para") are left out.
const WORDS: Record<CustomerLanguage, ReadonlySet<string>> = {
  en: new Set(
    'the and is are you i my we for with to of what how hello hi hey please thanks thank want would like people book booking can do have trip tour when where our need much price there this'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el los las y es usted yo mi nosotros hola gracias quiero queremos personas cuánto cuanto cuándo cuando dónde donde viaje buenas buenos días dias tardes necesito del al pero muy qué cómo como precio hay reservar'.split(
      ' ',
    ),
  ),
  pt: new Set(
    'os é você voce eu meu minha nós olá ola oi obrigado obrigada pessoas quanto quando onde viagem bom boa dia tarde preciso do da no na mas muito não nao gostaria tudo bem passeio preço tem reservar'
      .split(' ')
      .filter((w) => !['quando', 'reservar'].includes(w)),
  ),
};
const LETTERS: Array<[RegExp, CustomerLanguage]> = [
  [/[ñ¿¡]/, 'es'],
  [/[ãõç]/, 'pt'],
];

/**
 * The language of a customer's message among en, es and pt, by distinctive words and letters;
 * undefined when the text says too little (a single "ok", an emoji) or is a tie.
 */
export function detectLanguage(text: string | undefined): CustomerLanguage | undefined {
  if (!text) return undefined;
  const lower = text.toLowerCase();
  const score: Record<CustomerLanguage, number> = { en: 0, es: 0, pt: 0 };
  for (const [pattern, language] of LETTERS) if (pattern.test(lower)) score[language] += 2;
  for (const word of lower.split(/[^\p{L}]+/u))
    for (const language of CUSTOMER_LANGUAGES) if (WORDS[language].has(word)) score[language]++;
  const ranked = CUSTOMER_LANGUAGES.map((l) => [l, score[l]] as const).sort((a, b) => b[1] - a[1]);
  if (ranked[0][1] === 0 || ranked[0][1] === ranked[1][1]) return undefined;
  return ranked[0][0];
}
