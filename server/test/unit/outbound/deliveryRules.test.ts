import { expect } from 'chai';
import type { OutboundContent } from '../../../src/modules/message/domain/OutboundRequest';
import type { TemplateSlots } from '../../../src/modules/template/domain/templateSlots';
import {
  decideDelivery,
  type DeliveryFacts,
  type TemplateFacts,
} from '../../../src/whatsapp/outbound/dispatch/deliveryRules';

const slots = (over: Partial<TemplateSlots> = {}): TemplateSlots => ({
  header: 'none',
  body: 2,
  buttons: [],
  ...over,
});
const approved: TemplateFacts = {
  name: 'incident_update',
  language: 'en',
  status: 'APPROVED',
  category: 'UTILITY',
  slots: slots(),
};
const facts = (over: Partial<DeliveryFacts> = {}): DeliveryFacts => ({
  optIn: 'opted_in',
  windowOpen: true,
  language: 'en',
  template: approved,
  ...over,
});
const notification: OutboundContent = {
  purpose: 'notification',
  text: 'Update on IN-1',
  template: { name: 'incident_update', params: ['TRP1', 'IN-1'] },
};

describe('decideDelivery (SPEC §8 rules, in order)', () => {
  it('refuses anything but the STOP confirmation to an opted-out customer', () => {
    const reply: OutboundContent = { purpose: 'reply', text: 'hello' };
    expect(decideDelivery(reply, facts({ optIn: 'opted_out' }))).to.include({ ok: false, code: 'OPTED_OUT' });
    const confirmation = { ...reply, context: { stopConfirmation: true } };
    expect(decideDelivery(confirmation, facts({ optIn: 'opted_out' }))).to.deep.equal({
      ok: true,
      plan: { kind: 'session', message: { kind: 'text', text: 'hello' }, replyToProviderId: undefined },
    });
  });

  it('opt-out comes before the window: an opted-out customer outside the window is OPTED_OUT', () => {
    const reply: OutboundContent = { purpose: 'reply', text: 'hello' };
    expect(decideDelivery(reply, facts({ optIn: 'opted_out', windowOpen: false }))).to.include({
      code: 'OPTED_OUT',
    });
  });

  it('sends broadcasts only to opted-in customers, and only as templates', () => {
    const broadcast: OutboundContent = {
      purpose: 'broadcast',
      text: 'Trip TRP1: leaving at 8',
      template: { name: 'trip_broadcast', params: ['TRP1', 'leaving at 8'] },
    };
    expect(decideDelivery(broadcast, facts({ optIn: undefined }))).to.include({ code: 'OPTED_OUT' });
    const decision = decideDelivery(broadcast, facts());
    expect(decision.ok && decision.plan.kind).to.equal('template');
    expect(decideDelivery({ purpose: 'broadcast', text: 'hi' }, facts())).to.include({
      code: 'TEMPLATE_REQUIRED',
    });
  });

  it('sends free text while the window is open, and refuses a reply or manual text outside it', () => {
    for (const purpose of ['reply', 'manual'] as const) {
      expect(decideDelivery({ purpose, text: 'hi' }, facts()).ok).to.equal(true);
      expect(decideDelivery({ purpose, text: 'hi' }, facts({ windowOpen: false }))).to.include({
        code: 'WINDOW_CLOSED',
      });
    }
  });

  it('treats media like free text: window only', () => {
    const media: OutboundContent = { purpose: 'manual', media: { mediaType: 'image', mediaId: 'M1' } };
    const open = decideDelivery(media, facts());
    expect(open.ok && open.plan).to.deep.include({ kind: 'session' });
    expect(decideDelivery(media, facts({ windowOpen: false }))).to.include({ code: 'WINDOW_CLOSED' });
  });

  it('falls back to the template of a notification outside the window', () => {
    expect(decideDelivery(notification, facts())).to.deep.include({
      ok: true,
      plan: {
        kind: 'session',
        message: { kind: 'text', text: 'Update on IN-1' },
        replyToProviderId: undefined,
      },
    });
    expect(decideDelivery(notification, facts({ windowOpen: false }))).to.deep.equal({
      ok: true,
      plan: {
        kind: 'template',
        name: 'incident_update',
        language: 'en',
        params: ['TRP1', 'IN-1'],
        providerTemplateId: undefined,
      },
    });
  });

  it('refuses a template that is missing, not approved, or given the wrong number of parameters', () => {
    const closed = { windowOpen: false };
    expect(decideDelivery(notification, facts({ ...closed, template: undefined }))).to.include({
      code: 'TEMPLATE_NOT_APPROVED',
    });
    for (const status of ['PENDING', 'REJECTED', 'PAUSED', 'DISABLED'])
      expect(
        decideDelivery(notification, facts({ ...closed, template: { ...approved, status } })),
      ).to.include({
        code: 'TEMPLATE_NOT_APPROVED',
      });
    const wrongCount = decideDelivery(
      notification,
      facts({ ...closed, template: { ...approved, slots: slots({ body: 3 }) } }),
    );
    expect(wrongCount).to.deep.include({
      code: 'TEMPLATE_PARAMS',
      title: 'Template incident_update (en): template.params: the body takes 3 parameters, 2 given',
      fields: [{ field: 'template.params', message: 'the body takes 3 parameters, 2 given' }],
    });
  });

  it('refuses a template whose header or buttons are not filled as the template says', () => {
    const template = { ...approved, slots: slots({ header: 'image', buttons: ['quick_reply', 'url'] }) };
    const decision = decideDelivery(notification, facts({ windowOpen: false, template }));
    expect(decision.ok || decision.fields?.map((f) => f.field)).to.deep.equal([
      'template.header',
      'template.buttons',
    ]);
  });

  it('carries header and button values into the template plan', () => {
    const content: OutboundContent = {
      purpose: 'manual',
      template: {
        name: 'trip_ticket',
        params: ['Ana', 'TRP1'],
        header: { type: 'document', link: 'https://example.com/t.pdf', filename: 'ticket.pdf' },
        buttons: [{ index: 1, type: 'url', text: 'BK-1' }],
      },
    };
    const template = {
      ...approved,
      providerTemplateId: 'T1',
      slots: slots({ header: 'document', buttons: ['fixed', 'url'] }),
    };
    expect(decideDelivery(content, facts({ template }))).to.deep.equal({
      ok: true,
      plan: {
        kind: 'template',
        name: 'trip_ticket',
        language: 'en',
        params: ['Ana', 'TRP1'],
        header: { type: 'document', link: 'https://example.com/t.pdf', filename: 'ticket.pdf' },
        buttons: [{ index: 1, type: 'url', text: 'BK-1' }],
        providerTemplateId: 'T1',
      },
    });
  });

  it('refuses a MARKETING template to a customer who stopped marketing messages, nothing else', () => {
    const manual: OutboundContent = { purpose: 'manual', template: { name: 'offer', params: ['a', 'b'] } };
    const marketing = { ...approved, category: 'MARKETING' };
    expect(decideDelivery(manual, facts({ marketingOptedOut: true, template: marketing }))).to.include({
      ok: false,
      code: 'MARKETING_OPTED_OUT',
    });
    expect(decideDelivery(manual, facts({ marketingOptedOut: false, template: marketing })).ok).to.equal(
      true,
    );
    for (const category of ['UTILITY', 'AUTHENTICATION'])
      expect(
        decideDelivery(manual, facts({ marketingOptedOut: true, template: { ...approved, category } })).ok,
      ).to.equal(true);
    expect(decideDelivery({ purpose: 'manual', text: 'hi' }, facts({ marketingOptedOut: true })).ok).to.equal(
      true,
    );
  });

  it('sends a template-only message whatever the window', () => {
    const template: OutboundContent = {
      purpose: 'manual',
      template: { name: 'quote_ready', params: ['a', 'b'] },
    };
    for (const windowOpen of [true, false]) {
      const decision = decideDelivery(template, facts({ windowOpen }));
      expect(decision.ok && decision.plan.kind).to.equal('template');
    }
  });
});
