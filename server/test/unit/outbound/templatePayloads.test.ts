import { expect } from 'chai';
import { templatePayload } from '../../../src/whatsapp/outbound/provider/cloudapi/templatePayload';
import { ProviderError } from '../../../src/whatsapp/outbound/provider/ProviderError';
import { twilioTemplateForm } from '../../../src/whatsapp/outbound/provider/twilio/twilioForm';
import type { SendTemplateRequest } from '../../../src/whatsapp/outbound/provider/WhatsappProvider';

const request = (over: Partial<SendTemplateRequest> = {}): SendTemplateRequest => ({
  to: '+15551234567',
  name: 'trip_ticket',
  language: 'es',
  bodyParams: ['Ana', 'TRP1'],
  ...over,
});
const components = (over: Partial<SendTemplateRequest>) =>
  (templatePayload(request(over)).template as { components: unknown[] }).components;

describe('Cloud API template payload (Meta and 360dialog)', () => {
  it('sends a text header, the body, then each button by index with its sub_type', () => {
    expect(
      components({
        header: { kind: 'text', text: 'Trip\nTRP1' },
        buttonParams: [
          { index: 2, subType: 'url', param: 'BK-1' },
          { index: 0, subType: 'quick_reply', param: 'CONFIRM_BK-1' },
        ],
      }),
    ).to.deep.equal([
      { type: 'header', parameters: [{ type: 'text', text: 'Trip TRP1' }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Ana' },
          { type: 'text', text: 'TRP1' },
        ],
      },
      {
        type: 'button',
        sub_type: 'quick_reply',
        index: '0',
        parameters: [{ type: 'payload', payload: 'CONFIRM_BK-1' }],
      },
      { type: 'button', sub_type: 'url', index: '2', parameters: [{ type: 'text', text: 'BK-1' }] },
    ]);
  });

  it('sends a media header by the provider’s id or by link, a document with its filename', () => {
    expect(
      components({ header: { kind: 'media', mediaType: 'image', mediaId: '1234567890' } })[0],
    ).to.deep.equal({
      type: 'header',
      parameters: [{ type: 'image', image: { id: '1234567890' } }],
    });
    expect(
      components({
        header: {
          kind: 'media',
          mediaType: 'document',
          link: 'https://example.com/t.pdf',
          filename: 'ticket.pdf',
        },
      })[0],
    ).to.deep.equal({
      type: 'header',
      parameters: [
        { type: 'document', document: { link: 'https://example.com/t.pdf', filename: 'ticket.pdf' } },
      ],
    });
    expect(
      components({ header: { kind: 'media', mediaType: 'video', link: 'https://example.com/v.mp4' } })[0],
    ).to.have.nested.property('parameters[0].video.link', 'https://example.com/v.mp4');
  });

  it('leaves components out of a template without parameters', () => {
    expect(templatePayload(request({ bodyParams: [] })).template).to.deep.equal({
      name: 'trip_ticket',
      language: { code: 'es' },
    });
  });

  it('refuses a media header without exactly one of id and link, or a filename on an image', () => {
    for (const header of [
      { kind: 'media', mediaType: 'image' },
      { kind: 'media', mediaType: 'image', mediaId: '1', link: 'https://example.com/a.jpg' },
      { kind: 'media', mediaType: 'image', link: 'https://example.com/a.jpg', filename: 'a.jpg' },
      { kind: 'media', mediaType: 'image', link: 'ftp://example.com/a.jpg' },
    ] as const)
      expect(() => templatePayload(request({ header })))
        .to.throw(ProviderError)
        .with.property('kind', 'permanent');
  });
});

describe('Twilio template form (ContentVariables)', () => {
  const form = (over: Partial<SendTemplateRequest>) =>
    Object.fromEntries(twilioTemplateForm('+15550100199', request({ providerTemplateId: 'HX1', ...over })));

  it('numbers the body first, then the header, then button values by index', () => {
    expect(
      form({
        header: { kind: 'text', text: 'TRP1' },
        buttonParams: [
          { index: 1, subType: 'url', param: 'BK-1' },
          { index: 0, subType: 'quick_reply', param: 'YES' },
        ],
      }),
    ).to.deep.include({
      ContentSid: 'HX1',
      ContentVariables: JSON.stringify({ 1: 'Ana', 2: 'TRP1', 3: 'TRP1', 4: 'YES', 5: 'BK-1' }),
    });
  });

  it('keeps body-only templates numbered 1…n, and sends no variables for none', () => {
    expect(form({}).ContentVariables).to.equal('{"1":"Ana","2":"TRP1"}');
    expect(form({ bodyParams: [] })).not.to.have.property('ContentVariables');
  });

  it('refuses a media header: a Twilio content template carries its own media', () => {
    expect(() => form({ header: { kind: 'media', mediaType: 'image', link: 'https://example.com/a.jpg' } }))
      .to.throw(ProviderError)
      .with.property('code', 'unsupported');
  });
});
