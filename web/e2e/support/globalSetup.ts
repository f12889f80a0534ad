import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { ENVIRONMENT_FILE, type E2eEnvironment } from './environment';
import { E2E_SIGNUP, startFakeProviders } from './fakeProviders';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server', 'src', 'main.js');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** A fresh database on the PostgreSQL of TEST_DATABASE_URL, and the built server on it. */
export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(SERVER) || !fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html')))
    throw new Error('Build first: npm run build (the tests run the built server and console)');
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const databaseName = `wa_ops_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
  const port = await freePort();
  const webhookSecret = crypto.randomBytes(16).toString('hex');
  // Onboarding's provider calls (Graph, 360dialog) go to a local fake living as long as this run.
  const providers = await startFakeProviders();
  const child = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      WHATSAPP_WEBHOOK_SECRET: webhookSecret,
      LOG_LEVEL: 'warn',
      WHATSAPP_API_BASE_URL: providers.url,
      DIALOG360_API_BASE_URL: providers.url,
      DIALOG360_PARTNER_API_BASE_URL: providers.url,
      META_APP_ID: E2E_SIGNUP.appId,
      META_APP_SECRET: E2E_SIGNUP.appSecret,
      META_CONFIG_ID: E2E_SIGNUP.configId,
      DIALOG360_PARTNER_ID: E2E_SIGNUP.partnerId,
      DIALOG360_PARTNER_API_KEY: E2E_SIGNUP.partnerKey,
      // The webhook subscriptions' receiver listens on loopback.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const setupUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`server did not print a setup link:\n${output}`)),
      60_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/\S+\/setup\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  child.stdout!.resume();
  child.unref();
  const environment: E2eEnvironment = {
    baseURL: `http://127.0.0.1:${port}`,
    databaseUrl,
    adminUrl,
    databaseName,
    setupUrl: setupUrl.replace(/^http:\/\/[^/]+/, `http://127.0.0.1:${port}`),
    webhookSecret,
    pid: child.pid!,
  };
  fs.writeFileSync(ENVIRONMENT_FILE, JSON.stringify(environment));
}
