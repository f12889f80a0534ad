import type { TemplateStatus } from '../../../modules/template/domain/TemplateStatus';
import type { SendingAccount } from './WhatsappProvider';

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string; example?: string }
  | { type: 'PHONE_NUMBER'; text: string; phoneNumber: string }
  | { type: 'OTP'; text: string; otpType: 'COPY_CODE' };

/** A template as we define it; `{{1}}…` in header and body are its parameters. */
export interface TemplateDefinition {
  name: string;
  /** WhatsApp language code: `en`, `es`, `en_US`. */
  language: string;
  category: TemplateCategory;
  /** A text header. */
  header?: string;
  body: string;
  /** Sample values for the body parameters, shown to Meta's reviewers (placeholders when absent). */
  bodyExamples?: string[];
  headerExample?: string;
  footer?: string;
  buttons?: TemplateButton[];
  /** AUTHENTICATION: the code's lifetime, which WhatsApp writes into its own footer. */
  codeExpirationMinutes?: number;
}

export interface SubmittedTemplate {
  providerTemplateId: string;
  status: TemplateStatus;
}

/** A template as the provider knows it. */
export interface ProviderTemplate {
  providerTemplateId: string;
  name: string;
  language: string;
  /** The provider's category, as it says it (normally one of TemplateCategory). */
  category: string;
  status: TemplateStatus;
  /** The provider's own status word (`APPROVED`, `IN_APPEAL`, `submitted`…). */
  providerStatus: string;
  rejectedReason?: string;
  header?: string;
  body?: string;
  footer?: string;
  buttons: TemplateButton[];
  /** The provider's components as received, for anything the fields above leave out. */
  components: unknown[];
}

/**
 * Template management (SPEC §9): submit a template for approval and list the provider's templates
 * with their status. Failures are ProviderErrors classified like sends.
 */
export interface TemplateProviderApi {
  submitTemplate(
    account: SendingAccount,
    template: TemplateDefinition,
    signal?: AbortSignal,
  ): Promise<SubmittedTemplate>;
  listTemplates(account: SendingAccount, signal?: AbortSignal): Promise<ProviderTemplate[]>;
}
