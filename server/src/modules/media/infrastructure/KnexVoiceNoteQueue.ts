import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { ClaimedVoiceNote, VoiceNoteQueue } from '../domain/VoiceNote';

interface ClaimedRow {
  id: string;
  tenant_id: string;
  message_id: string;
  status: 'stored' | 'failed';
  storage_key: string | null;
  mime_type: string | null;
  transcription_attempts: number;
  customer_phone: string;
  conversation_id: string | null;
  provider_message_id: string | null;
  sent_at: Date;
}

/** Voice notes to transcribe, claimed under a lease like downloads (`transcription_locked_until`). */
@injectable()
export class KnexVoiceNoteQueue implements VoiceNoteQueue {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async claim(limit: number, now: Date, leaseUntil: Date): Promise<ClaimedVoiceNote[]> {
    const { rows } = await this.db.q.raw<{ rows: ClaimedRow[] }>(
      `UPDATE whatsapp_media m
          SET transcription_locked_until = ?::timestamptz, transcription_attempts = m.transcription_attempts + 1
         FROM (SELECT id FROM whatsapp_media
                WHERE transcription_status = 'pending' AND status IN ('stored', 'failed')
                  AND transcription_available_at <= ?::timestamptz
                  AND (transcription_locked_until IS NULL OR transcription_locked_until < ?::timestamptz)
                ORDER BY transcription_available_at
                LIMIT ? FOR UPDATE SKIP LOCKED) due,
              whatsapp_messages msg
        WHERE m.id = due.id AND msg.id = m.message_id
        RETURNING m.id, m.tenant_id, m.message_id, m.status, m.storage_key, m.mime_type,
                  m.transcription_attempts, msg.customer_phone, msg.conversation_id, msg.provider_message_id,
                  COALESCE(msg.provider_timestamp, msg.created_at) AS sent_at`,
      [leaseUntil.toISOString(), now.toISOString(), now.toISOString(), limit],
    );
    return rows.map((r) => ({
      mediaId: r.id,
      tenantId: r.tenant_id,
      messageId: r.message_id,
      mediaStatus: r.status,
      storageKey: r.storage_key ?? undefined,
      mimeType: r.mime_type ?? undefined,
      attempts: Number(r.transcription_attempts),
      senderPhone: r.customer_phone,
      conversationId: r.conversation_id ?? undefined,
      providerMessageId: r.provider_message_id ?? undefined,
      sentAt: r.sent_at,
    }));
  }

  finish(note: ClaimedVoiceNote, outcome: { transcript: string } | { error: string }): Promise<boolean> {
    return this.update(
      note,
      'transcript' in outcome
        ? { transcription_status: 'done', transcript: outcome.transcript, transcription_error: null }
        : { transcription_status: 'failed', transcription_error: outcome.error },
    );
  }

  retryLater(note: ClaimedVoiceNote, error: string, availableAt: Date): Promise<boolean> {
    return this.update(note, {
      transcription_error: error,
      transcription_available_at: availableAt.toISOString(),
    });
  }

  private async update(note: ClaimedVoiceNote, values: Record<string, unknown>): Promise<boolean> {
    const updated = await this.db
      .q('whatsapp_media')
      .where({ id: note.mediaId, transcription_attempts: note.attempts, transcription_status: 'pending' })
      .update({ ...values, transcription_locked_until: null });
    return updated > 0;
  }
}
