import Joi from 'joi';
import { nullable, uuid } from '../../../shared/http/api/schemas';
import type { Template } from '../domain/Template';
import { TEMPLATE_CATEGORIES } from '../domain/TemplateContent';
import { TEMPLATE_STATUSES } from '../domain/TemplateStatus';

export const templateSchema = Joi.object({
  id: uuid().required(),
  name: Joi.string().required(),
  language: Joi.string().required(),
  category: Joi.string()
    .valid(...TEMPLATE_CATEGORIES)
    .required(),
  status: Joi.string()
    .valid(...TEMPLATE_STATUSES)
    .required(),
  providerTemplateId: nullable(Joi.string()),
  rejectionReason: nullable(Joi.string()),
  header: nullable(Joi.object().unknown(true)),
  body: Joi.string().required(),
  bodyExamples: nullable(Joi.array().items(Joi.string())),
  footer: nullable(Joi.string()),
  buttons: nullable(Joi.array().items(Joi.object().unknown(true))),
  parameters: Joi.object({
    header: Joi.number().integer().required(),
    body: Joi.number().integer().required(),
    buttons: Joi.array()
      .items(Joi.number().integer())
      .required()
      .description('Indexes of URL buttons with {{1}}'),
  })
    .required()
    .description('How many values a send must carry'),
}).label('Template');

export const templateJson = (t: Template) => {
  const c = t.content;
  return {
    id: t.id,
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    providerTemplateId: t.providerTemplateId ?? null,
    rejectionReason: t.rejectionReason ?? null,
    header: c.header ?? null,
    body: c.body,
    bodyExamples: c.bodyExamples ?? null,
    footer: c.footer ?? null,
    buttons: c.buttons ?? null,
    parameters: t.parameters,
  };
};
