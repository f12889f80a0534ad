import type { Template } from './Template';
import type { TemplateStatus } from './TemplateStatus';

export interface SubmissionResult {
  providerTemplateId?: string;
  status: TemplateStatus;
}

/** A template as the provider has it (sync). */
export interface ProviderTemplate {
  providerTemplateId: string;
  name: string;
  language: string;
  category?: string;
  status: TemplateStatus;
  reason?: string;
  components: unknown;
}

/**
 * The tenant's provider as a template catalogue. The `console` provider approves at once and has
 * nothing to list; Cloud API providers review templates and report later (webhook or sync).
 * Failures are AppErrors: a refusal says why, an unreachable provider is UnavailableError.
 */
export interface TemplateProviderGateway {
  submit(template: Template): Promise<SubmissionResult>;
  revise(template: Template): Promise<SubmissionResult>;
  remove(template: Template): Promise<void>;
  /** Undefined when the tenant's provider keeps no templates of its own (console). */
  list(tenantId: string): Promise<ProviderTemplate[] | undefined>;
}
