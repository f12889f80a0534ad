import type { Container } from 'inversify';
import Joi from 'joi';
import { decodeIdCursor, encodeIdCursor } from '../../../shared/http/api/idCursor';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { pageOf, pageQuery, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { CreateTemplate } from '../application/CreateTemplate';
import type { DeleteTemplate } from '../application/DeleteTemplate';
import type { ListTemplates } from '../application/ListTemplates';
import type { SyncTemplates } from '../application/SyncTemplates';
import type { UpdateTemplate } from '../application/UpdateTemplate';
import {
  BUTTON_TYPES,
  HEADER_FORMATS,
  TEMPLATE_CATEGORIES,
  type TemplateCategory,
  type TemplateContent,
  type TemplateDefinition,
} from '../domain/TemplateContent';
import { TEMPLATE_STATUSES, type TemplateStatus } from '../domain/TemplateStatus';
import { templateJson, templateSchema } from './templateRepresentation';

const content = {
  header: Joi.object({
    format: Joi.string()
      .valid(...HEADER_FORMATS)
      .required(),
    text: Joi.string().max(60),
    example: Joi.string().max(200),
  }),
  body: Joi.string().max(1024).description('With {{1}}, {{2}}, … parameters'),
  bodyExamples: Joi.array().items(Joi.string().max(200)).max(20),
  footer: Joi.string().max(60),
  buttons: Joi.array()
    .items(
      Joi.object({
        type: Joi.string()
          .valid(...BUTTON_TYPES)
          .required(),
        text: Joi.string().max(25).required(),
        url: Joi.string().max(2000),
        phoneNumber: Joi.string().max(20),
        example: Joi.string().max(200),
      }),
    )
    .max(10),
  category: Joi.string().valid(...TEMPLATE_CATEGORIES),
};
const params = Joi.object({ id: uuid().required() });

type Filters = { limit: number; cursor?: string; status?: TemplateStatus; name?: string; language?: string };
type Changes = Partial<TemplateContent> & { category?: TemplateCategory };

export function templateRoutes(container: Container): RouteDefinition[] {
  return [
    defineRoute<unknown, Filters>({
      method: 'get',
      path: '/templates',
      tag: 'templates',
      summary: 'Message templates of the tenant, with their status and parameter counts',
      permission: 'authenticated',
      description: 'Any staff member may read them (sales send them too).',
      request: {
        query: Joi.object({
          ...pageQuery,
          status: Joi.string().valid(...TEMPLATE_STATUSES),
          name: Joi.string().trim().max(512),
          language: Joi.string().trim().max(16),
        }),
      },
      responses: {
        200: { description: 'A page of templates', schema: pageOf(templateSchema, 'TemplatePage') },
      },
      async handler({ actor, query }) {
        const page = await container
          .get<ListTemplates>(TYPES.ListTemplates)
          .execute({ actor, ...query, cursor: decodeIdCursor(query.cursor) });
        return {
          status: 200,
          body: { data: page.data.map(templateJson), nextCursor: encodeIdCursor(page.nextCursor) },
        };
      },
    }),
    defineRoute<TemplateDefinition & { contentSid?: string }>({
      method: 'post',
      path: '/templates',
      tag: 'templates',
      summary: 'Create a template: submitted to the provider for review (the console approves at once)',
      permission: 'manage_templates',
      request: {
        body: Joi.object({
          ...content,
          name: Joi.string()
            .trim()
            .max(512)
            .pattern(/^[a-z0-9_]+$/)
            .required()
            .description('lowercase, digits and _'),
          language: Joi.string().trim().max(16).required().description('e.g. en, es, pt_BR'),
          category: content.category.required(),
          body: content.body.required(),
          contentSid: Joi.string()
            .pattern(/^HX[0-9a-fA-F]{32}$/)
            .description(
              'Twilio numbers only, and required there: the ContentSid of the template written and approved in Twilio Content',
            ),
        }),
      },
      responses: { 201: { description: 'The template', schema: templateSchema } },
      errors: [409, 422, 503],
      async handler({ actor, body: { contentSid, ...definition } }) {
        const template = await container
          .get<CreateTemplate>(TYPES.CreateTemplate)
          .execute({ actor, template: definition, contentSid });
        return { status: 201, body: templateJson(template) };
      },
    }),
    defineRoute<Changes, unknown, { id: string }>({
      method: 'patch',
      path: '/templates/:id',
      tag: 'templates',
      summary: 'Revise a template’s content or category; it goes back to review (PENDING)',
      description: 'Name and language identify a template at the provider and cannot change.',
      permission: 'manage_templates',
      request: { params, body: Joi.object(content).min(1) },
      responses: { 200: { description: 'The template', schema: templateSchema } },
      errors: [422, 503],
      async handler({ actor, params: { id }, body }) {
        const template = await container
          .get<UpdateTemplate>(TYPES.UpdateTemplate)
          .execute({ actor, id, changes: body });
        return { status: 200, body: templateJson(template) };
      },
    }),
    defineRoute<unknown, unknown, { id: string }>({
      method: 'delete',
      path: '/templates/:id',
      tag: 'templates',
      summary: 'Delete a template here and at the provider',
      permission: 'manage_templates',
      request: { params },
      responses: { 204: { description: 'Deleted' } },
      errors: [422, 503],
      async handler({ actor, params: { id } }) {
        await container.get<DeleteTemplate>(TYPES.DeleteTemplate).execute({ actor, id });
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/templates/sync',
      tag: 'templates',
      summary: 'Pull the templates’ statuses from the provider now',
      permission: 'manage_templates',
      responses: {
        200: {
          description: 'What changed',
          schema: Joi.object({
            tenants: Joi.number().integer().required(),
            updated: Joi.number().integer().required(),
            imported: Joi.number().integer().required(),
            missing: Joi.number().integer().required(),
          }).label('TemplateSyncSummary'),
        },
      },
      errors: [422, 503],
      async handler({ actor }) {
        return {
          status: 200,
          body: await container.get<SyncTemplates>(TYPES.SyncTemplates).execute({ actor }),
        };
      },
    }),
  ];
}
