import type { Container } from 'inversify';
import Joi from 'joi';
import type { Database } from '../../../shared/db/Database';
import { ConflictError, NotFoundError, PermissionError } from '../../../shared/errors/AppError';
import { defineRoute, type RouteDefinition } from '../../../shared/http/api/RouteDefinition';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import { TYPES } from '../../../types';
import type { StoreUploadedMedia } from '../application/StoreUploadedMedia';
import { MEDIA_TYPES, type MediaType } from '../domain/mediaTypes';
import type { MediaStorage } from '../domain/MediaStorage';
import { SENDABLE_MIME_TYPES } from '../domain/uploadedMedia';
import type { Actor } from '../../identity/domain/Actor';
import { isAllowed } from '../../identity/domain/PermissionPolicy';
import { findMediaFile, isOnAssignedTrip, type MediaFile } from '../infrastructure/mediaQueries';

export const MEDIA_UPLOAD_LIMIT = '16mb';

const uploadedSchema = Joi.object({
  id: uuid().required().description('Send it with POST /messages media.id'),
  type: Joi.string()
    .valid(...MEDIA_TYPES)
    .required(),
  mimeType: Joi.string().required(),
  filename: nullable(Joi.string()),
  sha256: Joi.string().hex().length(64).required(),
  sizeBytes: Joi.number().integer().min(1).required(),
  storedAt: timestamp().required(),
}).label('UploadedMedia');

const INLINE = /^(image|video|audio)\//;

/**
 * A file is read through the entity it belongs to: the roles that read conversations read any
 * (customers' media arrive in conversations, uploads are sent into them); field staff only what
 * was filed on a trip they are assigned to.
 */
async function assertMayRead(db: Database, actor: Actor, file: MediaFile): Promise<void> {
  if (isAllowed(actor.role, 'manage_conversations')) return;
  const onTrip =
    file.messageId !== undefined &&
    actor.userId !== undefined &&
    (await isOnAssignedTrip(db, actor.tenantId, file.messageId, actor.userId));
  if (!onTrip)
    throw new PermissionError('This file is not on a trip you are assigned to', {
      reason: 'NOT_ON_ASSIGNED_TRIP',
      mediaId: file.id,
    });
}
const safeName = (name: string) => name.replace(/[^\w.-]+/g, '_').slice(0, 200);

export function mediaRoutes(container: Container): RouteDefinition[] {
  const db = container.get<Database>(TYPES.Database);
  const storage = container.get<MediaStorage>(TYPES.MediaStorage);
  return [
    defineRoute<unknown, unknown, { id: string }>({
      method: 'get',
      path: '/media/:id',
      tag: 'media',
      summary: 'The stored bytes of a media file (received or uploaded), with its content type',
      permission: ['manage_conversations', 'view_trip_status'],
      request: { params: Joi.object({ id: uuid().required() }) },
      description:
        'Sales, operations and managers read any file of the tenant; field staff only media filed on a trip they are assigned to (403 otherwise).',
      responses: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
      errors: [409],
      async handler({ actor, params: { id } }) {
        const file = await findMediaFile(db, actor.tenantId, id);
        if (!file) throw new NotFoundError('media', id);
        await assertMayRead(db, actor, file);
        if (file.status !== 'stored' || !file.storageKey)
          throw new ConflictError('MEDIA_NOT_STORED', `Media ${id} is ${file.status}, not stored`);
        const bytes = await storage.get(file.storageKey);
        if (!bytes) throw new NotFoundError('media', id);
        const contentType = file.mimeType ?? 'application/octet-stream';
        const disposition = INLINE.test(contentType) ? 'inline' : 'attachment';
        return {
          status: 200,
          bytes,
          contentType,
          headers: {
            'content-disposition': `${disposition}; filename="${safeName(file.filename ?? id)}"`,
            // Stored files come from customers: never let a browser run them on the API's origin.
            'content-security-policy': "default-src 'none'; sandbox",
          },
        };
      },
    }),
    defineRoute<unknown, { filename?: string }>({
      method: 'post',
      path: '/media',
      tag: 'media',
      summary: 'Upload a file to send later; the body is the file, Content-Type its MIME type',
      description: `Accepted: ${SENDABLE_MIME_TYPES.join(', ')}. WhatsApp's size limits per type apply (image 5 MB, video and audio 16 MB, sticker 500 KB; uploads through the API are capped at ${MEDIA_UPLOAD_LIMIT}).`,
      permission: ['manage_conversations', 'broadcast'],
      request: {
        query: Joi.object({
          filename: Joi.string().trim().max(200).description('Shown to the recipient of a document'),
        }),
        rawBody: { limit: MEDIA_UPLOAD_LIMIT, description: 'The file’s bytes' },
      },
      responses: { 201: { description: 'Stored', schema: uploadedSchema } },
      errors: [413, 422],
      async handler({ actor, query, req }) {
        const media = await container.get<StoreUploadedMedia>(TYPES.StoreUploadedMedia).execute({
          actor,
          bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          mimeType: req.headers['content-type'] ?? '',
          filename: query.filename,
        });
        const { id, type, mimeType, filename, sha256, sizeBytes, storedAt } = media;
        return {
          status: 201,
          body: {
            id,
            type: type as MediaType,
            mimeType,
            filename: filename ?? null,
            sha256,
            sizeBytes,
            storedAt,
          },
        };
      },
    }),
  ];
}
