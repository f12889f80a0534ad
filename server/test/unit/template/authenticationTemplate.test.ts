import { expect } from 'chai';
import { defaultTemplateDefinition } from '../../../src/modules/template/domain/defaultTemplates';
import { fromMetaComponents, toMetaComponents } from '../../../src/modules/template/domain/metaComponents';
import { templateParamProblems } from '../../../src/modules/template/domain/templateParamProblems';
import { templateSlots } from '../../../src/modules/template/domain/templateSlots';
import { validateTemplate } from '../../../src/modules/template/domain/validateTemplate';
import { toCloudApiComponents } from '../../../src/whatsapp/outbound/provider/cloudapi/templateComponents';

describe('the login_code AUTHENTICATION template', () => {
  const loginCode = defaultTemplateDefinition('login_code', 'es');

  it('is a valid AUTHENTICATION template with one copy-code button, in Spanish too', () => {
    expect(validateTemplate(loginCode)).to.deep.equal([]);
    expect(loginCode.category).to.equal('AUTHENTICATION');
    expect(loginCode.buttons).to.deep.equal([{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copiar código' }]);
    expect(loginCode.body).to.match(/^\*\{\{1\}\}\* es tu código de verificación/);
  });

  it('refuses an AUTHENTICATION template without its OTP button, and an OTP button elsewhere', () => {
    const withoutButton = { ...loginCode, buttons: [] };
    expect(validateTemplate(withoutButton).map((p) => p.field)).to.include('buttons');
    const marketing = { ...loginCode, category: 'MARKETING' as const };
    expect(validateTemplate(marketing)).to.deep.include({
      field: 'buttons',
      message: 'only AUTHENTICATION templates have an OTP button',
    });
  });

  it('is stored in the Cloud API shape and read back unchanged', () => {
    const stored = toMetaComponents(loginCode);
    expect(stored.at(-1)).to.deep.equal({
      type: 'BUTTONS',
      buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copiar código' }],
    });
    const read = fromMetaComponents(JSON.parse(JSON.stringify(stored)));
    expect(read.buttons).to.deep.equal(loginCode.buttons);
    expect(read.codeExpirationMinutes).to.equal(10);
  });

  it('takes the code in its body and, like a URL button, in its copy-code button', () => {
    const slots = templateSlots(loginCode);
    expect(slots).to.deep.equal({ header: 'none', body: 1, buttons: ['url'] });
    expect(templateParamProblems(slots, { params: ['123456'] })).to.deep.equal([
      { field: 'template.buttons', message: 'URL button 0 takes a parameter' },
    ]);
    const call = { params: ['123456'], buttons: [{ index: 0, type: 'url' as const, text: '123456' }] };
    expect(templateParamProblems(slots, call)).to.deep.equal([]);
  });

  it('is submitted to the Cloud API as WhatsApp asks: no text of ours, the security advice, the expiry', () => {
    const components = toCloudApiComponents({
      name: 'login_code',
      language: 'en',
      category: 'AUTHENTICATION',
      body: 'ignored',
      footer: 'ignored',
      codeExpirationMinutes: 10,
      buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy code' }],
    });
    expect(components).to.deep.equal([
      { type: 'BODY', add_security_recommendation: true },
      { type: 'FOOTER', code_expiration_minutes: 10 },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
    ]);
  });
});
