import Joi from 'joi';
import { isIsoTimestamp } from '../../clock/calendar';
import { publicLinkProblem } from '../../net/publicLinkProblem';

/** Schemas shared by every module's routes. */
export const uuid = () => Joi.string().guid({ version: ['uuidv4', 'uuidv5', 'uuidv7', 'uuidv1'] });
export const timestamp = () => Joi.date().iso();

// Still of type `date`, so the OpenAPI document says `string` / `date-time` for it.
const strictDates = Joi.extend((joi) => ({
  type: 'date',
  base: joi.date().iso(),
  messages: {
    'date.calendar':
      '{{#label}} must be a real date (YYYY-MM-DD or an ISO 8601 timestamp) between the years 0001 and 9999',
  },
  // Before Joi's own conversion, which would roll 2024-02-30 over to March 1.
  prepare: (value: unknown, helpers) =>
    typeof value === 'string' && !isIsoTimestamp(value.trim())
      ? { errors: [helpers.error('date.calendar')] }
      : undefined,
}));
/** A date or timestamp in a request: a real calendar day within PostgreSQL's range, as a Date. */
export const timestampInput = (): Joi.DateSchema => strictDates.date();

/** A link a provider will fetch: http(s), and never at a private, loopback or link-local address. */
export const publicLink = () =>
  Joi.string()
    .uri({ scheme: ['https', 'http'] })
    .max(2000)
    .custom((value: string, helpers) => {
      const problem = publicLinkProblem(value);
      return problem ? helpers.message({ custom: `{{#label}} ${problem}` }) : value;
    });
/** Any format PhoneNumber normalises (`+54 9 11 1234-5678`, `011 …` with the tenant's region, a wa_id). */
export const phoneInput = () => Joi.string().trim().min(3).max(40);
export const nullable = (schema: Joi.Schema) => schema.allow(null).required();

export const MAX_PAGE = 200;

export const pageQuery = {
  limit: Joi.number().integer().min(1).max(MAX_PAGE).default(50).description(`At most ${MAX_PAGE}`),
  cursor: Joi.string()
    .max(200)
    .pattern(/^[\w-]+$/)
    .description('The `nextCursor` of the previous page'),
};

export const pageOf = (item: Joi.ObjectSchema, label: string) =>
  Joi.object({
    data: Joi.array().items(item).required(),
    nextCursor: nullable(Joi.string()).description('Pass as `cursor` for the next page; null on the last'),
  }).label(label);

export const problemSchema = Joi.object({
  type: Joi.string().required(),
  title: Joi.string().required(),
  status: Joi.number().integer().required(),
  code: Joi.string().required().description('Stable machine-readable error code'),
  detail: Joi.string(),
  requestId: Joi.string(),
  fields: Joi.array()
    .items(Joi.object({ field: Joi.string().required(), message: Joi.string().required(), in: Joi.string() }))
    .description('The fields that failed validation'),
})
  .unknown(true)
  .label('Problem');

/** Money in requests: a positive decimal with at most two places, as a number or a string. */
export const amountInput = () =>
  Joi.alternatives()
    .try(
      Joi.number().positive(),
      Joi.string()
        .trim()
        .pattern(/^\d{1,12}(\.\d{1,2})?$/),
    )
    .description('Positive, at most 2 decimals: 1500 or "1500.00"');
export const currencyInput = () =>
  Joi.string()
    .trim()
    .pattern(/^[A-Za-z]{3}$/)
    .description('ISO 4217, e.g. USD');
/** A uuid or a human ref (`LD-4`): the use cases accept both. */
export const idOrRefParam = (example: string) =>
  Joi.object({ id: Joi.string().trim().max(64).required().description(`uuid or ref (${example})`) });
