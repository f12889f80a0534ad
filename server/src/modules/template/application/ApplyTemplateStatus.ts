import { inject, injectable } from 'inversify';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { TemplateStatusEvent } from '../../../shared/channel/InboundEvent';
import type { TemplateRepository } from '../domain/TemplateRepository';
import { templateStatusFromEvent } from '../domain/TemplateStatus';

@injectable()
export class ApplyTemplateStatus {
  constructor(
    @inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async execute(tenantId: string, event: TemplateStatusEvent): Promise<void> {
    const status = templateStatusFromEvent(event.status);
    const log = { template: event.name, language: event.language, event: event.status };
    if (!status) return this.logger.info(log, 'template event does not change sendability');
    const known = await this.templates.applyStatus({
      tenantId,
      providerTemplateId: event.providerTemplateId,
      name: event.name,
      language: event.language,
      status,
      reason: [event.reason, event.reasonDetail].filter(Boolean).join(': ') || undefined,
    });
    if (!known) this.logger.warn(log, 'status for a template this tenant does not have');
    else if (status === 'REJECTED' || status === 'PAUSED' || status === 'DISABLED')
      this.logger.warn({ ...log, reason: event.reason }, 'template can no longer be sent');
  }
}
