export const PROVIDERS = ['meta', '360dialog', 'twilio', 'console'] as const;
export type ProviderName = (typeof PROVIDERS)[number];
