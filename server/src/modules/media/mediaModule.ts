import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { DownloadMedia } from './application/DownloadMedia';
import { StoreUploadedMedia } from './application/StoreUploadedMedia';
import { FileMediaStorage } from './infrastructure/FileMediaStorage';
import { KnexMediaRepository } from './infrastructure/KnexMediaRepository';
import { KnexSendableMedia } from './infrastructure/KnexSendableMedia';

export const mediaModule = new ContainerModule(({ bind }) => {
  bind(TYPES.MediaRepository).to(KnexMediaRepository);
  bind(TYPES.MediaStorage).to(FileMediaStorage);
  bind(TYPES.SendableMediaRepository).to(KnexSendableMedia);
  bind(TYPES.MediaDownloader).to(DownloadMedia);
  bind(TYPES.StoreUploadedMedia).to(StoreUploadedMedia);
});
