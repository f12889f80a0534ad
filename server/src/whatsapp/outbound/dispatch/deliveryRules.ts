import type { OutboundContent } from '../../../modules/message/domain/OutboundRequest';
import { stopsMarketing, type OptInStatus } from '../../../modules/optin/domain/OptIn';
import type { ButtonParam, HeaderParam } from '../../../modules/template/domain/templateSendParams';
import {
  checkTemplateSendable,
  type SendableTemplate,
} from '../../../modules/template/domain/templateSendability';
import type { FieldProblem } from '../../../shared/errors/AppError';
import type { SessionMessage } from '../provider/WhatsappProvider';

/** What the database says about one template in one language, as far as sending is concerned. */
export interface TemplateFacts extends SendableTemplate {
  name: string;
  language: string;
  /** MARKETING, UTILITY or AUTHENTICATION, as stored. */
  category?: string;
  providerTemplateId?: string;
}

/** Everything the rules need to know about one queued message's recipient and template. */
export interface DeliveryFacts {
  optIn?: OptInStatus;
  /** The recipient stopped marketing messages (Meta 131050). */
  marketingOptedOut?: boolean;
  windowOpen: boolean;
  /** The message's template in `language`, if it has one and it exists. */
  template?: TemplateFacts;
  /** The template's language: the call's, the tenant's default, or a notification's fallback. */
  language: string;
}

export type DeliveryPlan =
  | { kind: 'session'; message: SessionMessage; replyToProviderId?: string }
  | {
      kind: 'template';
      name: string;
      language: string;
      params: string[];
      header?: HeaderParam;
      buttons?: ButtonParam[];
      providerTemplateId?: string;
    }
  | { kind: 'sms'; text: string; from: string };

export type RefusalCode =
  | 'OPTED_OUT'
  | 'MARKETING_OPTED_OUT'
  | 'WINDOW_CLOSED'
  | 'TEMPLATE_REQUIRED'
  | 'TEMPLATE_NOT_APPROVED'
  | 'TEMPLATE_PARAMS'
  | 'NOTHING_TO_SEND';

export type DeliveryDecision =
  { ok: true; plan: DeliveryPlan } | { ok: false; code: RefusalCode; title: string; fields?: FieldProblem[] };

const refuse = (code: RefusalCode, title: string, fields?: FieldProblem[]): DeliveryDecision => ({
  ok: false,
  code,
  title,
  ...(fields ? { fields } : {}),
});

/**
 * SPEC §8, in order: opt-out (only the STOP confirmation reaches an opted-out customer; broadcasts
 * need an opt-in); the 24-hour window (free-form only while open; notifications fall back to their
 * template; broadcasts are template-only); the template approved with the right values for its
 * header, body and buttons; no MARKETING template to a customer who stopped marketing messages.
 */
export function decideDelivery(content: OutboundContent, facts: DeliveryFacts): DeliveryDecision {
  const stopConfirmation = content.context?.stopConfirmation === true;
  if (facts.optIn === 'opted_out' && !stopConfirmation)
    return refuse('OPTED_OUT', 'The customer has opted out of messages');
  if (content.purpose === 'broadcast' && facts.optIn !== 'opted_in')
    return refuse('OPTED_OUT', 'Broadcasts go only to opted-in customers');

  const session = sessionMessage(content);
  if (session && content.purpose !== 'broadcast' && facts.windowOpen)
    return {
      ok: true,
      plan: { kind: 'session', message: session, replyToProviderId: content.replyToProviderId },
    };
  if (!content.template) {
    if (content.purpose === 'broadcast')
      return refuse('TEMPLATE_REQUIRED', 'Broadcasts need an approved template');
    return refuse('WINDOW_CLOSED', 'The 24-hour window is closed: only an approved template can be sent');
  }

  const { name, params, header, buttons } = content.template;
  const sendable = checkTemplateSendable(facts.template, content.template);
  if (!sendable.ok)
    return refuse(sendable.code, `Template ${name} (${facts.language}): ${sendable.reason}`, sendable.fields);
  if (stopsMarketing(facts, facts.template?.category))
    return refuse('MARKETING_OPTED_OUT', 'The customer stopped marketing messages (WhatsApp 131050)');
  return {
    ok: true,
    plan: {
      kind: 'template',
      name,
      language: facts.language,
      params,
      ...(header ? { header } : {}),
      ...(buttons?.length ? { buttons } : {}),
      providerTemplateId: facts.template?.providerTemplateId,
    },
  };
}

/** An SMS (the fallback of a message WhatsApp could not deliver): consent is all that applies. */
export function decideSms(content: OutboundContent, facts: DeliveryFacts): DeliveryDecision {
  if (facts.optIn === 'opted_out') return refuse('OPTED_OUT', 'The customer has opted out of messages');
  if (!content.text || !content.sms)
    return refuse('NOTHING_TO_SEND', 'An SMS needs a text and a number to send from');
  return { ok: true, plan: { kind: 'sms', text: content.text, from: content.sms.from } };
}

function sessionMessage(content: OutboundContent): SessionMessage | undefined {
  if (content.media) return { kind: 'media', ...content.media };
  if (content.interactive) return { kind: 'interactive', interactive: content.interactive };
  if (content.location) return { kind: 'location', ...content.location };
  if (content.contacts) return { kind: 'contacts', contacts: content.contacts };
  if (content.reaction)
    return {
      kind: 'reaction',
      toProviderMessageId: content.reaction.providerMessageId,
      emoji: content.reaction.emoji,
    };
  if (content.text !== undefined) return { kind: 'text', text: content.text };
  return undefined;
}
