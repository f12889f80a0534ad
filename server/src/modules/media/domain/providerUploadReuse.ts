import type { ProviderUpload } from './sendableMedia';

/**
 * Meta keeps an uploaded file for 30 days; a day's margin covers a send that is retried later.
 * After that the file is uploaded again.
 */
export const UPLOAD_REUSE_MS = 29 * 24 * 3_600_000;

/** The earlier upload's id, if it was made to the same provider and number and has not expired. */
export function reusableUpload(
  upload: ProviderUpload | undefined,
  target: { provider: string; account: string },
  now: Date,
): string | undefined {
  if (!upload || upload.provider !== target.provider || upload.account !== target.account) return undefined;
  // An upload stamped a little ahead (another instance's clock) is as good as a fresh one.
  const age = now.getTime() - upload.uploadedAt.getTime();
  return age < UPLOAD_REUSE_MS ? upload.providerMediaId : undefined;
}
