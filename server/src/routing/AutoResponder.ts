import { inject, injectable } from 'inversify';
import type { AiAllowance } from '../modules/autoresponder/domain/AiAllowance';
import type { AiRequestQueue, HandoffReason } from '../modules/autoresponder/domain/AiRequest';
import { asksForPerson } from '../modules/autoresponder/domain/asksForPerson';
import type { AutoReplyMemory } from '../modules/autoresponder/domain/AutoReplyMemory';
import type {
  AutoReplyRule,
  AutoResponderSettings,
  AutoResponderSettingsRepository,
} from '../modules/autoresponder/domain/AutoResponderSettings';
import { isOpenAt } from '../modules/autoresponder/domain/businessHours';
import type { ChatCompletions } from '../modules/autoresponder/domain/ChatCompletions';
import { ruleMatcher, type RuleMatcher } from '../modules/autoresponder/domain/ruleMatching';
import type { RoutableMessage } from '../modules/message/domain/MessageRouter';
import type { Clock } from '../shared/clock/Clock';
import { TYPES } from '../types';

/** The AI's part for one message: it answers, someone must (why), or it has no part. */
export type AiStep = { kind: 'answer' } | { kind: 'handoff'; reason: HandoffReason } | undefined;

/** The auto-responder's facts for one batch of a tenant's customer messages (SPEC §23). */
export interface BatchAutoReplies {
  rule(message: RoutableMessage): AutoReplyRule | undefined;
  /** Outside business hours and no away message in this conversation for 12 hours (claimed). */
  awayDue(message: RoutableMessage): Promise<boolean>;
  /** Whether the AI answers (enabled, configured, in plan, within quota and its per-conversation replies). */
  ai(message: RoutableMessage): Promise<AiStep>;
  awayMessage: string | null;
  /** The greeting, for a customer writing for the first time. */
  greetingFor(message: RoutableMessage): string | undefined;
}

@injectable()
export class AutoResponder {
  constructor(
    @inject(TYPES.AutoResponderSettings) private readonly settings: AutoResponderSettingsRepository,
    @inject(TYPES.AutoReplyMemory) private readonly memory: AutoReplyMemory,
    @inject(TYPES.AiRequestQueue) private readonly aiRequests: AiRequestQueue,
    @inject(TYPES.AiAllowance) private readonly allowance: AiAllowance,
    @inject(TYPES.ChatCompletions) private readonly chat: ChatCompletions,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  /** One settings read per batch; the rest only when a setting needs it (default: nothing more). */
  async prepare(tenantId: string, messages: RoutableMessage[]): Promise<BatchAutoReplies> {
    const settings = await this.settings.find(tenantId);
    const now = this.clock.now();
    const matches: RuleMatcher = ruleMatcher(settings.rules);
    const firstTimers = settings.greeting
      ? await this.memory.firstTimers(
          tenantId,
          messages.map((m) => ({ phone: m.customerPhone, messageId: m.messageId })),
        )
      : new Set<string>();
    const aiOn = settings.ai.enabled && this.chat.configured;
    const replies = aiOn
      ? await this.aiRequests.repliesIn(tenantId, [...new Set(messages.map((m) => m.conversation.id))])
      : new Map<string, number>();
    const open = isOpenAt(settings, now);
    return {
      rule: (m) => (m.event.text ? matches(m.event.text) : undefined),
      awayDue: async (m) =>
        !open &&
        settings.awayMessage !== null &&
        (await this.memory.claimAway(tenantId, [m.conversation.id], now)).has(m.conversation.id),
      ai: (m) => (aiOn ? this.aiStep(settings, replies, m) : Promise.resolve(undefined)),
      awayMessage: settings.awayMessage,
      greetingFor: (m) => (firstTimers.has(m.customerPhone) ? (settings.greeting ?? undefined) : undefined),
    };
  }

  private async aiStep(
    settings: AutoResponderSettings,
    replies: Map<string, number>,
    m: RoutableMessage,
  ): Promise<AiStep> {
    // The AI reads words: media (a voice note before its transcript, a photo) goes to the lead path.
    if (!m.event.text?.trim()) return undefined;
    if (asksForPerson(m.event.text)) return { kind: 'handoff', reason: 'asked_for_person' };
    if ((replies.get(m.conversation.id) ?? 0) >= settings.ai.maxRepliesPerConversation)
      return { kind: 'handoff', reason: 'max_replies' };
    const claim = await this.allowance.claim(m.tenantId, m.conversation.id);
    if (!claim.allowed) return { kind: 'handoff', reason: claim.reason };
    return { kind: 'answer' };
  }
}
