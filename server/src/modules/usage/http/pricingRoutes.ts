import type { Container } from 'inversify';
import Joi from 'joi';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { UpdatePricing } from '../application/UpdatePricing';
import { readPrices, type PricePerCategory } from '../domain/Pricing';
import type { TenantPlans } from '../domain/UsageCounters';

const currency = () =>
  Joi.string()
    .trim()
    .uppercase()
    .pattern(/^[A-Z]{3}$/, 'an ISO 4217 code')
    .description('ISO 4217, e.g. USD');
/** Meta's pricing categories (`pricing.category` of a status webhook). */
const CATEGORIES = [
  'marketing',
  'marketing_lite',
  'utility',
  'authentication',
  'authentication_international',
  'service',
] as const;
const prices = () =>
  Joi.object(Object.fromEntries(CATEGORIES.map((c) => [c, Joi.number().min(0).max(1000)]))).description(
    'Price of one billable message by Meta pricing category; a category left out has no price',
  );

const pricingSchema = Joi.object({
  currency: nullable(currency()),
  prices: prices().required(),
}).label('Pricing');

const pricingJson = (p: PricePerCategory | undefined) => ({
  currency: p?.currency ?? null,
  prices: p?.prices ?? {},
});

const DESCRIPTION =
  'What one billable message of each Meta pricing category costs (Meta’s rate card for the tenant’s market, or what a provider charges its clients). GET /usage multiplies the month’s billable messages by these prices; a category without a price is left out of the estimate.';

export function pricingRoutes(container: Container): RouteDefinition[] {
  const plans = () => container.get<TenantPlans>(TYPES.TenantPlans);
  return [
    defineRoute({
      method: 'get',
      path: '/settings/pricing',
      tag: 'settings',
      summary: 'The price per billable message by Meta category, for the usage estimate',
      description: DESCRIPTION,
      permission: 'manage_settings',
      responses: { 200: { description: 'The prices (empty when none are set)', schema: pricingSchema } },
      async handler({ actor }) {
        const stored = readPrices((await plans().find(actor.tenantId))?.pricePerCategory);
        return { status: 200, body: pricingJson(stored) };
      },
    }),
    defineRoute<{ currency?: string | null; prices: Record<string, number> }>({
      method: 'put',
      path: '/settings/pricing',
      tag: 'settings',
      summary: 'Set the price per billable message by Meta category (audited; no prices removes them)',
      description: DESCRIPTION,
      permission: 'manage_settings',
      request: { body: Joi.object({ currency: currency().allow(null), prices: prices().required() }) },
      responses: { 200: { description: 'The prices as saved', schema: pricingSchema } },
      async handler({ actor, body }) {
        const saved = await container
          .get<UpdatePricing>(TYPES.UpdatePricing)
          .execute(actor, { currency: body.currency ?? undefined, prices: body.prices });
        return { status: 200, body: pricingJson(saved) };
      },
    }),
  ];
}
