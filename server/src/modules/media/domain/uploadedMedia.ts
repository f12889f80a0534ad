import type { MediaType } from './mediaTypes';

/** MIME types WhatsApp accepts for sending, by the media type they go out as. */
const SENDABLE: Record<string, MediaType> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'sticker',
  'video/mp4': 'video',
  'video/3gpp': 'video',
  'audio/aac': 'audio',
  'audio/amr': 'audio',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/ogg': 'audio',
  'application/pdf': 'document',
  'text/plain': 'document',
  'application/msword': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.ms-excel': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.ms-powerpoint': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
};

export const SENDABLE_MIME_TYPES = Object.keys(SENDABLE);

/** `audio/ogg; codecs=opus` → audio; undefined for a type WhatsApp would refuse. */
export function sendableMediaType(mimeType: string): MediaType | undefined {
  return SENDABLE[mimeType.split(';')[0].trim().toLowerCase()];
}

/** A file uploaded through the API to be sent later (the provider upload happens at send time). */
export interface UploadedMedia {
  id: string;
  tenantId: string;
  type: MediaType;
  mimeType: string;
  filename?: string;
  sha256: string;
  sizeBytes: number;
  storageKey: string;
  storedAt: Date;
}
