import { BusinessRuleError, ValidationError } from '../../../shared/errors/AppError';
import type { TemplateCategory, TemplateContent, TemplateDefinition } from './TemplateContent';
import { parameterCounts, type ParameterCounts } from './templateParameters';
import { templateSlots, type TemplateSlots } from './templateSlots';
import type { TemplateStatus } from './TemplateStatus';
import { normalizeLanguage, validateTemplate } from './validateTemplate';

export interface TemplateProps extends TemplateDefinition {
  id: string;
  tenantId: string;
  status: TemplateStatus;
  providerTemplateId?: string;
  rejectionReason?: string;
}

export type NewTemplate = Omit<TemplateProps, 'id'>;

/**
 * A message template of one tenant in one language. Name and language are its identity at the
 * provider and never change; content and category may be revised (the provider reviews it again).
 * The provider decides approval: our own transitions are submission, revision and the console's
 * instant approval.
 */
export class Template {
  #props: TemplateProps;

  constructor(props: TemplateProps) {
    this.#props = { ...props };
  }

  /** A valid definition, not yet submitted: PENDING until the provider (or the console) decides. */
  static draft(tenantId: string, definition: TemplateDefinition): NewTemplate {
    const normalized = { ...definition, language: normalizeLanguage(definition.language ?? '') };
    const problems = validateTemplate(normalized);
    if (problems.length) throw new ValidationError('The template is not valid', problems);
    return { ...normalized, tenantId, status: 'PENDING' };
  }

  get id(): string {
    return this.#props.id;
  }
  get tenantId(): string {
    return this.#props.tenantId;
  }
  get name(): string {
    return this.#props.name;
  }
  get language(): string {
    return this.#props.language;
  }
  get category(): TemplateCategory {
    return this.#props.category;
  }
  get status(): TemplateStatus {
    return this.#props.status;
  }
  get providerTemplateId(): string | undefined {
    return this.#props.providerTemplateId;
  }
  get rejectionReason(): string | undefined {
    return this.#props.rejectionReason;
  }
  get content(): TemplateContent {
    const { header, body, bodyExamples, footer, buttons, codeExpirationMinutes } = this.#props;
    return { header, body, bodyExamples, footer, buttons, codeExpirationMinutes };
  }
  get parameters(): ParameterCounts {
    return parameterCounts(this.#props);
  }
  /** What a send of it must carry, per component. */
  get slots(): TemplateSlots {
    return templateSlots(this.#props);
  }

  /** New content or category; the provider reviews it again, so it waits as PENDING. */
  revise(changes: Partial<TemplateContent> & { category?: TemplateCategory }): void {
    if (this.#props.status === 'DISABLED')
      throw new BusinessRuleError(
        'TEMPLATE_DISABLED',
        `Template ${this.name} (${this.language}) is disabled; create a new one instead`,
      );
    const next = { ...this.#props, ...changes };
    const problems = validateTemplate(next);
    if (problems.length) throw new ValidationError('The template is not valid', problems);
    this.#props = { ...next, status: 'PENDING', rejectionReason: undefined };
  }

  /** The provider took it for review (or, for some, approved it at once). */
  submitted(providerTemplateId: string | undefined, status: TemplateStatus): void {
    this.applyProviderStatus(status, undefined, providerTemplateId);
  }

  /**
   * What the provider says now (webhook or sync): it is the authority on approval. Returns whether
   * anything changed.
   */
  applyProviderStatus(status: TemplateStatus, reason?: string, providerTemplateId?: string): boolean {
    const before = [this.#props.status, this.#props.rejectionReason, this.#props.providerTemplateId];
    this.#props.status = status;
    this.#props.rejectionReason = status === 'REJECTED' ? reason : undefined;
    this.#props.providerTemplateId = providerTemplateId ?? this.#props.providerTemplateId;
    const after = [this.#props.status, this.#props.rejectionReason, this.#props.providerTemplateId];
    return before.some((value, i) => value !== after[i]);
  }

  toProps(): TemplateProps {
    return { ...this.#props };
  }
}
