import { expect } from 'chai';
import { TYPES } from '../../../../src/types';
import { Dialog360TemplateApi } from '../../../../src/whatsapp/outbound/provider/dialog360/Dialog360TemplateApi';
import { MetaTemplateApi } from '../../../../src/whatsapp/outbound/provider/meta/MetaTemplateApi';
import type {
  TemplateDefinition,
  TemplateProviderApi,
} from '../../../../src/whatsapp/outbound/provider/TemplateProviderApi';
import { graphError, noAnswer } from '../../../support/fakeFailures';
import { FakeProviderServer } from '../../../support/FakeProviderServer';
import type { FakeTemplate } from '../../../support/FakeTemplateApi';
import { testContainer } from '../../../support/testContainer';
import { dialog360Account, failure, json, metaAccount, twilioAccount } from './providerTestKit';

const PAYMENT_LINK: TemplateDefinition = {
  name: 'payment_link',
  language: 'en',
  category: 'UTILITY',
  header: 'Booking {{1}}',
  headerExample: 'BK-1042',
  body: 'Hi {{1}}, your booking {{2}} is reserved. Pay {{3}} here: {{4}}',
  bodyExamples: ['Ana', 'BK-1042', 'USD 120'],
  footer: 'wa-ops',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Talk to us' },
    {
      type: 'URL',
      text: 'Pay',
      url: 'https://pay.example.com/{{1}}',
      example: 'https://pay.example.com/BK-1042',
    },
  ],
};

const existing = (i: number, status = 'APPROVED'): FakeTemplate => ({
  id: `10${i}`,
  name: `template_${i}`,
  language: 'en',
  category: 'UTILITY',
  status,
  components: [
    { type: 'BODY', text: `Body ${i} {{1}}` },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'OK' }] },
  ],
});

describe('Template provider APIs', () => {
  let fake: FakeProviderServer;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.tokens.add('meta-token');
    fake.apiKeys.add('d360-key');
  });
  afterEach(() => fake.close());

  describe('Meta', () => {
    const api = (timeoutMs?: number) => new MetaTemplateApi(`${fake.url}/v25.0`, timeoutMs);

    it('submits the template as Cloud API components to the WABA', async () => {
      const submitted = await api().submitTemplate(metaAccount(), PAYMENT_LINK);
      const [request] = fake.requestsTo('/v25.0/102938475610293/message_templates');
      expect(request.headers.authorization).to.equal('Bearer meta-token');
      expect(json(request.body)).to.deep.equal({
        name: 'payment_link',
        language: 'en',
        category: 'UTILITY',
        components: [
          { type: 'HEADER', format: 'TEXT', text: 'Booking {{1}}', example: { header_text: ['BK-1042'] } },
          {
            type: 'BODY',
            text: 'Hi {{1}}, your booking {{2}} is reserved. Pay {{3}} here: {{4}}',
            example: { body_text: [['Ana', 'BK-1042', 'USD 120', 'sample 4']] },
          },
          { type: 'FOOTER', text: 'wa-ops' },
          {
            type: 'BUTTONS',
            buttons: [
              { type: 'QUICK_REPLY', text: 'Talk to us' },
              {
                type: 'URL',
                text: 'Pay',
                url: 'https://pay.example.com/{{1}}',
                example: ['https://pay.example.com/BK-1042'],
              },
            ],
          },
        ],
      });
      expect(submitted).to.deep.equal({
        providerTemplateId: fake.templates.existing[0].id,
        status: 'PENDING',
      });
    });

    it('lists every page, mapping statuses and components', async () => {
      fake.templates.existing.push(
        existing(1),
        existing(2, 'IN_APPEAL'),
        existing(3, 'REJECTED'),
        existing(4, 'PAUSED'),
      );
      fake.templates.existing[2].rejected_reason = 'INVALID_FORMAT';
      fake.templates.pageSize = 3;
      const templates = await api().listTemplates(metaAccount());
      expect(fake.requestsTo('/v25.0/102938475610293/message_templates')).to.have.length(2);
      expect(templates.map((t) => [t.providerTemplateId, t.status, t.providerStatus])).to.deep.equal([
        ['101', 'APPROVED', 'APPROVED'],
        ['102', 'PENDING', 'IN_APPEAL'],
        ['103', 'REJECTED', 'REJECTED'],
        ['104', 'PAUSED', 'PAUSED'],
      ]);
      expect(templates[0]).to.deep.include({
        name: 'template_1',
        language: 'en',
        category: 'UTILITY',
        body: 'Body 1 {{1}}',
        buttons: [{ type: 'QUICK_REPLY', text: 'OK' }],
      });
      expect(templates[2].rejectedReason).to.equal('INVALID_FORMAT');
    });

    it('a duplicate is a permanent failure; a hang times out; no WABA id is auth', async () => {
      await api().submitTemplate(metaAccount(), PAYMENT_LINK);
      expect(await failure(api().submitTemplate(metaAccount(), PAYMENT_LINK))).to.include({
        kind: 'permanent',
        code: '100',
      });
      fake.outbound.failNext('templates', noAnswer());
      expect(await failure(api(300).listTemplates(metaAccount()))).to.include({
        kind: 'retryable',
        code: 'timeout',
      });
      const noWaba = { ...metaAccount(), businessAccountId: undefined };
      expect(await failure(api().listTemplates(noWaba))).to.include({
        kind: 'auth',
        code: 'missing_configuration',
      });
    });
  });

  describe('360dialog', () => {
    const api = () => new Dialog360TemplateApi(fake.url);

    it('submits to /v1/configs/templates with the API key', async () => {
      const submitted = await api().submitTemplate(dialog360Account(), PAYMENT_LINK);
      const [request] = fake.requestsTo('/v1/configs/templates');
      expect(request.headers['d360-api-key']).to.equal('d360-key');
      expect(json(request.body)).to.deep.include({
        name: 'payment_link',
        language: 'en',
        category: 'UTILITY',
      });
      expect(submitted).to.deep.equal({
        providerTemplateId: fake.templates.existing[0].id,
        status: 'PENDING',
      });
    });

    it('lists every page of waba_templates with their lower-case statuses', async () => {
      fake.templates.pageSize = 100;
      for (let i = 1; i <= 101; i++)
        fake.templates.existing.push(existing(i, i === 101 ? 'DISABLED' : 'APPROVED'));
      const templates = await api().listTemplates(dialog360Account());
      expect(fake.requestsTo('/v1/configs/templates')).to.have.length(2);
      expect(templates).to.have.length(101);
      expect(templates[100]).to.include({
        providerTemplateId: '10101',
        status: 'DISABLED',
        providerStatus: 'disabled',
      });
    });

    it('relayed Graph errors are classified', async () => {
      fake.outbound.failNext('templates', graphError(80007));
      expect(await failure(api().listTemplates(dialog360Account()))).to.include({
        kind: 'throttled',
        code: '80007',
      });
    });
  });

  describe('through the container', () => {
    it('uses the account’s provider: console approves at once, Twilio refuses clearly', async () => {
      const { container } = testContainer({
        WHATSAPP_API_BASE_URL: fake.url,
        DIALOG360_API_BASE_URL: fake.url,
      });
      const api = container.get<TemplateProviderApi>(TYPES.TemplateProviderApi);
      const consoleAccount = { ...metaAccount(), provider: 'console' as const };
      const approved = await api.submitTemplate(consoleAccount, PAYMENT_LINK);
      expect(approved.status).to.equal('APPROVED');
      expect(approved.providerTemplateId).to.match(/^console\./);
      expect(await api.listTemplates(consoleAccount)).to.deep.equal([]);
      expect(await failure(api.listTemplates(twilioAccount()))).to.include({
        kind: 'permanent',
        code: 'unsupported',
      });
      await api.submitTemplate(metaAccount(), PAYMENT_LINK);
      expect(fake.requestsTo('/v25.0/102938475610293/message_templates')).to.have.length(1);
    });
  });
});
