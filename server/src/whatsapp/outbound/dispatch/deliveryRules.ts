import type { OutboundContent } from '../../../modules/message/domain/OutboundRequest';
import type { OptInStatus } from '../../../modules/optin/domain/OptIn';
import type { SessionMessage } from '../provider/WhatsappProvider';

/** What the database says about one template, as far as sending is concerned. */
export interface TemplateFacts {
  status: string;
  /** `{{n}}` parameters of the body. */
  paramCount: number;
  providerTemplateId?: string;
}

/** Everything the rules need to know about one queued message's recipient and template. */
export interface DeliveryFacts {
  optIn?: OptInStatus;
  windowOpen: boolean;
  /** The message's template (language resolved), if it has one and it exists. */
  template?: TemplateFacts;
  /** The template's language: the call's, or the tenant's default. */
  language: string;
}

export type DeliveryPlan =
  | { kind: 'session'; message: SessionMessage; replyToProviderId?: string }
  | {
      kind: 'template';
      name: string;
      language: string;
      params: string[];
      providerTemplateId?: string;
    };

export type RefusalCode =
  'OPTED_OUT' | 'WINDOW_CLOSED' | 'TEMPLATE_REQUIRED' | 'TEMPLATE_NOT_APPROVED' | 'TEMPLATE_PARAMS';

export type DeliveryDecision =
  { ok: true; plan: DeliveryPlan } | { ok: false; code: RefusalCode; title: string };

const refuse = (code: RefusalCode, title: string): DeliveryDecision => ({ ok: false, code, title });

/**
 * SPEC §8, in order: opt-out (only the STOP confirmation reaches an opted-out customer; broadcasts
 * need an opt-in); the 24-hour window (free-form only while open; notifications fall back to their
 * template; broadcasts are template-only); the template approved with the right parameter count.
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

  const { name, params } = content.template;
  if (facts.template?.status !== 'APPROVED')
    return refuse('TEMPLATE_NOT_APPROVED', `Template ${name} (${facts.language}) is not approved`);
  if (facts.template.paramCount !== params.length)
    return refuse(
      'TEMPLATE_PARAMS',
      `Template ${name} takes ${facts.template.paramCount} parameters, ${params.length} given`,
    );
  return {
    ok: true,
    plan: {
      kind: 'template',
      name,
      language: facts.language,
      params,
      providerTemplateId: facts.template.providerTemplateId,
    },
  };
}

function sessionMessage(content: OutboundContent): SessionMessage | undefined {
  if (content.media) return { kind: 'media', ...content.media };
  if (content.text !== undefined) return { kind: 'text', text: content.text };
  return undefined;
}
