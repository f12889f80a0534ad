import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { normalizePhone } from '../../../shared/http/api/normalizePhone';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import {
  amountInput,
  currencyInput,
  idOrRefParam,
  pageOf,
  pageQuery,
  phoneInput,
  uuid,
} from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { ConvertLeadToBooking } from '../../booking/application/ConvertLeadToBooking';
import type { CreateQuote } from '../../booking/application/CreateQuote';
import { bookingJson, bookingSchema, quoteJson, quoteSchema } from '../../booking/http/bookingRepresentation';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { UpdateLead } from '../application/UpdateLead';
import { LEAD_STATUSES } from '../domain/Lead';
import type { LeadRepository } from '../domain/LeadRepository';
import { listLeads } from '../infrastructure/leadQueries';
import { leadJson, leadSchema } from './leadRepresentation';

type Id = { id: string };
type Money = { amount: string | number; currency: string };

export function leadRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const leads = container.get<LeadRepository>(TYPES.LeadRepository);
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  const params = idOrRefParam('LD-4');
  return [
    defineRoute<unknown, PageRequest & { status?: string; assignedTo?: string; phone?: string }>({
      method: 'get',
      path: '/leads',
      tag: 'leads',
      summary: 'Leads of the tenant, newest first',
      permission: 'manage_leads',
      request: {
        query: Joi.object({
          ...pageQuery,
          status: Joi.string().valid(...LEAD_STATUSES),
          assignedTo: uuid(),
          phone: phoneInput().description('Any format: +54 9 11 1234-5678, 5491112345678, …'),
        }),
      },
      responses: { 200: { description: 'A page of leads', schema: pageOf(leadSchema, 'LeadPage') } },
      async handler({ actor, query }) {
        const phone = query.phone && (await normalizePhone(tenants, actor.tenantId, query.phone));
        const page = await listLeads(db, actor.tenantId, { ...query, phone }, query);
        return { status: 200, body: { ...page, data: page.data.map(leadJson) } };
      },
    }),
    defineRoute<unknown, unknown, Id>({
      method: 'get',
      path: '/leads/:id',
      tag: 'leads',
      summary: 'One lead, by uuid or ref',
      permission: 'manage_leads',
      request: { params },
      responses: { 200: { description: 'The lead', schema: leadSchema } },
      async handler({ actor, params: { id } }) {
        const lead = await leads.findById(actor.tenantId, id);
        if (!lead) throw new NotFoundError('lead', id);
        return { status: 200, body: leadJson(lead) };
      },
    }),
    defineRoute<{ status?: string; assignedTo?: string }, unknown, Id>({
      method: 'patch',
      path: '/leads/:id',
      tag: 'leads',
      summary: 'Move a lead along its statuses and/or reassign it',
      description: 'Statuses only move forward; `converted` comes from POST /leads/{id}/convert.',
      permission: 'manage_leads',
      request: {
        params,
        body: Joi.object({ status: Joi.string().valid(...LEAD_STATUSES), assignedTo: uuid() }).min(1),
      },
      responses: { 200: { description: 'The lead', schema: leadSchema } },
      errors: [422],
      async handler({ actor, params: { id }, body }) {
        const lead = await container
          .get<UpdateLead>(TYPES.UpdateLead)
          .execute({ actor, leadId: id, ...body });
        return { status: 200, body: leadJson(lead) };
      },
    }),
    defineRoute<Money & { description: string }, unknown, Id>({
      method: 'post',
      path: '/leads/:id/quotes',
      tag: 'leads',
      summary: 'Quote a lead: sent to the customer, or held for a manager over the approval threshold',
      permission: 'create_quote',
      request: {
        params,
        body: Joi.object({
          amount: amountInput().required(),
          currency: currencyInput().required(),
          description: Joi.string().trim().min(1).max(1000).required(),
        }),
      },
      responses: { 201: { description: 'The quote (status sent or pending_approval)', schema: quoteSchema } },
      errors: [422],
      async handler({ actor, params: { id }, body }) {
        const quote = await container
          .get<CreateQuote>(TYPES.CreateQuote)
          .execute({ actor, leadId: id, ...body });
        return { status: 201, body: quoteJson(quote) };
      },
    }),
    defineRoute<Money & { tripCode: string; partySize: number }, unknown, Id>({
      method: 'post',
      path: '/leads/:id/convert',
      tag: 'leads',
      summary: 'Convert a lead into a booking pending payment; the payment link is sent',
      permission: 'convert_lead',
      request: {
        params,
        body: Joi.object({
          tripCode: Joi.string().trim().min(2).max(32).required(),
          partySize: Joi.number().integer().min(1).max(1000).required(),
          amount: amountInput().required(),
          currency: currencyInput().required(),
        }),
      },
      responses: { 201: { description: 'The booking', schema: bookingSchema } },
      errors: [422],
      async handler({ actor, params: { id }, body }) {
        const booking = await container
          .get<ConvertLeadToBooking>(TYPES.ConvertLeadToBooking)
          .execute({ actor, leadId: id, ...body });
        return { status: 201, body: bookingJson(booking, body.tripCode.toUpperCase()) };
      },
    }),
  ];
}
