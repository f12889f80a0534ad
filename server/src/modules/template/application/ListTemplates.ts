import { inject, injectable } from 'inversify';
import { PermissionError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { Actor } from '../../identity/domain/Actor';
import type { Template } from '../domain/Template';
import type { TemplateFilter, TemplateRepository } from '../domain/TemplateRepository';

export interface ListTemplatesInput extends TemplateFilter {
  actor: Actor;
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export const MAX_PAGE = 200;

/** Any staff member may read the templates (sales send them too); only operations and managers change them. */
@injectable()
export class ListTemplates {
  constructor(@inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository) {}

  async execute({ actor, limit = 50, cursor, ...filter }: ListTemplatesInput) {
    if (actor.role === 'customer') throw new PermissionError('Templates are for staff');
    const size = Math.min(Math.max(1, limit), MAX_PAGE);
    const rows = await this.templates.list(actor.tenantId, filter, { limit: size + 1, after: cursor });
    const data: Template[] = rows.slice(0, size);
    return { data, nextCursor: rows.length > size ? data[data.length - 1].id : undefined };
  }
}
