import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { env } from './backdoor';

const STATE_FILE = path.join(os.tmpdir(), `wa-ops-e2e-state-${env.databaseName}.json`);

/** The first manager's API key, kept by the first-run test for the others. */
export const saveManagerKey = (apiKey: string) => fs.writeFileSync(STATE_FILE, JSON.stringify({ apiKey }));
export const managerKey = (): string => JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')).apiKey;

/** Signs the page's browser in with an API key (as the sign-in form does) and opens `path`. */
export async function signInWithKey(page: Page, apiKey: string, path = '/'): Promise<void> {
  const res = await page.request.post(`${env.baseURL}/api/v1/auth/session`, { data: { apiKey } });
  expect(res.status()).toBe(201);
  await page.goto(`${env.baseURL}${path}`);
}

/** Where the docs' screenshots go when asked for (npm run docs:screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CONSOLE_SCREENSHOTS_DIR;
  if (!dir) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}
