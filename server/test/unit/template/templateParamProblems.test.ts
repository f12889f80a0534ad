import { expect } from 'chai';
import { fallbackLanguage } from '../../../src/modules/template/domain/fallbackLanguage';
import { templateParamProblems } from '../../../src/modules/template/domain/templateParamProblems';
import type { TemplateSendParams } from '../../../src/modules/template/domain/templateSendParams';
import { checkTemplateSendable } from '../../../src/modules/template/domain/templateSendability';
import { slotsOfComponents, type TemplateSlots } from '../../../src/modules/template/domain/templateSlots';

const STORED = [
  { type: 'HEADER', format: 'TEXT', text: 'Trip {{1}}', example: { header_text: ['TRP1'] } },
  { type: 'BODY', text: 'Hi {{1}}, your booking {{2}} is ready.' },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'QUICK_REPLY', text: 'Confirm' },
      { type: 'URL', text: 'Pay', url: 'https://pay.example.com/{{1}}' },
      { type: 'URL', text: 'Site', url: 'https://example.com' },
      { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+14155550100' },
    ],
  },
];
const slots = slotsOfComponents(STORED);
const fits: TemplateSendParams = {
  params: ['Ana', 'BK-1'],
  header: { type: 'text', text: 'TRP1' },
  buttons: [{ index: 1, type: 'url', text: 'BK-1' }],
};
const fields = (call: Partial<TemplateSendParams>, on: TemplateSlots = slots) =>
  templateParamProblems(on, { ...fits, ...call }).map((p) => `${p.field}: ${p.message}`);

describe('template slots (what a stored template takes)', () => {
  it('reads the header, the body count and each button from stored components', () => {
    expect(slots).to.deep.equal({
      header: 'text',
      body: 2,
      buttons: ['quick_reply', 'url', 'fixed', 'fixed'],
    });
    expect(
      slotsOfComponents([
        { type: 'HEADER', format: 'IMAGE' },
        { type: 'BODY', text: 'Hello.' },
      ]),
    ).to.deep.equal({
      header: 'image',
      body: 0,
      buttons: [],
    });
    expect(slotsOfComponents([{ type: 'HEADER', format: 'LOCATION' }]).header).to.equal('unsupported');
    expect(slotsOfComponents([{ type: 'HEADER', format: 'TEXT', text: 'Hello' }]).header).to.equal('none');
    expect(slotsOfComponents('nonsense')).to.deep.equal({ header: 'none', body: 0, buttons: [] });
  });
});

describe('templateParamProblems (per component, naming the field)', () => {
  it('accepts values that fit, with or without the optional quick-reply payload', () => {
    expect(fields({})).to.deep.equal([]);
    expect(
      fields({ buttons: [...fits.buttons!, { index: 0, type: 'quick_reply', payload: 'CONFIRM' }] }),
    ).to.deep.equal([]);
  });

  it('checks the body count and empty values', () => {
    expect(fields({ params: ['Ana'] })).to.deep.equal([
      'template.params: the body takes 2 parameters, 1 given',
    ]);
    expect(fields({ params: ['Ana', ' '] })).to.deep.equal(['template.params[1]: must not be empty']);
  });

  it('checks the header: missing, of the wrong kind, unwanted, empty', () => {
    expect(fields({ header: undefined })).to.deep.equal(['template.header: the header takes a text']);
    expect(fields({ header: { type: 'image', link: 'https://example.com/a.jpg' } })).to.deep.equal([
      'template.header.type: the header takes text, not image',
    ]);
    expect(fields({ header: { type: 'text', text: '' } })).to.deep.equal([
      'template.header.text: must not be empty',
    ]);
    const noHeader = { ...slots, header: 'none' as const };
    expect(fields({}, noHeader)).to.deep.equal(['template.header: the template’s header takes no parameter']);
  });

  it('checks a media header: its type, one of id and link, http(s), a filename only on documents', () => {
    const image = { ...slots, header: 'image' as const };
    expect(fields({ header: { type: 'image', id: '123' } }, image)).to.deep.equal([]);
    expect(fields({ header: undefined }, image)).to.deep.equal([
      'template.header: the header takes an image',
    ]);
    expect(fields({ header: { type: 'image' } }, image)).to.deep.equal([
      'template.header: an id or a link, not both',
    ]);
    expect(fields({ header: { type: 'image', link: 'ftp://x/a.jpg' } }, image)).to.deep.equal([
      'template.header.link: must be an http(s) URL',
    ]);
    expect(fields({ header: { type: 'image', id: '1', filename: 'a.jpg' } }, image)).to.deep.equal([
      'template.header.filename: only a document has a filename',
    ]);
    expect(
      fields({ header: { type: 'text', text: 'x' } }, { ...slots, header: 'unsupported' }),
    ).to.deep.equal(['template.header: the template’s header (a location) cannot be filled from here']);
  });

  it('checks buttons by index: missing URL values, unknown or repeated indexes, the wrong kind', () => {
    expect(fields({ buttons: [] })).to.deep.equal(['template.buttons: URL button 1 takes a parameter']);
    expect(fields({ buttons: [...fits.buttons!, { index: 7, type: 'url', text: 'x' }] })).to.deep.equal([
      'template.buttons[1].index: the template has 4 buttons',
    ]);
    expect(fields({ buttons: [...fits.buttons!, { index: 1, type: 'url', text: 'x' }] })).to.deep.equal([
      'template.buttons[1].index: button given twice',
    ]);
    expect(fields({ buttons: [{ index: 1, type: 'quick_reply', payload: 'x' }] })).to.deep.equal([
      'template.buttons[0].type: button 1 is a URL button',
    ]);
    expect(fields({ buttons: [...fits.buttons!, { index: 2, type: 'url', text: 'x' }] })).to.deep.equal([
      'template.buttons[1].type: button 2 is a button without parameters',
    ]);
    expect(fields({ buttons: [{ index: 1, type: 'url', text: ' ' }] })).to.deep.equal([
      'template.buttons[0].text: must not be empty',
    ]);
  });

  it('keeps a call queued with body params only valid for a body-only template', () => {
    const bodyOnly = slotsOfComponents([{ type: 'BODY', text: 'Hi {{1}}.' }]);
    expect(templateParamProblems(bodyOnly, { params: ['Ana'] })).to.deep.equal([]);
  });
});

describe('checkTemplateSendable', () => {
  it('refuses with TEMPLATE_PARAMS, a reason naming each field and the fields themselves', () => {
    const result = checkTemplateSendable({ status: 'APPROVED', slots }, { params: ['Ana'] });
    expect(result).to.deep.include({
      ok: false,
      code: 'TEMPLATE_PARAMS',
      reason:
        'template.params: the body takes 2 parameters, 1 given; template.header: the header takes a text; template.buttons: URL button 1 takes a parameter',
    });
    expect(result.ok || result.fields?.map((f) => f.field)).to.deep.equal([
      'template.params',
      'template.header',
      'template.buttons',
    ]);
  });
});

describe('fallbackLanguage (system notifications)', () => {
  it('prefers the tenant’s language, then its base language, then English, then any', () => {
    expect(fallbackLanguage('fr', ['en', 'fr'])).to.equal('fr');
    expect(fallbackLanguage('es_MX', ['en', 'es'])).to.equal('es');
    expect(fallbackLanguage('fr', ['es', 'en'])).to.equal('en');
    expect(fallbackLanguage('fr', ['es', 'en_US'])).to.equal('en_US');
    expect(fallbackLanguage('fr', ['pt_BR', 'de'])).to.equal('de');
    expect(fallbackLanguage('fr', [])).to.equal(undefined);
  });
});
