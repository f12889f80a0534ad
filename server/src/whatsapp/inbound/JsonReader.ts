import { MalformedDeliveryError } from './MalformedDeliveryError';

/**
 * Light guards over parsed JSON that know their own path, so a failure names the exact field
 * (`entry[0].changes[1].value.messages[0].id`). The `required*` and list readers are strict (the
 * structure we route and deduplicate on); the plain readers are lenient and return undefined for a
 * missing or mistyped value, because message contents keep evolving and the raw object is stored.
 */
export class JsonReader {
  private constructor(
    readonly value: Record<string, unknown>,
    readonly path: string,
  ) {}

  static root(value: unknown): JsonReader {
    if (!isRecord(value)) throw new MalformedDeliveryError('body', 'is not a JSON object');
    return new JsonReader(value, '');
  }

  pathOf(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  fail(key: string, reason: string): never {
    throw new MalformedDeliveryError(this.pathOf(key), reason);
  }

  str(key: string): string | undefined {
    const value = this.value[key];
    return typeof value === 'string' ? value : undefined;
  }

  requiredStr(key: string): string {
    const value = this.str(key);
    if (value === undefined || value === '') this.fail(key, 'must be a non-empty string');
    return value;
  }

  /** Ids and codes that Meta sends sometimes as numbers (template ids, error codes). */
  id(key: string): string | undefined {
    const value = this.value[key];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  requiredId(key: string): string {
    return this.id(key) ?? this.fail(key, 'must be a non-empty string or number');
  }

  num(key: string): number | undefined {
    const value = this.value[key];
    const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
  }

  bool(key: string): boolean | undefined {
    const value = this.value[key];
    return typeof value === 'boolean' ? value : undefined;
  }

  /** Unix seconds, as a string (messages, statuses) or an integer (template `entry[].time`). */
  requiredUnixTime(key: string): Date {
    const value = this.value[key];
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^\d{1,12}$/.test(text)) this.fail(key, 'must be unix seconds');
    return new Date(Number(text) * 1000);
  }

  obj(key: string): JsonReader | undefined {
    const value = this.value[key];
    return isRecord(value) ? new JsonReader(value, this.pathOf(key)) : undefined;
  }

  requiredObj(key: string): JsonReader {
    return this.obj(key) ?? this.fail(key, 'must be an object');
  }

  record(key: string): Record<string, unknown> | undefined {
    return this.obj(key)?.value;
  }

  /** A list of objects; absent means empty, anything else that is not a list of objects is malformed. */
  list(key: string): JsonReader[] {
    const value = this.value[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(key, 'must be an array');
    return value.map((item, index) => {
      const path = `${this.pathOf(key)}[${index}]`;
      if (!isRecord(item)) throw new MalformedDeliveryError(path, 'must be an object');
      return new JsonReader(item, path);
    });
  }

  /** Like `list`, item by item: a value that is not a list of objects is reported to `skip`, not thrown. */
  objects(key: string, skip: (error: MalformedDeliveryError) => void): JsonReader[] {
    const value = this.value[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      skip(new MalformedDeliveryError(this.pathOf(key), 'must be an array'));
      return [];
    }
    const readers: JsonReader[] = [];
    value.forEach((item, index) => {
      const path = `${this.pathOf(key)}[${index}]`;
      if (isRecord(item)) readers.push(new JsonReader(item, path));
      else skip(new MalformedDeliveryError(path, 'must be an object'));
    });
    return readers;
  }

  requiredList(key: string): JsonReader[] {
    if (!Array.isArray(this.value[key])) this.fail(key, 'must be an array');
    return this.list(key);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
