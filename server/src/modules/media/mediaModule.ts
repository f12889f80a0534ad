import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { MediaDownloadWorker } from '../../whatsapp/media/MediaDownloadWorker';
import { ProviderMediaFetchers } from '../../whatsapp/media/ProviderMediaFetchers';
import { DownloadMedia } from './application/DownloadMedia';
import { StoreUploadedMedia } from './application/StoreUploadedMedia';
import { FileMediaStorage } from './infrastructure/FileMediaStorage';
import { KnexMediaRepository } from './infrastructure/KnexMediaRepository';
import { KnexSendableMedia } from './infrastructure/KnexSendableMedia';

export const mediaModule = new ContainerModule(({ bind }) => {
  bind(TYPES.MediaRepository).to(KnexMediaRepository);
  bind(TYPES.MediaStorage).to(FileMediaStorage);
  bind(TYPES.SendableMediaRepository).to(KnexSendableMedia);
  bind(TYPES.MediaFetchers).to(ProviderMediaFetchers);
  bind(TYPES.MediaDownloader).to(DownloadMedia);
  bind(TYPES.StoreUploadedMedia).to(StoreUploadedMedia);
  // Bound as itself too, so whoever records media can `wake()` it.
  bind(MediaDownloadWorker).toSelf();
  bind(TYPES.BackgroundWorkers).toService(MediaDownloadWorker);
});
