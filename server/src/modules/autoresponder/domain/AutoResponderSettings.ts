/**
 * The auto-responder of a tenant (SPEC §23): business hours in its timezone, the away message, the
 * greeting, ordered rules and the AI. Everything is off by default: no hours (always open), no
 * messages, no rules, AI disabled.
 */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM-HH:MM` ranges per weekday; a day left out is closed. */
export type WeeklyHours = Partial<Record<Weekday, string[]>>;

export type RuleMatch = { keywords: string[] } | { pattern: string };
/** A rule answers with a text, or with one of the tenant's approved templates (by name). */
export type RuleReply = { text: string } | { template: string };

export interface AutoReplyRule {
  match: RuleMatch;
  reply: RuleReply;
  /** Also hand the customer to a person: the lead path, the rep alerted. */
  handoff: boolean;
}

export interface AiSettings {
  enabled: boolean;
  /** The tenant's instructions, the AI's system prompt. */
  instructions: string;
  /** AI replies in one conversation before the customer is handed to a person. */
  maxRepliesPerConversation: number;
}

export interface AutoResponderSettings {
  /** IANA zone the hours and holidays are read in. */
  timezone: string;
  /** Null: no hours set, always open (no away message). */
  businessHours: WeeklyHours | null;
  /** `YYYY-MM-DD`, closed all day. */
  holidays: string[];
  awayMessage: string | null;
  /** Sent before anything else to a customer writing for the first time. */
  greeting: string | null;
  rules: AutoReplyRule[];
  ai: AiSettings;
}

export const DEFAULT_AI: AiSettings = { enabled: false, instructions: '', maxRepliesPerConversation: 5 };

export function defaultSettings(timezone = 'UTC'): AutoResponderSettings {
  return {
    timezone,
    businessHours: null,
    holidays: [],
    awayMessage: null,
    greeting: null,
    rules: [],
    ai: { ...DEFAULT_AI },
  };
}

/** Limits of the settings (also the REST validation's). */
export const LIMITS = {
  rules: 50,
  keywords: 20,
  keywordLength: 100,
  patternLength: 200,
  replyLength: 4096,
  messageLength: 4096,
  instructionsLength: 8000,
  holidays: 366,
  rangesPerDay: 6,
  maxRepliesPerConversation: 100,
} as const;

export interface AutoResponderSettingsRepository {
  find(tenantId: string): Promise<AutoResponderSettings>;
  save(tenantId: string, settings: AutoResponderSettings, updatedBy: string): Promise<void>;
}
