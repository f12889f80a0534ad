/** Where a business connects its number from (SPEC §16). */
export const ONBOARDING_PROVIDERS = ['meta', '360dialog'] as const;
export type OnboardingProvider = (typeof ONBOARDING_PROVIDERS)[number];

/** Meta Embedded Signup's six steps, then 360dialog's, each in the order they run. */
export const META_STEPS = [
  'exchange_token',
  'subscribe_webhooks',
  'register_phone',
  'share_credit_line',
  'fetch_number',
  'activate',
] as const;
export const DIALOG360_STEPS = ['create_api_key', 'register_webhook', 'fetch_number', 'activate'] as const;
export type StepName = (typeof META_STEPS)[number] | (typeof DIALOG360_STEPS)[number];

export const STEP_STATUSES = ['pending', 'done', 'failed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const ONBOARDING_STATUSES = ['running', 'done', 'failed'] as const;
export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

/** What the provider said when a step failed (Graph: `{ error: { message, type, code, … } }`). */
export interface StepError {
  message: string;
  code?: string | number;
  subcode?: number;
  type?: string;
  fbtraceId?: string;
}

export interface OnboardingStep {
  name: StepName;
  status: StepStatus;
  /** When the step last changed. */
  at?: string;
  error?: StepError;
}

/** Secrets gathered on the way, decrypted only in memory. */
export interface OnboardingSecrets {
  /** Meta's authorization code, until it is exchanged. */
  code?: string;
  accessToken?: string;
  pin?: string;
  apiKey?: string;
  webhookSecret?: string;
}

/** What the provider told about the number and the token. */
export interface OnboardingFacts {
  phoneNumber?: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
  qualityRating?: string;
  codeVerificationStatus?: string;
  wabaId?: string;
  tokenExpiresAt?: string;
  creditAllocationId?: string;
}

export interface Onboarding {
  id: string;
  tenantId: string;
  provider: OnboardingProvider;
  status: OnboardingStatus;
  wabaId?: string;
  phoneNumberId?: string;
  channelId?: string;
  steps: OnboardingStep[];
  facts: OnboardingFacts;
  secrets: OnboardingSecrets;
  connectionId?: string;
  startedBy?: string;
  createdAt: Date;
  updatedAt: Date;
}
