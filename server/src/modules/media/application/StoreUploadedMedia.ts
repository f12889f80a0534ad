import { createHash, randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { BusinessRuleError, ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import { isAllowed } from '../../identity/domain/PermissionPolicy';
import type { MediaRepository } from '../domain/Media';
import { MAX_MEDIA_BYTES } from '../domain/mediaTypes';
import type { MediaStorage } from '../domain/MediaStorage';
import { mediaStorageKey } from '../domain/mediaStorageKey';
import { SENDABLE_MIME_TYPES, sendableMediaType, type UploadedMedia } from '../domain/uploadedMedia';

export interface StoreUploadedMediaInput {
  actor: Actor;
  bytes: Buffer;
  mimeType: string;
  filename?: string;
}

/**
 * `POST /media`: keeps a file to send later by id. It is checked against WhatsApp's types and
 * size limits now; the upload to the provider happens when a message uses it.
 */
@injectable()
export class StoreUploadedMedia {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.MediaRepository) private readonly media: MediaRepository,
    @inject(TYPES.MediaStorage) private readonly storage: MediaStorage,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.Clock) private readonly clock: Clock,
  ) {}

  async execute({ actor, bytes, mimeType, filename }: StoreUploadedMediaInput): Promise<UploadedMedia> {
    if (!isAllowed(actor.role, 'broadcast')) assertAllowed(actor, 'manage_conversations');
    const type = sendableMediaType(mimeType);
    if (!type)
      throw new ValidationError(`Content-Type must be one of ${SENDABLE_MIME_TYPES.join(', ')}`, [
        { field: 'content-type', message: 'not a media type WhatsApp accepts', in: 'header' },
      ]);
    if (!bytes.length)
      throw new ValidationError('The body is empty', [
        { field: 'body', message: 'must not be empty', in: 'body' },
      ]);
    if (bytes.length > MAX_MEDIA_BYTES[type])
      throw new BusinessRuleError(
        'MEDIA_TOO_LARGE',
        `A ${type} may be at most ${MAX_MEDIA_BYTES[type]} bytes`,
        {
          limit: MAX_MEDIA_BYTES[type],
        },
      );
    const now = this.clock.now();
    const id = randomUUID();
    const normalizedMime = mimeType.split(';')[0].trim().toLowerCase();
    const storageKey = mediaStorageKey(
      { id, tenantId: actor.tenantId, mimeType: normalizedMime, filename },
      now,
    );
    const media: UploadedMedia = {
      id,
      tenantId: actor.tenantId,
      type,
      mimeType: mimeType.trim(),
      filename,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sizeBytes: bytes.length,
      storageKey,
      storedAt: now,
    };
    await this.storage.put(storageKey, bytes);
    try {
      await this.unitOfWork.run(async () => {
        await this.media.addUploaded(media);
        await this.audit.record({
          tenantId: actor.tenantId,
          actor: actorLabel(actor),
          action: 'MEDIA_UPLOADED',
          entityType: 'media',
          entityId: id,
          details: { type, mimeType: media.mimeType, sizeBytes: media.sizeBytes },
        });
      });
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
    return media;
  }
}
