import { expect } from 'chai';
import type { TemplateDefinition } from '../../../src/modules/template/domain/TemplateContent';
import { normalizeLanguage, validateTemplate } from '../../../src/modules/template/domain/validateTemplate';

const valid: TemplateDefinition = {
  name: 'trip_reminder',
  language: 'en',
  category: 'UTILITY',
  header: { format: 'TEXT', text: 'Trip {{1}}', example: 'TRP123' },
  body: 'Hi {{1}}, your trip {{2}} leaves tomorrow.',
  bodyExamples: ['Ana', 'TRP123'],
  footer: 'Reply STOP to opt out',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Confirm' },
    { type: 'URL', text: 'Details', url: 'https://example.com/trips/{{1}}', example: 'TRP123' },
    { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+14155550123' },
  ],
};

const fieldsOf = (t: TemplateDefinition) => validateTemplate(t).map((p) => p.field);

describe('template validation', () => {
  it('accepts a template with every component', () => {
    expect(validateTemplate(valid)).to.deep.equal([]);
  });

  it('accepts a body without parameters and without examples', () => {
    expect(fieldsOf({ ...valid, body: 'Your trip leaves tomorrow.', bodyExamples: undefined })).to.deep.equal(
      [],
    );
  });

  for (const name of ['Trip_Reminder', 'trip-reminder', 'trip reminder', '', 'ñandu'])
    it(`refuses the name ${JSON.stringify(name)}`, () => {
      expect(fieldsOf({ ...valid, name })).to.deep.equal(['name']);
    });

  it('refuses a name over 512 characters', () => {
    expect(fieldsOf({ ...valid, name: 'a'.repeat(513) })).to.deep.equal(['name']);
  });

  for (const language of ['english', 'EN', 'en-US', 'e', 'en_usa'])
    it(`refuses the language code ${language}`, () => {
      expect(fieldsOf({ ...valid, language })).to.deep.equal(['language']);
    });

  for (const language of ['en', 'es', 'en_US', 'pt_BR', 'fil'])
    it(`accepts the language code ${language}`, () => {
      expect(fieldsOf({ ...valid, language })).to.deep.equal([]);
    });

  it('normalises en-US and en_us to en_US', () => {
    expect(normalizeLanguage('en-US')).to.equal('en_US');
    expect(normalizeLanguage('en_us')).to.equal('en_US');
    expect(normalizeLanguage('ES')).to.equal('es');
  });

  it('refuses an unknown category', () => {
    expect(fieldsOf({ ...valid, category: 'PROMOTIONAL' as never })).to.deep.equal(['category']);
  });

  it('refuses a body over 1024 characters', () => {
    const body = `Hi {{1}}, ${'x'.repeat(1020)}.`;
    expect(fieldsOf({ ...valid, body, bodyExamples: ['Ana'] })).to.deep.equal(['body']);
  });

  it('accepts a body of exactly 1024 characters', () => {
    const body = `Hi {{1}} ${'x'.repeat(1024 - 10)}.`;
    expect(body).to.have.length(1024);
    expect(fieldsOf({ ...valid, body, bodyExamples: ['Ana'] })).to.deep.equal([]);
  });

  it('refuses an empty body', () => {
    expect(fieldsOf({ ...valid, body: '  ', bodyExamples: undefined })).to.deep.equal(['body']);
  });

  it('refuses parameters with a gap', () => {
    expect(
      fieldsOf({ ...valid, body: 'Hi {{1}}, trip {{3}} now.', bodyExamples: ['a', 'b', 'c'] }),
    ).to.include('body');
  });

  for (const body of [
    'Hi {{name}}, ok.',
    'Hi {{ 1 }}, ok.',
    'Hi {{1}, ok.',
    'Hi {1}}, ok.',
    'Hi {{{1}}}, ok.',
  ])
    it(`refuses the malformed parameter in ${JSON.stringify(body)}`, () => {
      expect(fieldsOf({ ...valid, body, bodyExamples: undefined })).to.include('body');
    });

  it('refuses a body that starts or ends with a parameter', () => {
    expect(fieldsOf({ ...valid, body: '{{1}} is late.', bodyExamples: ['Ana'] })).to.deep.equal(['body']);
    expect(fieldsOf({ ...valid, body: 'Late: {{1}}', bodyExamples: ['Ana'] })).to.deep.equal(['body']);
  });

  it('needs one example per body parameter', () => {
    expect(fieldsOf({ ...valid, bodyExamples: ['Ana'] })).to.deep.equal(['bodyExamples']);
    expect(fieldsOf({ ...valid, bodyExamples: undefined })).to.deep.equal(['bodyExamples']);
    expect(fieldsOf({ ...valid, bodyExamples: ['Ana', ' '] })).to.deep.equal(['bodyExamples']);
  });

  it('limits a text header to 60 characters and one {{1}}', () => {
    expect(fieldsOf({ ...valid, header: { format: 'TEXT', text: 'x'.repeat(61) } })).to.deep.equal([
      'header.text',
    ]);
    expect(
      fieldsOf({ ...valid, header: { format: 'TEXT', text: '{{1}} and {{2}}', example: 'a' } }),
    ).to.include('header.text');
    expect(fieldsOf({ ...valid, header: { format: 'TEXT', text: 'Trip {{1}}' } })).to.deep.equal([
      'header.example',
    ]);
  });

  it('refuses a media header (its sample would have to be uploaded to the provider first)', () => {
    expect(fieldsOf({ ...valid, header: { format: 'IMAGE' } })).to.deep.equal(['header.format']);
  });

  it('refuses a footer over 60 characters or with a parameter', () => {
    expect(fieldsOf({ ...valid, footer: 'x'.repeat(61) })).to.deep.equal(['footer']);
    expect(fieldsOf({ ...valid, footer: 'Bye {{1}}' })).to.deep.equal(['footer']);
  });

  it('allows at most three quick replies', () => {
    const reply = { type: 'QUICK_REPLY' as const, text: 'Yes' };
    expect(fieldsOf({ ...valid, buttons: [reply, reply, reply] })).to.deep.equal([]);
    expect(fieldsOf({ ...valid, buttons: [reply, reply, reply, reply] })).to.deep.equal(['buttons']);
  });

  it('allows at most two URL buttons and one phone button', () => {
    const url = { type: 'URL' as const, text: 'Go', url: 'https://example.com' };
    const phone = { type: 'PHONE_NUMBER' as const, text: 'Call', phoneNumber: '+14155550123' };
    expect(fieldsOf({ ...valid, buttons: [url, url, url] })).to.deep.equal(['buttons']);
    expect(fieldsOf({ ...valid, buttons: [phone, phone] })).to.deep.equal(['buttons']);
  });

  it('checks each button', () => {
    expect(fieldsOf({ ...valid, buttons: [{ type: 'QUICK_REPLY', text: 'x'.repeat(26) }] })).to.deep.equal([
      'buttons[0].text',
    ]);
    expect(
      fieldsOf({ ...valid, buttons: [{ type: 'URL', text: 'Go', url: 'ftp://example.com' }] }),
    ).to.deep.equal(['buttons[0].url']);
    expect(
      fieldsOf({ ...valid, buttons: [{ type: 'URL', text: 'Go', url: 'https://example.com/{{1}}/x' }] }),
    ).to.deep.equal(['buttons[0].url']);
    expect(
      fieldsOf({ ...valid, buttons: [{ type: 'URL', text: 'Go', url: 'https://example.com/{{1}}' }] }),
    ).to.deep.equal(['buttons[0].example']);
    expect(
      fieldsOf({ ...valid, buttons: [{ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '0800 123' }] }),
    ).to.deep.equal(['buttons[0].phoneNumber']);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ ...valid, name: 'Bad', language: 'xx-yy-zz', footer: 'x'.repeat(61) })).to.deep.equal([
      'name',
      'language',
      'footer',
    ]);
  });
});
