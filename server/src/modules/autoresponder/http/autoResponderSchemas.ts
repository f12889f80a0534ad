import Joi from 'joi';
import { LIMITS, WEEKDAYS } from '../domain/AutoResponderSettings';

const text = (max: number) => Joi.string().trim().min(1).max(max);
const range = Joi.string()
  .pattern(/^\d{2}:\d{2}-\d{2}:\d{2}$/)
  .description('`HH:MM-HH:MM` in the tenant’s timezone; `24:00` ends a day');

const businessHours = Joi.object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, Joi.array().items(range).max(LIMITS.rangesPerDay)])),
)
  .allow(null)
  .description('Ranges per weekday (`monday` … `sunday`); a day left out is closed; null: always open');

const rule = Joi.object({
  match: Joi.object({
    keywords: Joi.array().items(text(LIMITS.keywordLength)).min(1).max(LIMITS.keywords),
    pattern: text(LIMITS.patternLength).description(
      'A regular expression, case-insensitive, run by RE2 (linear time): no back-references or look-around',
    ),
  })
    .xor('keywords', 'pattern')
    .required(),
  reply: Joi.object({
    text: text(LIMITS.replyLength),
    template: Joi.string().trim().max(512).description('The name of one of the tenant’s approved templates'),
  })
    .xor('text', 'template')
    .required(),
  handoff: Joi.boolean().default(false).description('Also hand the customer to a person (lead, rep alerted)'),
}).label('AutoReplyRule');

const ai = Joi.object({
  enabled: Joi.boolean().required(),
  instructions: Joi.string().allow('').max(LIMITS.instructionsLength).default(''),
  maxRepliesPerConversation: Joi.number().integer().min(1).max(LIMITS.maxRepliesPerConversation).default(5),
}).label('AutoResponderAi');

/** The body of PUT and the answer of GET and PUT: exactly the fields of SPEC §23. */
export const settingsBody = Joi.object({
  timezone: Joi.string()
    .max(64)
    .required()
    .description('IANA time zone, e.g. America/Argentina/Buenos_Aires'),
  businessHours: businessHours.required(),
  holidays: Joi.array()
    .items(Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/))
    .max(LIMITS.holidays)
    .default([]),
  awayMessage: text(LIMITS.messageLength).allow(null).default(null),
  greeting: text(LIMITS.messageLength).allow(null).default(null),
  rules: Joi.array().items(rule).max(LIMITS.rules).default([]),
  ai: ai.required(),
});

export const settingsSchema = settingsBody.label('AutoResponder');
