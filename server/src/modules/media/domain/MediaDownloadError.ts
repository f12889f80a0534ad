import { AppError } from '../../../shared/errors/AppError';

/**
 * Why a media download did not succeed. `retryable` decides between "try again later" (network,
 * 5xx, rate limits, an expired download URL) and "give up now" (bad credentials, unknown media,
 * too large). `code` is stable (`GRAPH_190`, `HTTP_500`, `MEDIA_TOO_LARGE`, …) and is what the
 * row's `error` starts with.
 */
export class MediaDownloadError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryable: boolean,
    details?: Record<string, unknown>,
  ) {
    super(code, message, details);
  }

  static tooLarge(bytes: number, limit: number): MediaDownloadError {
    return new MediaDownloadError('MEDIA_TOO_LARGE', `${bytes} bytes exceed the limit of ${limit}`, false, {
      bytes,
      limit,
    });
  }
}
