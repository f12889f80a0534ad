import { wordingOf, type Wording } from '../shared/wording';
import { englishReplies, type Replies } from './replies/englishReplies';
import { portugueseReplies } from './replies/portugueseReplies';
import { spanishReplies } from './replies/spanishReplies';

export type { Replies } from './replies/englishReplies';
export type { BookingLine, TripSummary } from './replies/replyFacts';

const BY_LANGUAGE: Record<Wording, Replies> = {
  en: englishReplies,
  es: spanishReplies,
  pt: portugueseReplies,
};

/** What the router answers: staff in the tenant's language, customers in theirs (English, Spanish, Portuguese). */
export const repliesFor = (language: string): Replies => BY_LANGUAGE[wordingOf(language)];
