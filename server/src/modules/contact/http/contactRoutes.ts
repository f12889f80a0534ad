import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { NotFoundError } from '../../../shared/errors/AppError';
import { normalizePhone } from '../../../shared/http/api/normalizePhone';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { pageOf, pageQuery, phoneInput } from '../../../shared/http/api/schemas';
import { PhoneNumber } from '../../../shared/phone/PhoneNumber';
import { TYPES } from '../../../types';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { UpdateContact } from '../application/UpdateContact';
import type { ContactChanges } from '../domain/Contact';
import { CUSTOMER_LANGUAGES } from '../domain/detectLanguage';
import { findContact, listContacts } from '../infrastructure/contactQueries';
import { contactJson, contactSchema } from './contactRepresentation';

type Phone = { phone: string };
const params = Joi.object({ phone: phoneInput().required() });
/** A business-scoped user id (customers who share no phone) is taken as it is. */
const USER_ID = /^[A-Za-z]{2}\.[\w.-]{1,120}$/;

export function contactRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
  const key = (tenantId: string, raw: string) =>
    USER_ID.test(raw) && !PhoneNumber.tryParse(raw)
      ? raw
      : normalizePhone(tenants, tenantId, raw, 'phone', 'path');
  const existing = async (tenantId: string, phone: string) => {
    const contact = await findContact(db, tenantId, phone);
    if (!contact) throw new NotFoundError('contact', phone);
    return contact;
  };
  return [
    defineRoute<unknown, PageRequest & { q?: string }>({
      method: 'get',
      path: '/contacts',
      tag: 'contacts',
      summary: 'Customers, newest first; `q` searches name and phone',
      permission: 'manage_conversations',
      request: { query: Joi.object({ ...pageQuery, q: Joi.string().trim().min(1).max(100) }) },
      responses: { 200: { description: 'A page of contacts', schema: pageOf(contactSchema, 'ContactPage') } },
      async handler({ actor, query }) {
        const page = await listContacts(db, actor.tenantId, query.q, query);
        return { status: 200, body: { ...page, data: page.data.map(contactJson) } };
      },
    }),
    defineRoute<unknown, unknown, Phone>({
      method: 'get',
      path: '/contacts/:phone',
      tag: 'contacts',
      summary: 'One contact with opt-in status, last seen and counts of conversations, leads and bookings',
      permission: 'manage_conversations',
      request: { params },
      responses: { 200: { description: 'The contact', schema: contactSchema } },
      async handler({ actor, params: { phone } }) {
        return {
          status: 200,
          body: contactJson(await existing(actor.tenantId, await key(actor.tenantId, phone))),
        };
      },
    }),
    defineRoute<ContactChanges, unknown, Phone>({
      method: 'patch',
      path: '/contacts/:phone',
      tag: 'contacts',
      summary: 'Name, language (used for automatic replies), tags and notes of a contact',
      description:
        'Creates the contact when the customer has not written yet. `language: null` returns to detection.',
      permission: 'manage_conversations',
      request: {
        params,
        body: Joi.object({
          name: Joi.string().trim().min(1).max(200).allow(null),
          language: Joi.string()
            .valid(...CUSTOMER_LANGUAGES)
            .allow(null),
          tags: Joi.array().items(Joi.string().trim().min(1).max(50)).max(50).unique(),
          notes: Joi.string().max(5000).allow(null),
        }).or('name', 'language', 'tags', 'notes'),
      },
      responses: { 200: { description: 'The contact', schema: contactSchema } },
      async handler({ actor, params: { phone }, body }) {
        const contactKey = await key(actor.tenantId, phone);
        await container
          .get<UpdateContact>(TYPES.UpdateContact)
          .execute({ actor, phone: contactKey, changes: body });
        return { status: 200, body: contactJson(await existing(actor.tenantId, contactKey)) };
      },
    }),
  ];
}
