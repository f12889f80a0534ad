import crypto from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { DownloadMedia } from '../../../src/modules/media/application/DownloadMedia';
import type { TranscribeVoiceNotes } from '../../../src/modules/media/application/TranscribeVoiceNotes';
import { TYPES } from '../../../src/types';
import { aUser } from '../../support/builders';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { FakeTranscriptionServer } from '../../support/FakeTranscriptionServer';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { queuedTo, say } from '../../support/whatsappConversation';

const knex = () => testDb().knex;
const GUIDE = '+5491155550301';
const CUSTOMER = '+5491155550302';

describe('voice notes (SPEC §22): transcribed through an OpenAI-compatible API', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wa-ops-voice-'));
  let graph: FakeProviderServer;
  let speech: FakeTranscriptionServer;
  let h: InboundHarness;
  let tripId: string;

  beforeEach(async () => {
    graph = await FakeProviderServer.start();
    speech = await FakeTranscriptionServer.start();
    graph.tokens.add('EAAG-fixture');
    h = await inboundHarness({
      WHATSAPP_ENABLE_MEDIA: 'true',
      WHATSAPP_API_BASE_URL: graph.url,
      DATA_DIR: dataDir,
      TRANSCRIPTION_API_URL: speech.url,
      TRANSCRIPTION_API_KEY: 'sk-test-transcription',
    });
    const tenant = { id: h.tenantId } as Parameters<typeof aUser>[0];
    const guide = await aUser(tenant, { phone: GUIDE, role: 'field_staff', name: 'Gabi' });
    await aUser(tenant, { phone: '+5491155550309', role: 'operations' });
    [{ id: tripId }] = await knex()('trips')
      .insert({ tenant_id: h.tenantId, code: 'TRP123', name: 'Glaciers', departure_date: '2026-12-01' })
      .returning('id');
    await knex()('trip_assignments').insert({ tenant_id: h.tenantId, trip_id: tripId, user_id: guide.id });
  });
  afterEach(async () => {
    await graph.close();
    await speech.close();
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  /** A voice note from `phone`: delivered, routed, downloaded; returns what was queued to the sender so far. */
  async function sendVoiceNote(phone: string, at?: Date) {
    const bytes = crypto.randomBytes(4000);
    const mediaId = String(crypto.randomInt(1e9, 1e10));
    graph.addMetaMedia({ id: mediaId, bytes, mimeType: 'audio/ogg; codecs=opus' });
    const sha256 = crypto.createHash('sha256').update(bytes).digest('base64');
    const immediate = await say(h, phone, '', { type: 'audio', mediaId, sha256, at });
    h.clock.set(new Date(Date.now() + 1000));
    await h.container.get<DownloadMedia>(TYPES.MediaDownloader).execute();
    return { bytes, immediate };
  }
  const transcribe = () => h.container.get<TranscribeVoiceNotes>(TYPES.TranscribeVoiceNotes).execute();

  it('runs a guide’s spoken command once the words are known, and keeps them on the media and the timeline', async () => {
    speech.texts = ['Issue TRP 123, flat tyre at kilometre 40.'];
    const { bytes, immediate } = await sendVoiceNote(GUIDE);
    expect(immediate).to.deep.equal([]);
    expect(await transcribe()).to.deep.equal(['transcribed']);
    const [received] = speech.received;
    expect(received).to.include({ authorization: 'Bearer sk-test-transcription', model: 'whisper-1' });
    expect(received.filename).to.match(/\.ogg$/);
    expect(received.bytes.equals(bytes)).to.equal(true);
    expect(await queuedTo(GUIDE)).to.deep.equal([
      'Incident INC-1 recorded on TRP123; operations have been alerted.',
    ]);
    const incident = await knex()('incidents').first();
    expect(incident.description).to.equal('flat tyre at kilometre 40');
    const media = await knex()('whatsapp_media').first();
    expect(media).to.include({
      transcription_status: 'done',
      transcript: 'Issue TRP 123, flat tyre at kilometre 40.',
    });
    const [entry] = await knex()('timeline_entries').whereRaw(
      `content->>'action' = 'VOICE_NOTE_TRANSCRIBED'`,
    );
    expect(entry).to.include({ entity_type: 'conversation', event_type: 'MESSAGE' });
    expect(entry.content.text).to.equal('Issue TRP 123, flat tyre at kilometre 40.');
    expect(await transcribe()).to.deep.equal([]);
  });

  it('files a voice note that is not a command on the guide’s current trip, with its words', async () => {
    speech.texts = ['Everybody is on the boat, the weather is great.'];
    await say(h, GUIDE, 'CHECKIN TRP123');
    await sendVoiceNote(GUIDE);
    await transcribe();
    expect((await queuedTo(GUIDE)).slice(-1)).to.deep.equal(['Thanks, filed on TRP123.']);
    const [filed] = await knex()('timeline_entries')
      .where({ entity_id: tripId })
      .whereRaw(`content->>'action' = 'MEDIA_ADDED'`);
    expect(filed.content).to.include({
      mediaType: 'audio',
      transcript: 'Everybody is on the boat, the weather is great.',
    });
  });

  it('tries again after a server error, and still answers the guide when the words never come', async () => {
    speech.failWith = [503];
    speech.texts = ['Status TRP123'];
    await sendVoiceNote(GUIDE);
    expect(await transcribe()).to.deep.equal(['retrying']);
    await knex()('whatsapp_media').update({ transcription_available_at: new Date(0) });
    expect(await transcribe()).to.deep.equal(['transcribed']);
    expect((await queuedTo(GUIDE))[0]).to.match(/^TRP123 — Glaciers/);

    speech.failWith = [400];
    await sendVoiceNote(GUIDE, new Date(Date.now() + 3 * 3_600_000));
    expect(await transcribe()).to.deep.equal(['failed']);
    const failed = await knex()('whatsapp_media').where({ transcription_status: 'failed' }).first();
    expect(failed.transcription_error).to.match(/answered 400/);
    expect((await queuedTo(GUIDE)).slice(-1)).to.deep.equal([
      'Which trip is this for? Reply with the trip code (for example TRP123) and I will file it.',
    ]);
  });

  it('puts a customer’s words on their lead without answering again', async () => {
    speech.texts = ['Hi, we are four people and want to visit the glaciers in December'];
    const { immediate } = await sendVoiceNote(CUSTOMER);
    expect(immediate).to.have.length(1);
    expect(immediate[0]).to.match(/Your enquiry is LD-1/);
    await transcribe();
    expect(await queuedTo(CUSTOMER)).to.have.length(1);
    const lead = await knex()('leads').first();
    const words = await knex()('timeline_entries')
      .where({ entity_id: lead.id })
      .whereRaw(`content->>'text' = ?`, [
        'Hi, we are four people and want to visit the glaciers in December',
      ]);
    expect(words).to.have.length(1);
  });

  it('sends no audio to the transcription service on a plan without voice_transcription (SPEC §17)', async () => {
    await knex()('tenants').where({ id: h.tenantId }).update({ plan: 'starter' });
    speech.texts = ['Issue TRP 123, flat tyre at kilometre 40.'];
    await sendVoiceNote(GUIDE);
    expect(await transcribe()).to.deep.equal(['failed']);
    expect(speech.received).to.deep.equal([]);
    expect(await knex()('incidents').first()).to.equal(undefined);
    const media = await knex()('whatsapp_media').first();
    expect(media.transcription_error).to.include('voice_transcription');
  });
});
