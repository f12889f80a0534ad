import { expect } from 'chai';
import { signMetaBody } from '../../../src/whatsapp/inbound/metaSignature';
import type { OptInRepository } from '../../../src/modules/optin/domain/OptIn';
import type { Metrics } from '../../../src/shared/metrics/Metrics';
import { TYPES } from '../../../src/types';
import { aUser } from '../../support/builders';
import { META_APP_SECRET } from '../../support/fixtures';
import {
  FIXTURE_BUSINESS_PHONE,
  FIXTURE_PHONE_NUMBER_ID,
  FIXTURE_WABA_ID,
  inboundHarness,
  type InboundHarness,
} from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { say } from '../../support/whatsappConversation';

const knex = () => testDb().knex;
const MANAGER_PHONE = '+5491160007777';

/** A Meta delivery of one change of `field`, in the envelope of Meta's webhook reference. */
const change = (field: string, value: unknown, entryId = FIXTURE_WABA_ID) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: entryId, time: 1789012345, changes: [{ field, value }] }],
  });

describe('account-health webhooks, user preferences and template categories (SPEC §15)', () => {
  let h: InboundHarness;
  const metaConnection = () =>
    knex()('whatsapp_configurations').where({ tenant_id: h.tenantId, provider: 'meta' }).first();
  const alerts = () =>
    knex()('whatsapp_messages')
      .where({ direction: 'OUTBOUND', customer_phone: MANAGER_PHONE })
      .orderBy('created_at');
  const deliver = async (body: string) => {
    await h.postMeta(body).expect(200);
    await h.processor.drain();
  };

  beforeEach(async () => {
    h = await inboundHarness();
    const tenant = { id: h.tenantId } as Parameters<typeof aUser>[0];
    await aUser(tenant, { role: 'manager', phone: MANAGER_PHONE, name: 'Marta' });
    await aUser(tenant, { role: 'operations', phone: '+5491160008888' });
  });

  it('records a quality flag and a lowered limit on the number, audits it, and alerts the managers only', async () => {
    await knex()('whatsapp_configurations')
      .where({ tenant_id: h.tenantId })
      .update({ messaging_limit_tier: 'TIER_2K' });
    await deliver(
      change('phone_number_quality_update', {
        display_phone_number: FIXTURE_BUSINESS_PHONE.slice(1),
        event: 'FLAGGED',
        max_daily_conversations_per_business: 'TIER_250',
      }),
    );
    const connection = await metaConnection();
    expect(connection).to.include({
      quality_rating: 'RED',
      messaging_limit_tier: 'TIER_250',
      status: 'active',
    });
    expect(connection.health.lastAccountEvent).to.include({
      field: 'phone_number_quality_update',
      event: 'FLAGGED',
      severity: 'warning',
    });
    const audits = await knex()('whatsapp_audit_logs').where({
      tenant_id: h.tenantId,
      action: 'CONNECTION_ACCOUNT_EVENT',
    });
    // The tenant's Twilio connection of the same number hears from Twilio, not from Meta.
    expect(audits).to.have.length(1);
    expect(audits[0]).to.include({ actor: 'meta', entity_id: connection.id });
    const events = await knex()('events').where({ tenant_id: h.tenantId, type: 'connection.health' });
    expect(events.map((e) => e.data)).to.deep.equal([
      {
        connectionId: connection.id,
        status: 'active',
        qualityRating: 'RED',
        messagingLimitTier: 'TIER_250',
        health: connection.health,
      },
    ]);
    const [alert] = await alerts();
    expect(alert.content.template).to.deep.include({ name: 'account_alert' });
    expect(alert.priority).to.equal('high');
    expect(alert.content.text).to.include('flagged for low quality').and.include('TIER_2K → TIER_250');
    expect(await knex()('whatsapp_messages').where({ direction: 'OUTBOUND' })).to.have.length(1);
  });

  it('suspends the connection on a ban and reactivates it when reinstated, alerting both times; the metric follows', async () => {
    const ban = (state: string) =>
      change('account_update', {
        event: 'DISABLED_UPDATE',
        ban_info: { waba_ban_state: state, waba_ban_date: 'December 7, 2026' },
      });
    await deliver(ban('DISABLE'));
    const id = (await metaConnection()).id;
    expect((await metaConnection()).status).to.equal('suspended');
    const up = async () => {
      const { body } = await h.container.get<Metrics>(TYPES.Metrics).scrape();
      return body.match(
        new RegExp(`waops_connection_up\\{tenant="${h.tenantId}",connection="${id}"\\} (\\d)`),
      )?.[1];
    };
    expect(await up()).to.equal('0');
    await deliver(ban('REINSTATE'));
    expect((await metaConnection()).status).to.equal('active');
    expect(await up()).to.equal('1');
    expect((await alerts()).map((a) => a.content.text)).to.have.length(2);
  });

  it('alerts on a WARNING account alert for the number, not on an informational one', async () => {
    const alert = (severity: string, type: string) =>
      change('account_alerts', {
        entity_type: 'PHONE_NUMBER',
        entity_id: FIXTURE_PHONE_NUMBER_ID,
        alert_info: {
          alert_severity: severity,
          alert_status: 'ACTIVE',
          alert_type: type,
          alert_description: 'Details.',
        },
      });
    await deliver(alert('INFORMATIONAL', 'OBA_APPROVED'));
    expect(await alerts()).to.have.length(0);
    await deliver(alert('WARNING', 'INCREASED_CAPABILITIES_ELIGIBILITY_DEFERRED'));
    expect(await alerts()).to.have.length(1);
    expect(await knex()('whatsapp_audit_logs').where({ action: 'CONNECTION_ACCOUNT_EVENT' })).to.have.length(
      2,
    );
  });

  it('records an approved display name, a review decision and a capability change', async () => {
    await deliver(
      change('phone_number_name_update', {
        display_phone_number: FIXTURE_BUSINESS_PHONE.slice(1),
        decision: 'APPROVED',
        requested_verified_name: 'Andes Treks',
        rejection_reason: null,
      }),
    );
    expect(await metaConnection()).to.include({ name_status: 'APPROVED', verified_name: 'Andes Treks' });
    await deliver(change('account_review_update', { decision: 'REJECTED' }));
    expect((await metaConnection()).status).to.equal('suspended');
    await deliver(
      change('business_capability_update', {
        max_daily_conversations_per_business: 10000,
        max_phone_numbers_per_waba: 25,
      }),
    );
    expect((await metaConnection()).messaging_limit_tier).to.equal('TIER_10K');
  });

  it('refuses an account event for this WABA signed with a secret that is not its connection’s', async () => {
    const body = change('account_update', { event: 'ACCOUNT_DELETED' });
    await h.postMeta(body, signMetaBody(body, 'someone-elses-app-secret')).expect(401);
    await h.postMeta(body, signMetaBody(body, META_APP_SECRET)).expect(200);
  });

  it('records user_preferences stop and resume as the marketing opt-out of 131050', async () => {
    const customer = '+5491155551234';
    await say(h, customer, 'Hola!');
    const preference = (value: string) =>
      change('user_preferences', {
        messaging_product: 'whatsapp',
        metadata: {
          display_phone_number: FIXTURE_BUSINESS_PHONE.slice(1),
          phone_number_id: FIXTURE_PHONE_NUMBER_ID,
        },
        contacts: [{ profile: { name: 'Ana' }, wa_id: customer.slice(1) }],
        user_preferences: [
          {
            wa_id: customer.slice(1),
            detail: 'User requested to stop marketing messages',
            category: 'marketing_messages',
            value,
            timestamp: 1789012345,
          },
        ],
      });
    const optIns = h.container.get<OptInRepository>(TYPES.OptInRepository);
    await deliver(preference('stop'));
    expect((await optIns.consentOf(h.tenantId, [customer])).get(customer)).to.deep.equal({
      status: 'opted_in',
      marketingOptedOut: true,
    });
    await deliver(preference('resume'));
    expect((await optIns.consentOf(h.tenantId, [customer])).get(customer)?.marketingOptedOut).to.equal(false);
    const actions = (
      await knex()('whatsapp_audit_logs').where({ tenant_id: h.tenantId }).orderBy('created_at')
    ).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith('MARKETING_'))).to.deep.equal([
      'MARKETING_OPTED_OUT',
      'MARKETING_OPTED_IN',
    ]);
  });

  it('changes a template’s category when Meta recategorises it, and only audits an announcement', async () => {
    await knex()('whatsapp_templates').insert({
      tenant_id: h.tenantId,
      name: 'order_update',
      language: 'en_US',
      category: 'UTILITY',
      status: 'APPROVED',
      provider_template_id: '12345678',
      components: JSON.stringify([{ type: 'BODY', text: 'Your order shipped.' }]),
    });
    const category = (value: Record<string, unknown>) =>
      change('template_category_update', {
        message_template_id: 12345678,
        message_template_name: 'order_update',
        message_template_language: 'en_US',
        ...value,
      });
    await deliver(
      category({
        correct_category: 'MARKETING',
        new_category: 'UTILITY',
        category_update_timestamp: 1789098745,
      }),
    );
    expect((await knex()('whatsapp_templates').first()).category).to.equal('UTILITY');
    await deliver(category({ previous_category: 'UTILITY', new_category: 'MARKETING' }));
    expect((await knex()('whatsapp_templates').first()).category).to.equal('MARKETING');
    const audited = await knex()('whatsapp_audit_logs')
      .where({ tenant_id: h.tenantId, entity_type: 'template' })
      .orderBy('created_at');
    expect(audited.map((a) => a.action)).to.deep.equal([
      'TEMPLATE_CATEGORY_CHANGE_ANNOUNCED',
      'TEMPLATE_CATEGORY_CHANGED',
    ]);
  });
});
