export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'] as const;
export type HeaderFormat = (typeof HEADER_FORMATS)[number];

export interface TemplateHeader {
  format: HeaderFormat;
  /** TEXT only: at most 60 characters and one `{{1}}`. */
  text?: string;
  /** A sample value for the header's `{{1}}`, which the provider's reviewers read. */
  example?: string;
}

/** OTP: an AUTHENTICATION template's copy-code button (the only button such a template has). */
export const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'OTP'] as const;
export type ButtonType = (typeof BUTTON_TYPES)[number];

export interface TemplateButton {
  type: ButtonType;
  text: string;
  /** URL buttons; may end with `{{1}}`, filled at send time. */
  url?: string;
  /** PHONE_NUMBER buttons, E.164. */
  phoneNumber?: string;
  /** A sample for the URL's `{{1}}`. */
  example?: string;
  /** OTP buttons: the kind WhatsApp shows (copy the code). */
  otpType?: 'COPY_CODE';
}

/** What a template says: the parts WhatsApp shows, in our own shape (see metaComponents.ts for the wire shape). */
export interface TemplateContent {
  header?: TemplateHeader;
  /** Up to 1024 characters with `{{1}}`, `{{2}}`, … parameters. */
  body: string;
  /** One sample value per body parameter, in parameter order. */
  bodyExamples?: string[];
  footer?: string;
  buttons?: TemplateButton[];
  /** AUTHENTICATION templates: the expiry WhatsApp states in the footer it writes itself. */
  codeExpirationMinutes?: number;
}

export interface TemplateDefinition extends TemplateContent {
  name: string;
  language: string;
  category: TemplateCategory;
}
