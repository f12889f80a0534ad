import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { normalizePhone } from '../../../shared/http/api/normalizePhone';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, pageOf, pageQuery, phoneInput, timestamp } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { SetConsent } from '../application/SetConsent';
import { findOptIn, listOptIns, type OptInView } from '../infrastructure/optInQueries';

const optInSchema = Joi.object({
  phone: Joi.string().required(),
  status: Joi.string().valid('opted_in', 'opted_out').required(),
  source: Joi.string().required(),
  marketingOptedOutAt: nullable(timestamp()).description('The user stopped marketing messages (Meta 131050)'),
  createdAt: timestamp().required(),
  updatedAt: timestamp().required(),
}).label('OptIn');

const optInJson = (o: OptInView) => ({ ...o, marketingOptedOutAt: o.marketingOptedOutAt ?? null });

export function optInRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  const consent = (): SetConsent => container.get<SetConsent>(TYPES.SetConsent);
  return [
    defineRoute<unknown, PageRequest & { phone?: string; status?: string }>({
      method: 'get',
      path: '/opt-ins',
      tag: 'opt-ins',
      summary: 'Consent records, newest first; `phone` finds one person’s',
      permission: 'manage_conversations',
      request: {
        query: Joi.object({
          ...pageQuery,
          phone: phoneInput(),
          status: Joi.string().valid('opted_in', 'opted_out'),
        }),
      },
      responses: {
        200: { description: 'A page of consent records', schema: pageOf(optInSchema, 'OptInPage') },
      },
      async handler({ actor, query }) {
        const phone = query.phone && (await normalizePhone(tenants, actor.tenantId, query.phone));
        const page = await listOptIns(db, actor.tenantId, { ...query, phone }, query);
        return { status: 200, body: { ...page, data: page.data.map(optInJson) } };
      },
    }),
    defineRoute<{ phone: string; source: string }>({
      method: 'post',
      path: '/opt-ins',
      tag: 'opt-ins',
      summary: 'Record that a customer opted in (e.g. on a web form)',
      permission: 'manage_conversations',
      request: {
        body: Joi.object({
          phone: phoneInput().required(),
          source: Joi.string().trim().min(1).max(64).required().description('Where the consent was given'),
        }),
      },
      responses: { 201: { description: 'The consent record', schema: optInSchema } },
      async handler({ actor, body }) {
        const phone = await normalizePhone(tenants, actor.tenantId, body.phone, 'phone', 'body');
        await consent().execute({ actor, phone, status: 'opted_in', source: body.source });
        return { status: 201, body: optInJson((await findOptIn(db, actor.tenantId, phone)) as OptInView) };
      },
    }),
    defineRoute<unknown, unknown, { phone: string }>({
      method: 'delete',
      path: '/opt-ins/:phone',
      tag: 'opt-ins',
      summary: 'Opt a customer out: nothing but a STOP confirmation reaches them afterwards',
      permission: 'manage_conversations',
      request: { params: Joi.object({ phone: phoneInput().required() }) },
      responses: { 200: { description: 'The consent record, opted out', schema: optInSchema } },
      async handler({ actor, params }) {
        const phone = await normalizePhone(tenants, actor.tenantId, params.phone, 'phone', 'path');
        await consent().execute({ actor, phone, status: 'opted_out', source: 'api' });
        return { status: 200, body: optInJson((await findOptIn(db, actor.tenantId, phone)) as OptInView) };
      },
    }),
  ];
}
