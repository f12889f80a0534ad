/** What the bench servers and the load generator agree on: the Meta app and the number it serves. */
export const WEBHOOK_PATH = '/api/whatsapp/webhook';
export const APP_SECRET = 'bench-meta-app-secret';
export const PHONE_NUMBER_ID = '106540352242922';
export const BUSINESS_ACCOUNT_ID = '102938475610293';
export const BUSINESS_PHONE = '+15550100199';

/** Messages sent by parent and children over the fork IPC channel. */
export type ChildMessage =
  { type: 'ready'; port: number; apiKey?: string } | { type: 'done'; command: string };
export type ParentCommand = 'pause-workers' | 'resume-workers' | 'stop';
