import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { DownloadMedia } from './application/DownloadMedia';
import { StoreUploadedMedia } from './application/StoreUploadedMedia';
import { TranscribeVoiceNotes } from './application/TranscribeVoiceNotes';
import { FileMediaStorage } from './infrastructure/FileMediaStorage';
import { KnexMediaRepository } from './infrastructure/KnexMediaRepository';
import { KnexSendableMedia } from './infrastructure/KnexSendableMedia';
import { KnexVoiceNoteQueue } from './infrastructure/KnexVoiceNoteQueue';
import { OpenAiTranscriber } from './infrastructure/OpenAiTranscriber';

export const mediaModule = new ContainerModule(({ bind }) => {
  bind(TYPES.MediaRepository).to(KnexMediaRepository);
  bind(TYPES.MediaStorage).to(FileMediaStorage);
  bind(TYPES.SendableMediaRepository).to(KnexSendableMedia);
  bind(TYPES.MediaDownloader).to(DownloadMedia);
  bind(TYPES.StoreUploadedMedia).to(StoreUploadedMedia);
  bind(TYPES.Transcriber).to(OpenAiTranscriber);
  bind(TYPES.VoiceNoteQueue).to(KnexVoiceNoteQueue);
  bind(TYPES.TranscribeVoiceNotes).to(TranscribeVoiceNotes);
});
