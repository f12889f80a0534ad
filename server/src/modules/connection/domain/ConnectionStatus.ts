export const CONNECTION_STATUSES = ['pending', 'active', 'suspended', 'disconnected'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const QUALITY_RATINGS = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/** Who manages the row: the environment rewrites its own at every start; operators and onboarding the rest. */
export const CONNECTION_SOURCES = ['environment', 'manual', 'onboarding'] as const;
export type ConnectionSource = (typeof CONNECTION_SOURCES)[number];

/** The outcome of asking the provider about the number (`connections test`). */
export interface ConnectionTestOutcome {
  ok: boolean;
  checkedAt: string;
  error?: string;
}

/** The provider's last word on the account, from an account webhook. */
export interface AccountEventRecord {
  field: string;
  event: string;
  severity: 'info' | 'warning' | 'critical';
  summary: string;
  at: string;
}

/** `whatsapp_configurations.health`: what we last learnt about the number, and when. */
export interface ConnectionHealth {
  lastTest?: ConnectionTestOutcome;
  lastAccountEvent?: AccountEventRecord;
}

export const asQualityRating = (value: string | undefined): QualityRating | undefined =>
  (QUALITY_RATINGS as readonly string[]).includes(value ?? '') ? (value as QualityRating) : undefined;
