/**
 * A customer asking for a person (English and Spanish): "talk to a human", "real person",
 * "an agent please", "hablar con una persona", "quiero un asesor", "agente humano". The AI is not
 * asked then: the customer goes to the lead path and the rep is alerted.
 */
const PHRASES = [
  /\b(human|humans|real person|live person|live agent|an agent|representative|operator)\b/,
  /\b(talk|speak|chat)\s+(to|with)\s+(a |an |the |some)?(human|person|one|body|agent|rep|representative|manager|staff)/,
  /\b(humano|humana|persona real|asesor|asesora|agente|operador|operadora|representante)\b/,
  /\b(hablar|comunicarme|charlar)\s+con\s+(alguien|una persona|un humano|un vendedor|una vendedora|una persona real)/,
];

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** True when the text asks for a person rather than an automatic answer. */
export function asksForPerson(text: string | undefined): boolean {
  if (!text) return false;
  const folded = fold(text.slice(0, 1000));
  return PHRASES.some((re) => re.test(folded));
}
