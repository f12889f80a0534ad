import { expect } from 'chai';
import type { AnswerWithAi } from '../../../src/modules/autoresponder/application/AnswerWithAi';
import {
  defaultSettings,
  type AutoResponderSettings,
  type AutoResponderSettingsRepository,
} from '../../../src/modules/autoresponder/domain/AutoResponderSettings';
import { TYPES } from '../../../src/types';
import { aUser } from '../../support/builders';
import { FakeChatCompletionsServer } from '../../support/FakeChatCompletionsServer';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { queuedTo, say } from '../../support/whatsappConversation';

const knex = () => testDb().knex;
const REP = '+5491155550401';
const GUIDE = '+5491155550402';
const ANA = '+5491155550411';
const LUCIA = '+5491155550412';
const INSTRUCTIONS = 'You answer for Andes Treks. Treks run from October to April.';

/** SPEC §23 end to end: real inbox, router and database; the AI is a local chat-completions server. */
describe('auto-responder: rules, away message, AI and handoff (SPEC §23)', () => {
  let ai: FakeChatCompletionsServer;
  let h: InboundHarness;

  beforeEach(async () => {
    ai = await FakeChatCompletionsServer.start();
    h = await inboundHarness({
      AI_API_URL: `${ai.url}/v1`,
      AI_API_KEY: 'sk-test-chat',
      AI_MODEL: 'llama3.1:8b',
      AI_TIMEOUT_SECONDS: '1',
    });
    const tenant = { id: h.tenantId } as Parameters<typeof aUser>[0];
    await aUser(tenant, { phone: REP, role: 'sales', name: 'Rita' });
    await aUser(tenant, { phone: GUIDE, role: 'field_staff', name: 'Gabi' });
  });
  afterEach(() => ai.close());

  const configure = (changes: Partial<AutoResponderSettings>) =>
    h.container
      .get<AutoResponderSettingsRepository>(TYPES.AutoResponderSettings)
      .save(h.tenantId, { ...defaultSettings(), ...changes }, 'test');
  const aiOn = (more: Partial<AutoResponderSettings['ai']> = {}) => ({
    ai: { enabled: true, instructions: INSTRUCTIONS, maxRepliesPerConversation: 5, ...more },
  });
  const answerWithAi = () => h.container.get<AnswerWithAi>(TYPES.AnswerWithAi).execute();
  const outbound = (phone: string) =>
    knex()('whatsapp_messages')
      .where({ direction: 'OUTBOUND', customer_phone: phone })
      .orderBy('created_at')
      .select('origin', knex().raw(`content->>'text' AS text`));
  const leads = () => knex()('leads').where({ tenant_id: h.tenantId }).orderBy('created_at');
  const closedAllWeek = {
    timezone: 'America/Argentina/Buenos_Aires',
    // The harness's clock says Thursday 2026-09-10 04:00 UTC: 01:00 in Buenos Aires.
    businessHours: { thursday: ['09:00-18:00'] },
  };

  it('sends nothing to the AI while it is off (the default): the lead and its confirmation as before', async () => {
    expect(await say(h, ANA, 'Hi! 4 people for Iguazu in March?')).to.deep.equal([
      'Thanks for your message! Your enquiry is LD-1; one of our team will get back to you shortly.',
    ]);
    expect(await answerWithAi()).to.deep.equal([]);
    expect(ai.received).to.deep.equal([]);
  });

  it('leaves the tenant’s instructions out of the prompt on a plan without custom_ai_instructions', async () => {
    await configure(aiOn());
    const overrides = JSON.stringify({ features: { custom_ai_instructions: false } });
    await knex()('tenants').where({ id: h.tenantId }).update({ plan_overrides: overrides });
    ai.answers = [{ reply: 'We run treks from October to April.' }];
    await say(h, ANA, 'Do you have treks in winter?');
    expect(await answerWithAi()).to.deep.equal(['answered']);
    const [system] = ai.received[0].messages;
    expect(system.role).to.equal('system');
    expect(system.content).not.to.include(INSTRUCTIONS);
  });

  it('answers with the AI after the routing commits: model, instructions and the customer’s text sent; the reply marked origin "ai"', async () => {
    await configure(aiOn());
    ai.answers = [{ reply: 'Our treks run from October to April. Which month suits you?' }];
    expect(
      await say(h, ANA, 'Do you have treks in winter?', { name: 'Ana' }),
      'nothing before the AI answers',
    ).to.deep.equal([]);
    expect(ai.received, 'not called inside the routing transaction').to.deep.equal([]);
    expect(await answerWithAi()).to.deep.equal(['answered']);
    const [request] = ai.received;
    expect(request.authorization).to.equal('Bearer sk-test-chat');
    expect(request.model).to.equal('llama3.1:8b');
    expect(request.messages[0]).to.deep.equal({ role: 'system', content: INSTRUCTIONS });
    expect(request.messages[1].role).to.equal('system');
    expect(request.messages[1].content).to.include('Answer in English').and.include('no open enquiry');
    expect(request.messages.at(-1)).to.deep.equal({ role: 'user', content: 'Do you have treks in winter?' });
    expect(await outbound(ANA)).to.deep.equal([
      { origin: 'ai', text: 'Our treks run from October to April. Which month suits you?' },
    ]);
    const [entry] = await knex()('timeline_entries').where({
      tenant_id: h.tenantId,
      entity_type: 'conversation',
    });
    expect(entry.content).to.include({
      action: 'AI_REPLY',
      origin: 'ai',
      text: 'Our treks run from October to April. Which month suits you?',
    });
    const { apiKey } = await aUser({ id: h.tenantId } as Parameters<typeof aUser>[0], { role: 'manager' });
    const listed = await h.http
      .get('/api/v1/messages')
      .query({ phone: ANA, direction: 'OUTBOUND' })
      .set('authorization', `Bearer ${apiKey}`);
    expect(listed.body.data.map((m: { origin: string }) => m.origin)).to.deep.equal(['ai']);
    expect(await leads(), 'the AI answered: no lead yet').to.have.length(0);
    expect(await answerWithAi(), 'answered once').to.deep.equal([]);
  });

  it('gives the AI the customer’s last messages, open lead and bookings, and answers a Spanish customer in Spanish', async () => {
    await say(h, LUCIA, 'Hola, somos 2 personas para diciembre');
    await knex()('bookings').insert({
      tenant_id: h.tenantId,
      ref: 'BK-7',
      customer_phone: LUCIA,
      party_size: 2,
      amount: '900.00',
      currency: 'USD',
      status: 'pending_payment',
    });
    await knex()('bookings').insert({
      tenant_id: h.tenantId,
      ref: 'BK-8',
      customer_phone: ANA,
      party_size: 1,
      amount: '450.00',
      currency: 'USD',
    });
    await configure(aiOn());
    ai.answers = [{ reply: 'En diciembre tenemos salidas todos los sábados.' }];
    await say(h, LUCIA, '¿Qué días salen en diciembre?');
    expect(await answerWithAi()).to.deep.equal(['answered']);
    const [request] = ai.received;
    expect(request.messages[1].content)
      .to.include('Answer in Spanish')
      .and.include('"ref":"LD-1"')
      .and.include('"partySize":2');
    expect(request.messages[1].content)
      .to.include('"ref":"BK-7","status":"pending_payment"')
      .and.include('"total":"900.00 USD"');
    expect(JSON.stringify(request.messages), 'nothing of another customer').to.not.include('BK-8');
    expect(request.messages.slice(2)).to.deep.equal([
      { role: 'user', content: 'Hola, somos 2 personas para diciembre' },
      { role: 'assistant', content: (await outbound(LUCIA))[0].text },
      { role: 'user', content: '¿Qué días salen en diciembre?' },
    ]);
    expect((await outbound(LUCIA)).at(-1)).to.deep.equal({
      origin: 'ai',
      text: 'En diciembre tenemos salidas todos los sábados.',
    });
    const onLead = await knex()('timeline_entries')
      .where({ tenant_id: h.tenantId, entity_type: 'lead' })
      .orderBy('created_at');
    expect(onLead.map((e) => e.content.action ?? e.content.text)).to.include('AI_REPLY');
  });

  it('leaves messages without words (a voice note) to the lead path', async () => {
    await configure(aiOn());
    expect(await say(h, ANA, '', { type: 'audio' })).to.deep.equal([
      'Thanks for your message! Your enquiry is LD-1; one of our team will get back to you shortly.',
    ]);
    expect(await answerWithAi()).to.deep.equal([]);
    expect(ai.received).to.deep.equal([]);
  });

  it('applies the rules before the AI; a rule with handoff also opens the lead and alerts the rep', async () => {
    await configure({
      ...aiOn(),
      rules: [
        {
          match: { keywords: ['price', 'precio'] },
          reply: { text: 'Treks start at USD 450.' },
          handoff: false,
        },
        {
          match: { pattern: '\\bbook(ing)?\\b.*\\bgroup\\b' },
          reply: { text: 'A rep will call you.' },
          handoff: true,
        },
      ],
    });
    expect(await say(h, ANA, 'What is the PRICE?')).to.deep.equal(['Treks start at USD 450.']);
    expect(await say(h, LUCIA, 'I want to book for a group of 12')).to.deep.equal(['A rep will call you.']);
    expect(await answerWithAi()).to.deep.equal([]);
    expect(ai.received, 'rules answered: the AI was not asked').to.deep.equal([]);
    expect((await outbound(ANA))[0].origin).to.equal('auto');
    const [lead] = await leads();
    expect(lead).to.include({ customer_phone: LUCIA, ref: 'LD-1' });
    expect(await queuedTo(REP)).to.deep.equal([
      `New lead LD-1 from Someone (${LUCIA}): I want to book for a group of 12`,
    ]);
  });

  it('outside business hours sends the away message once per conversation per 12 hours, and still records the lead', async () => {
    await configure({ ...closedAllWeek, awayMessage: 'We are closed now; we answer from 9am.' });
    expect(await say(h, ANA, '2 people for Iguazu?')).to.deep.equal([
      'We are closed now; we answer from 9am.',
    ]);
    expect(await leads(), 'the enquiry is not lost').to.have.length(1);
    expect(await say(h, ANA, 'In March')).to.deep.equal([]);
    h.clock.set('2026-09-10T15:59:00Z'); // 11h59 later, and now within hours: nothing automatic
    expect(await say(h, ANA, 'hello?')).to.deep.equal([]);
    h.clock.set('2026-09-11T04:00:01Z'); // 24 h later, closed again
    expect(await say(h, ANA, 'anyone?')).to.deep.equal(['We are closed now; we answer from 9am.']);
    expect((await outbound(ANA)).map((m) => m.origin)).to.deep.equal(['auto', 'auto']);
  });

  it('hands off to the lead path with the rep alerted when the AI fails, answers late, or is asked for a person', async () => {
    await configure(aiOn());
    ai.answers = [{ status: 500, message: 'The server had an error' }, { hangMs: 1500 }];
    await say(h, ANA, 'Do you go to Iguazu?');
    expect(await answerWithAi()).to.deep.equal(['handed_off']);
    expect(await queuedTo(ANA)).to.deep.equal([
      'Thanks for your message! Your enquiry is LD-1; one of our team will get back to you shortly.',
    ]);
    expect(await queuedTo(REP)).to.deep.equal([`New lead LD-1 from Someone (${ANA}): Do you go to Iguazu?`]);

    const started = Date.now();
    await say(h, ANA, 'And Salta?');
    expect(await answerWithAi()).to.deep.equal(['handed_off']);
    expect(Date.now() - started, 'the 1 s limit held').to.be.below(1400);
    expect((await queuedTo(ANA)).at(-1)).to.equal('A person from our team will answer you shortly.');
    expect((await queuedTo(REP)).at(-1)).to.equal(
      `LD-1: Someone (${ANA}) needs a person (ai timeout): And Salta?`,
    );

    const before = ai.received.length;
    expect(await say(h, LUCIA, 'Quiero hablar con una persona, por favor')).to.deep.equal([
      '¡Gracias por tu mensaje! Tu consulta es LD-2; alguien de nuestro equipo te responderá en breve.',
    ]);
    expect(ai.received.length, 'asking for a person never reaches the AI').to.equal(before);
    expect((await queuedTo(REP)).at(-1)).to.match(/^New lead LD-2 /);
    const outcomes = await knex()('auto_responder_ai_requests').orderBy('created_at').pluck('outcome');
    expect(outcomes).to.deep.equal(['ai_error', 'ai_timeout']);
  });

  it('hands off after maxRepliesPerConversation, when the plan’s AI conversations are used up, and on a plan without AI', async () => {
    const CARLA = '+5491155550413';
    await configure(aiOn({ maxRepliesPerConversation: 1 }));
    // One AI conversation a month: Ana's uses it.
    await knex()('tenants')
      .where({ id: h.tenantId })
      .update({ plan_overrides: JSON.stringify({ limits: { ai_conversations: 1 } }) });
    await say(h, ANA, 'Do you have treks in winter?');
    expect(await answerWithAi()).to.deep.equal(['answered']);
    expect(
      await say(h, ANA, 'And in summer?'),
      'a second AI reply would pass maxRepliesPerConversation',
    ).to.deep.equal([
      'Thanks for your message! Your enquiry is LD-1; one of our team will get back to you shortly.',
    ]);
    expect(
      await say(h, LUCIA, 'Hola, ¿tienen excursiones en invierno?'),
      'the month’s AI conversations are used up',
    ).to.deep.equal([
      '¡Gracias por tu mensaje! Tu consulta es LD-2; alguien de nuestro equipo te responderá en breve.',
    ]);
    const usage = await knex()('usage_counters')
      .where({ tenant_id: h.tenantId, counter: 'ai_conversations' })
      .first();
    expect(Number(usage.used)).to.equal(1);
    await knex()('tenants').where({ id: h.tenantId }).update({ plan: 'starter', plan_overrides: '{}' });
    expect(await say(h, CARLA, 'Do you have treks in spring?'), 'no AI responses in the plan').to.deep.equal([
      'Thanks for your message! Your enquiry is LD-3; one of our team will get back to you shortly.',
    ]);
    expect(await answerWithAi()).to.deep.equal([]);
    expect(ai.received).to.have.length(1);
    expect((await queuedTo(REP)).filter((t) => t.startsWith('New lead'))).to.have.length(3);
  });

  it('never answers staff automatically, whatever the rules, hours or AI say', async () => {
    await configure({
      ...aiOn(),
      ...closedAllWeek,
      awayMessage: 'Closed.',
      greeting: 'Welcome!',
      rules: [{ match: { keywords: ['status', 'help'] }, reply: { text: 'Rule reply' }, handoff: true }],
    });
    const answers = await say(h, GUIDE, 'help');
    expect(answers).to.have.length(1);
    expect(answers[0]).to.not.match(/Rule reply|Closed|Welcome/);
    expect(await knex()('auto_responder_ai_requests')).to.deep.equal([]);
    expect(await outbound(GUIDE).then((rows) => rows.map((r) => r.origin))).to.deep.equal([null]);
  });

  it('greets a customer’s first message only, in the same message as the answer', async () => {
    await configure({ greeting: 'Welcome to Andes Treks!' });
    expect(await say(h, ANA, '2 people for Iguazu?')).to.deep.equal([
      'Welcome to Andes Treks!\n\nThanks for your message! Your enquiry is LD-1; one of our team will get back to you shortly.',
    ]);
    expect(await say(h, ANA, 'In March')).to.deep.equal([]);
  });
});
