import Joi from 'joi';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import {
  DIALOG360_STEPS,
  META_STEPS,
  ONBOARDING_PROVIDERS,
  ONBOARDING_STATUSES,
  STEP_STATUSES,
  type Onboarding,
} from '../domain/Onboarding';

const text = () => nullable(Joi.string());

const stepSchema = Joi.object({
  name: Joi.string()
    .valid(...new Set([...META_STEPS, ...DIALOG360_STEPS]))
    .required(),
  status: Joi.string()
    .valid(...STEP_STATUSES)
    .required(),
  at: nullable(timestamp()),
  error: nullable(
    Joi.object({
      message: Joi.string().required(),
      code: text().description('Graph’s `code` (e.g. `100`, `133005`), or the HTTP status'),
      subcode: nullable(Joi.number()),
      type: text(),
      fbtraceId: text(),
    }).label('OnboardingStepError'),
  ).description(
    'What the provider answered when the step failed (Graph: message, code, error_subcode, type, fbtrace_id)',
  ),
}).label('OnboardingStep');

/** An onboarding as REST shows it: its steps in order; never a token, PIN or key. */
export const onboardingSchema = Joi.object({
  id: uuid().required(),
  tenantId: uuid().required(),
  provider: Joi.string()
    .valid(...ONBOARDING_PROVIDERS)
    .required(),
  status: Joi.string()
    .valid(...ONBOARDING_STATUSES)
    .required(),
  wabaId: text(),
  phoneNumberId: text(),
  channelId: text(),
  steps: Joi.array().items(stepSchema).required(),
  connectionId: nullable(uuid()).description('The connection, once the last step is done'),
  phoneNumber: text(),
  verifiedName: text(),
  tokenExpiresAt: nullable(timestamp()),
  createdAt: timestamp().required(),
  updatedAt: timestamp().required(),
}).label('Onboarding');

export const onboardingJson = (o: Onboarding) => ({
  id: o.id,
  tenantId: o.tenantId,
  provider: o.provider,
  status: o.status,
  wabaId: o.wabaId ?? o.facts.wabaId ?? null,
  phoneNumberId: o.phoneNumberId ?? null,
  channelId: o.channelId ?? null,
  steps: o.steps.map((s) => ({
    name: s.name,
    status: s.status,
    at: s.at ?? null,
    error: s.error
      ? {
          message: s.error.message,
          code: s.error.code === undefined ? null : String(s.error.code),
          subcode: s.error.subcode ?? null,
          type: s.error.type ?? null,
          fbtraceId: s.error.fbtraceId ?? null,
        }
      : null,
  })),
  connectionId: o.connectionId ?? null,
  phoneNumber: o.facts.phoneNumber ?? null,
  verifiedName: o.facts.verifiedName ?? null,
  tokenExpiresAt: o.facts.tokenExpiresAt ?? null,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});

/** The public ids the console needs to open Embedded Signup or the Connect button; never a secret. */
export const onboardingConfigSchema = Joi.object({
  meta: nullable(
    Joi.object({ appId: Joi.string().required(), configId: Joi.string().required() }).label(
      'MetaSignupConfig',
    ),
  ),
  dialog360: nullable(Joi.object({ partnerId: Joi.string().required() }).label('Dialog360ConnectConfig')),
}).label('OnboardingConfig');
