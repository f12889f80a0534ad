import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import type { PageRequest } from '../../../shared/db/keysetPage';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import {
  nullable,
  pageOf,
  pageQuery,
  timestamp,
  timestampInput,
  uuid,
} from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import { listAuditLogs, type AuditLogFilters } from '../infrastructure/auditLogQueries';

const auditSchema = Joi.object({
  id: uuid().required(),
  actor: Joi.string().required().description('A user id, customer:<phone>, system, cron or cli'),
  action: Joi.string().required(),
  entityType: nullable(Joi.string()),
  entityId: nullable(Joi.string()),
  details: Joi.object().unknown(true).required(),
  createdAt: timestamp().required(),
}).label('AuditLogEntry');

export function auditRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  return [
    defineRoute<unknown, PageRequest & AuditLogFilters>({
      method: 'get',
      path: '/audit-logs',
      tag: 'audit',
      summary: 'The tenant’s audit log, newest first',
      permission: 'view_audit_log',
      request: {
        query: Joi.object({
          ...pageQuery,
          action: Joi.string()
            .trim()
            .uppercase()
            .pattern(/^[A-Z_]{2,64}$/)
            .description('e.g. PERMISSION_DENIED, QUOTE_APPROVED'),
          actor: Joi.string().trim().max(200),
          entityType: Joi.string().trim().max(32),
          entityId: Joi.string().trim().max(128),
          from: timestampInput().description('Inclusive'),
          // Compared with `from` only when `from` is a date itself, so a bad `from` is named alone.
          to: Joi.when('from', {
            is: timestampInput().required(),
            then: timestampInput()
              .greater(Joi.ref('from'))
              .messages({ 'date.greater': '{{#label}} must be later than from' }),
            otherwise: timestampInput(),
          }).description('Exclusive'),
        }),
      },
      responses: { 200: { description: 'A page of entries', schema: pageOf(auditSchema, 'AuditLogPage') } },
      async handler({ actor, query }) {
        const page = await listAuditLogs(db, actor.tenantId, query, query);
        return {
          status: 200,
          body: {
            ...page,
            data: page.data.map((e) => ({
              ...e,
              entityType: e.entityType ?? null,
              entityId: e.entityId ?? null,
            })),
          },
        };
      },
    }),
  ];
}
