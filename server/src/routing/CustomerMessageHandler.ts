import { inject, injectable } from 'inversify';
import type { AiRequestQueue, HandoffReason } from '../modules/autoresponder/domain/AiRequest';
import type { AutoReplyRule } from '../modules/autoresponder/domain/AutoResponderSettings';
import type { OutboundQueue, OutboundRequest } from '../modules/message/domain/OutboundRequest';
import { TYPES } from '../types';
import type { RoutableMessage } from '../modules/message/domain/MessageRouter';
import type { AutoResponder, BatchAutoReplies } from './AutoResponder';
import type { CustomerCommands } from './CustomerCommands';
import type { Enquiry, LeadPath } from './LeadPath';
import { parseCustomerIntent, type CustomerIntent } from './parse/parseCustomerIntent';
import type { Replies } from './replies';
import type { CustomerMessage } from './CustomerMessage';

export type { CustomerMessage } from './CustomerMessage';

type Parsed = CustomerMessage & { intent: CustomerIntent };

/** What answers a customer's message: the first step of SPEC §23's order that applies. */
type Step =
  | { kind: 'command' }
  | { kind: 'rule'; rule: AutoReplyRule }
  | { kind: 'away' }
  | { kind: 'ai' }
  | { kind: 'lead'; handoff?: HandoffReason };

/**
 * A customer's message (SPEC §6, §23). Nothing but the STOP confirmation goes to an opted-out
 * customer, staff never reach this class, and the AI is only queued here: it answers after the
 * routing transaction commits (AnswerWithAi).
 */
@injectable()
export class CustomerMessageHandler {
  constructor(
    @inject(TYPES.CustomerCommands) private readonly commands: CustomerCommands,
    @inject(TYPES.LeadPath) private readonly leadPath: LeadPath,
    @inject(TYPES.AutoResponder) private readonly autoResponder: AutoResponder,
    @inject(TYPES.AiRequestQueue) private readonly aiRequests: AiRequestQueue,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
  ) {}

  /** SPEC §23's order, top to bottom: the first step that applies answers the message. */
  private async stepFor({ intent, message }: Parsed, auto: BatchAutoReplies): Promise<Step> {
    if (intent.kind === 'opt_out' || intent.kind === 'opt_in') return { kind: 'command' }; // STOP / START
    if (message.consent === 'opted_out')
      return intent.kind === 'enquiry' ? { kind: 'lead' } : { kind: 'command' };
    const rule = auto.rule(message);
    if (rule) return { kind: 'rule', rule }; // the tenant's rules, in their order
    if (intent.kind !== 'enquiry') return { kind: 'command' }; // STATUS, PAY, CANCEL: §6 answers them at any hour
    if (await auto.awayDue(message)) return { kind: 'away' }; // outside business hours, once per 12 h
    const ai = await auto.ai(message); // enabled, in the plan, within quota
    if (ai?.kind === 'answer') return { kind: 'ai' };
    if (ai?.kind === 'handoff') return { kind: 'lead', handoff: ai.reason };
    return { kind: 'lead' }; // SPEC §6: the lead, the confirmation
  }

  /** Messages of one tenant, one per customer; enquiries go through the lead path together, set-based. */
  async handle(messages: CustomerMessage[], repliesOf: (m: RoutableMessage) => Replies): Promise<void> {
    if (!messages.length) return;
    const parsed: Parsed[] = messages.map((m) => ({
      ...m,
      intent: parseCustomerIntent(m.message.event.text, m.message.event.reply),
    }));
    const auto = await this.autoResponder.prepare(
      messages[0].actor.tenantId,
      messages.map((m) => m.message),
    );
    const steps = new Map<Parsed, Step>();
    for (const p of parsed) steps.set(p, await this.stepFor(p, auto));

    const texts = new Map<Parsed, string | undefined>();
    const toLead = parsed.filter((p) => {
      const step = steps.get(p)!;
      return step.kind === 'lead' || step.kind === 'away' || (step.kind === 'rule' && step.rule.handoff);
    });
    const leadAnswers = await this.leadPath.run(toLead.map((p) => this.enquiry(p, steps.get(p)!, repliesOf)));
    toLead.forEach((p, i) => texts.set(p, leadAnswers[i]));
    await this.aiRequests.enqueue(
      parsed.filter((p) => steps.get(p)!.kind === 'ai').map(({ message }) => aiRequest(message)),
    );
    await this.appendAiFollowUps(parsed.filter((p) => steps.get(p)!.kind === 'ai'));
    for (const p of parsed)
      if (steps.get(p)!.kind === 'command')
        texts.set(p, await this.commands.answer(p.actor, p.intent, p.message, repliesOf(p.message)));

    await this.outbound.enqueueAll(parsed.flatMap((p) => this.replies(p, steps.get(p)!, texts.get(p), auto)));
  }

  private enquiry(p: Parsed, step: Step, repliesOf: (m: RoutableMessage) => Replies): Enquiry {
    const { message } = p;
    return {
      tenantId: p.actor.tenantId,
      messageId: message.messageId,
      customerPhone: message.customerPhone,
      customerName: message.event.from.name,
      text: message.event.text ?? `[${message.event.type}]`,
      conversationId: message.conversation.id,
      replies: repliesOf(message),
      confirm: step.kind === 'lead',
      handoff: step.kind === 'lead' ? step.handoff : step.kind === 'rule' ? 'rule' : undefined,
    };
  }

  /** A message the AI answers still joins the customer's open lead, if they have one. */
  private async appendAiFollowUps(ai: Parsed[]): Promise<void> {
    const followUps = ai.filter((p) => typeof p.message.conversation.context.leadId === 'string');
    if (followUps.length) await this.commands.appendToLead(followUps.map((p) => p.message));
  }

  /** The queued replies to one message: the greeting first for a newcomer, then the step's answer. */
  private replies(
    p: Parsed,
    step: Step,
    text: string | undefined,
    auto: BatchAutoReplies,
  ): OutboundRequest[] {
    const { actor, message, intent } = p;
    // Only STOP and START change consent, and both are answered; the rest go by the status on arrival.
    const optedOut = intent.kind !== 'opt_in' && message.consent === 'opted_out';
    if (optedOut && intent.kind !== 'opt_out') return [];
    const base = {
      tenantId: actor.tenantId,
      to: message.customerPhone,
      purpose: 'reply' as const,
      conversationId: message.conversation.id,
      replyToProviderId: message.event.providerMessageId,
    };
    if (intent.kind === 'opt_out' || intent.kind === 'opt_in')
      // The dispatcher lets exactly this message through to an opted-out number.
      return text
        ? [{ ...base, text, ...(intent.kind === 'opt_out' ? { context: { stopConfirmation: true } } : {}) }]
        : [];
    const greeting = auto.greetingFor(message);
    const auto_ = { ...base, origin: 'auto' as const };
    const answer: OutboundRequest[] = [];
    if (step.kind === 'rule') {
      const reply = step.rule.reply;
      answer.push(
        'template' in reply
          ? { ...auto_, template: { name: reply.template, language: message.customerLanguage, params: [] } }
          : { ...auto_, text: reply.text },
      );
    } else if (step.kind === 'away' && auto.awayMessage) answer.push({ ...auto_, text: auto.awayMessage });
    else if (text) answer.push({ ...base, text });
    if (!greeting) return answer;
    // One message, so the greeting cannot arrive after the answer.
    const [first, ...rest] = answer;
    if (first?.text) return [{ ...first, origin: 'auto', text: `${greeting}\n\n${first.text}` }, ...rest];
    return [{ ...auto_, text: greeting }, ...answer];
  }
}

function aiRequest(message: RoutableMessage) {
  return {
    tenantId: message.tenantId,
    messageId: message.messageId,
    conversationId: message.conversation.id,
    customerPhone: message.customerPhone,
    customerName: message.event.from.name,
    language: message.customerLanguage,
    providerMessageId: message.event.providerMessageId,
  };
}
