import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { ProviderName } from '../../../shared/providers';
import { TYPES } from '../../../types';
import { ConsoleTemplateApi } from './console/ConsoleTemplateApi';
import { Dialog360TemplateApi } from './dialog360/Dialog360TemplateApi';
import { MetaTemplateApi } from './meta/MetaTemplateApi';
import type { TemplateDefinition, TemplateProviderApi } from './TemplateProviderApi';
import { TwilioTemplateApi } from './twilio/TwilioTemplateApi';
import type { SendingAccount } from './WhatsappProvider';

/** Template management through the account's own provider. */
@injectable()
export class ProviderTemplateApis implements TemplateProviderApi {
  private readonly apis: Record<ProviderName, TemplateProviderApi>;

  constructor(@inject(TYPES.Config) config: Config) {
    const w = config.whatsapp;
    this.apis = {
      meta: new MetaTemplateApi(`${w.apiBaseUrl}/${w.apiVersion}`),
      '360dialog': new Dialog360TemplateApi(w.dialog360ApiBaseUrl),
      twilio: new TwilioTemplateApi(),
      console: new ConsoleTemplateApi(),
    };
  }

  submitTemplate(account: SendingAccount, template: TemplateDefinition, signal?: AbortSignal) {
    return this.apis[account.provider].submitTemplate(account, template, signal);
  }

  listTemplates(account: SendingAccount, signal?: AbortSignal) {
    return this.apis[account.provider].listTemplates(account, signal);
  }
}
