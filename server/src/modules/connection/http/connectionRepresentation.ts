import Joi from 'joi';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import { PROVIDERS } from '../../../shared/providers';
import { CONNECTION_SOURCES, CONNECTION_STATUSES, QUALITY_RATINGS } from '../domain/ConnectionStatus';
import type { ConnectionTestResult } from '../application/TestConnection';
import type { WhatsappConfiguration } from '../domain/WhatsappConfiguration';

const text = () => nullable(Joi.string());

/** A connection as REST and `connections list --json` show it: secrets only as `has…` flags. */
export const connectionSchema = Joi.object({
  id: uuid().required(),
  tenantId: uuid().required(),
  provider: Joi.string()
    .valid(...PROVIDERS)
    .required(),
  status: Joi.string()
    .valid(...CONNECTION_STATUSES)
    .required(),
  source: Joi.string()
    .valid(...CONNECTION_SOURCES)
    .required()
    .description('`environment`: the WHATSAPP_* variables manage it (read-only here)'),
  phoneNumber: text().description('E.164'),
  phoneNumberId: text(),
  businessAccountId: text(),
  twilioAccountSid: text(),
  displayPhoneNumber: text(),
  verifiedName: text(),
  qualityRating: Joi.string()
    .valid(...QUALITY_RATINGS)
    .required(),
  messagingLimitTier: text(),
  nameStatus: text(),
  health: Joi.object().unknown(true).required().description('lastTest, lastAccountEvent'),
  tokenExpiresAt: nullable(timestamp()),
  markAsRead: Joi.boolean().required(),
  hasAccessToken: Joi.boolean().required(),
  hasWebhookSecret: Joi.boolean().required(),
  hasApiKey: Joi.boolean().required(),
  hasTwilioAuthToken: Joi.boolean().required(),
  hasVerifyToken: Joi.boolean().required(),
  createdAt: timestamp().required(),
  updatedAt: timestamp().required(),
}).label('Connection');

export const connectionJson = (c: WhatsappConfiguration) => ({
  id: c.id,
  tenantId: c.tenantId,
  provider: c.provider,
  status: c.status,
  source: c.source,
  phoneNumber: c.phoneNumber ?? null,
  phoneNumberId: c.phoneNumberId ?? null,
  businessAccountId: c.businessAccountId ?? null,
  twilioAccountSid: c.credentials.twilioAccountSid ?? null,
  displayPhoneNumber: c.displayPhoneNumber ?? null,
  verifiedName: c.verifiedName ?? null,
  qualityRating: c.qualityRating,
  messagingLimitTier: c.messagingLimitTier ?? null,
  nameStatus: c.nameStatus ?? null,
  health: c.health,
  tokenExpiresAt: c.tokenExpiresAt ?? null,
  markAsRead: c.settings.markAsRead !== false,
  hasAccessToken: !!c.credentials.accessToken,
  hasWebhookSecret: !!c.credentials.webhookSecret,
  hasApiKey: !!c.credentials.dialog360ApiKey,
  hasTwilioAuthToken: !!c.credentials.twilioAuthToken,
  hasVerifyToken: !!c.verifyToken,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const connectionTestSchema = Joi.object({
  ok: Joi.boolean().required(),
  checkedAt: timestamp().required(),
  displayPhoneNumber: text(),
  verifiedName: text(),
  qualityRating: text(),
  messagingLimitTier: text(),
  nameStatus: text(),
  accountStatus: text().description('Twilio: the account status'),
  webhookUrl: text().description('360dialog: where the webhook is registered'),
  error: text().description('Why the number is not usable, when ok is false'),
}).label('ConnectionTest');

export const connectionTestJson = (t: ConnectionTestResult) => ({
  ok: t.ok,
  checkedAt: t.checkedAt,
  displayPhoneNumber: t.displayPhoneNumber ?? null,
  verifiedName: t.verifiedName ?? null,
  qualityRating: t.qualityRating ?? null,
  messagingLimitTier: t.messagingLimitTier ?? null,
  nameStatus: t.nameStatus ?? null,
  accountStatus: t.accountStatus ?? null,
  webhookUrl: t.webhookUrl ?? null,
  error: t.error ?? null,
});
