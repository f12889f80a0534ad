import { ValidationError } from '../../../shared/errors/AppError';
import { interactiveProblems } from '../domain/interactiveRules';
import {
  CONTENT_KINDS,
  type MediaCall,
  type OutboundContent,
  type TemplateCall,
} from '../domain/OutboundRequest';
import type { ContactCard, InteractiveCall, LocationCall } from '../domain/outboundKinds';

type MediaRef = { id?: string; link?: string };

/** What a staff member may send (POST /messages, /conversations/:id/messages): exactly one kind. */
export interface StaffMessage {
  to: string;
  text?: string;
  template?: TemplateCall;
  media?: MediaRef & { type: MediaCall['mediaType']; caption?: string; filename?: string };
  sticker?: MediaRef;
  interactive?: InteractiveCall;
  location?: LocationCall;
  contacts?: ContactCard[];
  /** Our id of the message reacted to; `emoji: ''` takes a reaction back. */
  reaction?: { messageId: string; emoji: string };
}

const KINDS = [...CONTENT_KINDS, 'sticker'] as const;

/**
 * The queued content of a staff send, reaction aside (its target is resolved by the use case).
 * Refuses with 400 naming the field: no kind or several, media without exactly one of id and link,
 * an interactive message beyond WhatsApp's limits.
 */
export function staffMessageContent(input: StaffMessage): Omit<OutboundContent, 'reaction'> {
  const given = KINDS.filter((kind) => input[kind] !== undefined);
  if (given.length !== 1)
    throw new ValidationError(`Send exactly one of ${KINDS.join(', ')}`, [
      { field: given[1] ?? 'text', message: `exactly one of ${KINDS.join(', ')}` },
    ]);
  for (const [field, ref] of [
    ['media', input.media],
    ['sticker', input.sticker],
  ] as const)
    if (ref && !ref.id === !ref.link)
      throw new ValidationError('Media needs an id or a link', [{ field, message: 'id or link' }]);
  if (input.interactive) {
    const problems = interactiveProblems(input.interactive);
    if (problems.length)
      throw new ValidationError('The interactive message breaks WhatsApp’s limits', problems);
  }
  const media = input.media && {
    mediaType: input.media.type,
    mediaId: input.media.id,
    link: input.media.link,
    caption: input.media.caption,
    filename: input.media.filename,
  };
  const sticker = input.sticker && {
    mediaType: 'sticker' as const,
    mediaId: input.sticker.id,
    link: input.sticker.link,
  };
  return {
    purpose: 'manual',
    text: input.text,
    template: input.template,
    media: media ?? sticker,
    interactive: input.interactive,
    location: input.location,
    contacts: input.contacts,
  };
}
