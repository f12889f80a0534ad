import { ProviderError } from '../ProviderError';
import type { ProviderTemplate, SubmittedTemplate, TemplateProviderApi } from '../TemplateProviderApi';

const unsupported = () =>
  new ProviderError(
    'permanent',
    'unsupported',
    'Twilio templates are created and approved in Twilio Content; register each one here with its ContentSid',
  );

/** Twilio's Content API is not driven from here: both operations refuse clearly. */
export class TwilioTemplateApi implements TemplateProviderApi {
  async submitTemplate(): Promise<SubmittedTemplate> {
    throw unsupported();
  }

  async listTemplates(): Promise<ProviderTemplate[]> {
    throw unsupported();
  }
}
