import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Signed provider payloads in the real formats (see its README), or `WA_OPS_FIXTURES_DIR`. */
export const FIXTURES_DIR =
  process.env.WA_OPS_FIXTURES_DIR ?? path.resolve(__dirname, '../fixtures/whatsapp');

/** Fake secrets the fixtures were signed with (see the fixture README). */
export const META_APP_SECRET = 'test_app_secret_do_not_use_in_prod';
export const TWILIO_AUTH_TOKEN = 'test_auth_token_0123456789abcdef';

interface Signatures {
  meta: { app_secret: string; files: Record<string, string> };
  twilio: { auth_token: string; files: Record<string, { url: string; signature: string }> };
}

export function loadFixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES_DIR, name));
}

export function loadJsonFixture(name: string): unknown {
  return JSON.parse(loadFixture(name).toString('utf8'));
}

/** A Twilio `.form` fixture decoded the way `express.urlencoded` would. */
export function loadFormFixture(name: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(loadFixture(name).toString('utf8')));
}

export function signatures(): Signatures {
  return JSON.parse(loadFixture('signatures.json').toString('utf8')) as Signatures;
}

/** The expected signature header of a fixture, plus the URL it was signed for (Twilio only). */
export function fixtureSignature(name: string): { signature: string; url?: string } {
  const all = signatures();
  const meta = all.meta.files[name];
  if (meta !== undefined) return { signature: meta };
  const twilio = all.twilio.files[name];
  if (twilio !== undefined) return twilio;
  throw new Error(`no signature recorded for fixture ${name}`);
}

/** Top-level fixture files whose names start with `prefix` and end with `suffix`. */
export function fixtureNames(prefix: string, suffix: string): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.startsWith(prefix) && name.endsWith(suffix))
    .sort();
}
