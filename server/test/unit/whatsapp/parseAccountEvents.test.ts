import { expect } from 'chai';
import type {
  AccountEvent,
  TemplateCategoryEvent,
  UserPreferenceEvent,
} from '../../../src/shared/channel/InboundEvent';
import { parseMetaDelivery, readMetaDelivery } from '../../../src/whatsapp/inbound/MetaWebhookParser';

const WABA = '102290129340398';

/** The envelope of Meta's webhook reference examples (entry id = WABA, `time` in seconds). */
const delivery = (field: string, value: unknown, entryId = WABA) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: entryId, time: 1739321024, changes: [{ field, value }] as unknown[] }],
});

const one = <T>(field: string, value: unknown, entryId?: string): T => {
  const events = parseMetaDelivery(delivery(field, value, entryId));
  expect(events).to.have.length(1);
  return events[0] as T;
};

describe('parseMetaDelivery: account-health, preference and category fields', () => {
  it('reads a phone_number_quality_update (Meta example) for the display number, with the new limit', () => {
    const event = one<AccountEvent>('phone_number_quality_update', {
      display_phone_number: '15550783881',
      event: 'THROUGHPUT_UPGRADE',
      current_limit: 'TIER_UNLIMITED',
      max_daily_conversations_per_business: 'TIER_2K',
    });
    expect(event).to.deep.include({
      kind: 'account',
      field: 'phone_number_quality_update',
      event: 'THROUGHPUT_UPGRADE',
      route: { wabaId: WABA, businessPhone: '+15550783881' },
      messagingLimitTier: 'TIER_2K',
      timestamp: new Date(1739321024 * 1000),
    });
  });

  it('reads an account_update ban (DISABLED_UPDATE with ban_info) and a restriction with its types', () => {
    const ban = one<AccountEvent>('account_update', {
      event: 'DISABLED_UPDATE',
      ban_info: { waba_ban_state: 'DISABLE', waba_ban_date: 'April 17, 2025' },
    });
    expect(ban).to.deep.include({ event: 'DISABLED_UPDATE', banState: 'DISABLE', detail: 'April 17, 2025' });
    const restriction = one<AccountEvent>('account_update', {
      event: 'ACCOUNT_RESTRICTION',
      restriction_info: [
        { restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1641330498 },
        { restriction_type: 'RESTRICTED_ADD_PHONE_NUMBER_ACTION', expiration: 1641330498 },
      ],
    });
    expect(restriction.detail).to.equal(
      'RESTRICTED_BIZ_INITIATED_MESSAGING, RESTRICTED_ADD_PHONE_NUMBER_ACTION',
    );
  });

  it("routes partner events by the customer's WABA in waba_info, not the partner's entry id", () => {
    const event = one<AccountEvent>(
      'account_update',
      { event: 'PARTNER_REMOVED', waba_info: { waba_id: '980198427658004', owner_business_id: '1' } },
      '2949482758682047',
    );
    expect(event.route).to.deep.equal({ wabaId: '980198427658004' });
  });

  it('reads account_alerts with a PHONE_NUMBER entity as about that phone-number id', () => {
    const event = one<AccountEvent>('account_alerts', {
      entity_type: 'PHONE_NUMBER',
      entity_id: '106540352242922',
      alert_info: {
        alert_severity: 'CRITICAL',
        alert_status: 'ACTIVE',
        alert_type: 'OBA_REJECTED',
        alert_description: 'We do not grant official business accounts to individuals.',
      },
    });
    expect(event).to.deep.include({
      event: 'OBA_REJECTED',
      alertSeverity: 'CRITICAL',
      route: { wabaId: WABA, phoneNumberId: '106540352242922' },
      detail: 'We do not grant official business accounts to individuals.',
    });
  });

  it('reads account_review_update and phone_number_name_update decisions', () => {
    expect(one<AccountEvent>('account_review_update', { decision: 'REJECTED' }).event).to.equal('REJECTED');
    const name = one<AccountEvent>('phone_number_name_update', {
      display_phone_number: '15550783881',
      decision: 'APPROVED',
      requested_verified_name: 'Lucky Shrub',
      rejection_reason: null,
    });
    expect(name).to.deep.include({ event: 'APPROVED', requestedName: 'Lucky Shrub' });
  });

  it('reads business_capability_update limits given as numbers as tiers', () => {
    const event = one<AccountEvent>('business_capability_update', {
      max_daily_conversations_per_business: 2000,
      max_phone_numbers_per_waba: 25,
    });
    expect(event.messagingLimitTier).to.equal('TIER_2K');
  });

  it('tolerates odd types inside an account value (the raw value is kept)', () => {
    const event = one<AccountEvent>('account_update', { event: 7, restriction_info: 'soon', ban_info: [] });
    expect(event.event).to.equal(undefined);
    expect(event.raw).to.deep.equal({ event: 7, restriction_info: 'soon', ban_info: [] });
  });

  it('reads each user of a user_preferences change, with its phone-number id', () => {
    const events = parseMetaDelivery(
      delivery('user_preferences', {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
        contacts: [{ profile: { name: 'Sheena' }, wa_id: '16505551234' }],
        user_preferences: [
          {
            wa_id: '16505551234',
            detail: 'User requested to stop marketing messages',
            category: 'marketing_messages',
            value: 'stop',
            timestamp: 1731705721,
          },
          { user_id: 'US.13491208655302741918', category: 'marketing_messages', value: 'resume' },
        ],
      }),
    ) as UserPreferenceEvent[];
    expect(events.map((e) => [e.waId, e.userId, e.value])).to.deep.equal([
      ['16505551234', undefined, 'stop'],
      [undefined, 'US.13491208655302741918', 'resume'],
    ]);
    expect(events[0].route).to.deep.equal({
      phoneNumberId: '106540352242922',
      businessPhone: '+15550783881',
      wabaId: WABA,
    });
    expect(events[0].timestamp).to.deep.equal(new Date(1731705721 * 1000));
  });

  it('reads a completed and an announced template_category_update', () => {
    const done = one<TemplateCategoryEvent>('template_category_update', {
      message_template_id: 12345678,
      message_template_name: 'order_update',
      message_template_language: 'en-US',
      previous_category: 'UTILITY',
      new_category: 'MARKETING',
    });
    expect(done).to.deep.include({
      providerTemplateId: '12345678',
      name: 'order_update',
      language: 'en_US',
      previousCategory: 'UTILITY',
      newCategory: 'MARKETING',
    });
    const announced = one<TemplateCategoryEvent>('template_category_update', {
      message_template_id: 12345678,
      message_template_name: 'order_update',
      message_template_language: 'en_US',
      correct_category: 'MARKETING',
      new_category: 'UTILITY',
      category_update_timestamp: 1739400000,
    });
    expect(announced).to.deep.include({
      correctCategory: 'MARKETING',
      effectiveAt: new Date(1739400000 * 1000),
    });
  });

  it('skips a template_category_update without the template name, naming the field, and keeps the rest', () => {
    const body = delivery('template_category_update', { new_category: 'MARKETING' });
    (body.entry[0].changes as unknown[]).push({
      field: 'account_review_update',
      value: { decision: 'APPROVED' },
    });
    const { events, skipped } = readMetaDelivery(body);
    expect(events.map((e) => e.kind)).to.deep.equal(['account']);
    expect(skipped).to.have.length(1);
    expect(skipped[0]).to.match(/^entry\[0\]\.changes\[0\]\.value\.message_template_name /);
  });
});
