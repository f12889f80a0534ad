/**
 * Where downloaded media bytes live. Keys are relative paths such as
 * `<tenantId>/<yyyy>/<mm>/<mediaId>.<ext>`; a `put` is all-or-nothing.
 */
export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** Undefined when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | undefined>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}
