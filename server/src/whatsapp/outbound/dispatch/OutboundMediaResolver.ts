import { inject, injectable } from 'inversify';
import { isUuid } from '../../../modules/lead/domain/isUuid';
import { reusableUpload } from '../../../modules/media/domain/providerUploadReuse';
import type { MediaStorage } from '../../../modules/media/domain/MediaStorage';
import type { SendableMedia, SendableMediaRepository } from '../../../modules/media/domain/sendableMedia';
import { uploadMimeType } from '../../../modules/media/domain/uploadMimeType';
import type { Clock } from '../../../shared/clock/Clock';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import { ProviderError } from '../provider/ProviderError';
import type { SendingAccount, SessionMessage, WhatsappProviders } from '../provider/WhatsappProvider';

const notFound = (id: string) =>
  new ProviderError(
    'permanent',
    'media_not_found',
    `uploaded media ${id} is not stored (deleted, or never uploaded)`,
  );

/**
 * Media sent by the id of a file uploaded through the API goes out by the provider's media id
 * (SPEC §8): the file is uploaded to the provider at send time, outside any transaction, and the
 * provider's id is remembered on the file so a retry or another send does not upload it again
 * (until it is about to expire). Upload failures are ProviderErrors like a send's. Concurrent
 * sends of the same file in this process share one upload. Links and ids that are not ours (a
 * provider media id given directly) pass through unchanged; Twilio, which has no upload API,
 * refuses uploaded media permanently (its adapter says so).
 */
@injectable()
export class OutboundMediaResolver {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    @inject(TYPES.SendableMediaRepository) private readonly media: SendableMediaRepository,
    @inject(TYPES.MediaStorage) private readonly storage: MediaStorage,
    @inject(TYPES.WhatsappProviders) private readonly providers: WhatsappProviders,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async resolve(
    account: SendingAccount,
    message: SessionMessage,
    signal?: AbortSignal,
  ): Promise<SessionMessage> {
    if (message.kind !== 'media' || !message.mediaId || !isUuid(message.mediaId)) return message;
    const file = await this.media.find(account.tenantId, message.mediaId);
    if (!file) throw notFound(message.mediaId);
    const target = { provider: account.provider, account: accountKey(account) };
    const reused = reusableUpload(file.upload, target, this.clock.now());
    const mediaId = reused ?? (await this.uploadOnce(account, file, target, signal));
    // A document shows its name to the recipient: the uploaded file's, unless the message gives one.
    const filename =
      message.mediaType === 'document' ? (message.filename ?? file.filename) : message.filename;
    return { ...message, mediaId, ...(filename === undefined ? {} : { filename }) };
  }

  private uploadOnce(
    account: SendingAccount,
    file: SendableMedia,
    target: { provider: string; account: string },
    signal?: AbortSignal,
  ): Promise<string> {
    const key = `${file.tenantId}/${file.id}/${target.provider}/${target.account}`;
    let upload = this.inFlight.get(key);
    if (!upload) {
      upload = this.upload(account, file, target, signal).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, upload);
    }
    return upload;
  }

  private async upload(
    account: SendingAccount,
    file: SendableMedia,
    target: { provider: string; account: string },
    signal?: AbortSignal,
  ): Promise<string> {
    const bytes = await this.storage.get(file.storageKey);
    if (!bytes) throw notFound(file.id);
    const provider = this.providers.forProvider(account.provider);
    const { mediaId } = await provider.uploadMedia(
      account,
      { bytes, mimeType: uploadMimeType(file.mimeType), filename: file.filename },
      signal,
    );
    const upload = { providerMediaId: mediaId, ...target, uploadedAt: this.clock.now() };
    try {
      await this.media.rememberUpload(file.tenantId, file.id, upload);
    } catch (error) {
      // The upload worked: send with it; only a later send of the file uploads again.
      this.logger.warn({ err: error, mediaId: file.id }, 'could not remember the provider media id');
    }
    this.logger.info(
      { mediaId: file.id, tenantId: file.tenantId, provider: target.provider, sizeBytes: bytes.length },
      'media uploaded to the provider',
    );
    return mediaId;
  }
}

/** Provider media ids belong to the number they were uploaded through. */
const accountKey = (account: SendingAccount): string => account.phoneNumberId ?? account.phoneNumber ?? '';
