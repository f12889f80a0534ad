import { expect } from 'chai';
import { BusinessRuleError, ValidationError } from '../../../src/shared/errors/AppError';
import { Template } from '../../../src/modules/template/domain/Template';
import {
  checkTemplateSendable,
  templateParamText,
} from '../../../src/modules/template/domain/templateSendability';
import { fromMetaComponents, toMetaComponents } from '../../../src/modules/template/domain/metaComponents';
import {
  DEFAULT_TEMPLATES,
  defaultTemplateDefinition,
  renderTemplate,
  type DefaultTemplateName,
} from '../../../src/modules/template/domain/defaultTemplates';
import { validateTemplate } from '../../../src/modules/template/domain/validateTemplate';
import type { TemplateDefinition } from '../../../src/modules/template/domain/TemplateContent';

const definition: TemplateDefinition = {
  name: 'trip_reminder',
  language: 'en-US',
  category: 'UTILITY',
  body: 'Hi {{1}}, trip {{2}} leaves tomorrow.',
  bodyExamples: ['Ana', 'TRP1'],
};

const template = (status = 'APPROVED' as const) =>
  new Template({ ...Template.draft('t1', definition), id: 'id1', status });

describe('Template', () => {
  it('drafts a valid definition as PENDING with a normalised language', () => {
    const draft = Template.draft('t1', definition);
    expect(draft.status).to.equal('PENDING');
    expect(draft.language).to.equal('en_US');
  });

  it('refuses an invalid definition with every problem named', () => {
    expect(() => Template.draft('t1', { ...definition, name: 'Bad Name', body: '' }))
      .to.throw(ValidationError)
      .with.property('fields')
      .that.deep.equals([
        { field: 'name', message: 'lowercase letters, digits and underscores only' },
        { field: 'body', message: 'must not be empty' },
      ]);
  });

  it('goes back to PENDING when revised, and forgets the rejection', () => {
    const t = template();
    t.applyProviderStatus('REJECTED', 'INVALID_FORMAT');
    expect(t.rejectionReason).to.equal('INVALID_FORMAT');
    t.revise({ body: 'Hello {{1}}, see you soon.', bodyExamples: ['Ana'] });
    expect(t.status).to.equal('PENDING');
    expect(t.rejectionReason).to.equal(undefined);
    expect(t.parameters.body).to.equal(1);
  });

  it('refuses to revise a disabled template', () => {
    const t = template('DISABLED' as never);
    expect(() => t.revise({ footer: 'x' }))
      .to.throw(BusinessRuleError)
      .with.property('code', 'TEMPLATE_DISABLED');
  });

  it('refuses a revision that breaks the template, leaving it as it was', () => {
    const t = template();
    expect(() => t.revise({ body: '' })).to.throw(ValidationError);
    expect(t.status).to.equal('APPROVED');
  });

  it('reports whether a provider status changed anything', () => {
    const t = template('PENDING' as never);
    expect(t.applyProviderStatus('APPROVED', undefined, '123')).to.equal(true);
    expect(t.applyProviderStatus('APPROVED', undefined, '123')).to.equal(false);
    expect(t.providerTemplateId).to.equal('123');
  });
});

describe('checkTemplateSendable', () => {
  it('allows an approved template with the right parameters', () => {
    expect(checkTemplateSendable(template(), { params: ['Ana', 'TRP1'] })).to.deep.equal({ ok: true });
  });

  it('refuses a missing or unapproved template', () => {
    expect(checkTemplateSendable(undefined, { params: [] })).to.include({
      ok: false,
      code: 'TEMPLATE_NOT_APPROVED',
    });
    for (const status of ['PENDING', 'REJECTED', 'PAUSED', 'DISABLED'] as const)
      expect(checkTemplateSendable(template(status as never), { params: ['a', 'b'] })).to.include({
        ok: false,
        code: 'TEMPLATE_NOT_APPROVED',
      });
  });

  it('refuses a wrong or empty parameter list', () => {
    expect(checkTemplateSendable(template(), { params: ['Ana'] })).to.include({
      code: 'TEMPLATE_PARAMS',
    });
    expect(checkTemplateSendable(template(), { params: ['Ana', 'b', 'c'] })).to.include({
      code: 'TEMPLATE_PARAMS',
    });
    expect(checkTemplateSendable(template(), { params: ['Ana', ' '] })).to.include({
      code: 'TEMPLATE_PARAMS',
    });
    expect(
      checkTemplateSendable(template(), { params: ['Ana', 'b'], header: { type: 'text', text: 'x' } }),
    ).to.include({
      code: 'TEMPLATE_PARAMS',
    });
  });

  it('folds parameter text onto one line', () => {
    expect(templateParamText(' bus\nlate\t\tat      gate ')).to.equal('bus late at    gate');
  });
});

describe('Meta components', () => {
  it('round-trips every component through the Cloud API shape', () => {
    const content = {
      header: { format: 'TEXT' as const, text: 'Trip {{1}}', example: 'TRP1' },
      body: 'Hi {{1}}.',
      bodyExamples: ['Ana'],
      footer: 'Bye',
      buttons: [
        { type: 'QUICK_REPLY' as const, text: 'Yes' },
        { type: 'URL' as const, text: 'Pay', url: 'https://example.com/{{1}}', example: 'abc' },
        { type: 'PHONE_NUMBER' as const, text: 'Call', phoneNumber: '+14155550123' },
      ],
    };
    const meta = toMetaComponents(content);
    expect(meta[0]).to.deep.equal({
      type: 'HEADER',
      format: 'TEXT',
      text: 'Trip {{1}}',
      example: { header_text: ['TRP1'] },
    });
    expect(meta[1]).to.deep.equal({ type: 'BODY', text: 'Hi {{1}}.', example: { body_text: [['Ana']] } });
    expect(fromMetaComponents(JSON.parse(JSON.stringify(meta)))).to.deep.equal(content);
  });
});

describe('default templates', () => {
  for (const name of Object.keys(DEFAULT_TEMPLATES) as DefaultTemplateName[])
    for (const language of ['en', 'es'])
      it(`${name} (${language}) is a valid template whose parameters match its list`, () => {
        const d = defaultTemplateDefinition(name, language);
        expect(validateTemplate(d)).to.deep.equal([]);
        expect(new Template({ ...Template.draft('t', d), id: 'x' }).parameters.body).to.equal(
          DEFAULT_TEMPLATES[name].params.length,
        );
      });

  it('renders Spanish wording for any es language', () => {
    expect(renderTemplate('trip_broadcast', 'es_AR', ['TRP1', 'salimos a las 6'])).to.match(
      /^Viaje TRP1: salimos a las 6\./,
    );
  });
});
