import { expect } from 'chai';
import fc from 'fast-check';
import { parseMetaDelivery } from '../../src/whatsapp/inbound/MetaWebhookParser';
import { signMetaBody } from '../../src/whatsapp/inbound/metaSignature';
import { twilioSignature } from '../../src/whatsapp/inbound/twilioSignature';
import { loadFixture, FIXTURES_DIR } from '../support/fixtures';
import { META_APP, metaAppEnv, metaTextDelivery, signedBody } from '../support/process/metaApp';
import { serverProcess, type ServerProcess } from '../support/process/serverProcess';
import { waitFor } from '../support/process/waitFor';
import { deeplyNested, hostileJson, hostileText, mutate, mutations } from './support/hostilePayloads';
import { PipelineState } from './support/pipelineState';
import { byProfile, freshDatabase } from './support/resilienceHooks';
import {
  connectExtraTenants,
  META_TENANTS,
  retarget,
  TWILIO_TENANTS,
  type TwilioTenant,
} from './support/threeTenants';
import { readdirSync } from 'node:fs';

const RUNS = byProfile(40, 300);
const TWILIO = {
  accountSid: TWILIO_TENANTS[0].accountSid,
  authToken: TWILIO_TENANTS[0].token,
  publicBaseUrl: 'https://ops.example.com',
  path: '/api/whatsapp/webhook/twilio',
};
/** What a webhook edge may answer: accepted, or refused as the client's fault. Never a 5xx. */
const CLIENT_OUTCOMES = [200, 400, 413];
/** Mutations may break the routing too (an id no connection has): refused as unsigned for it. */
const MUTATED_OUTCOMES = [200, 400, 401, 413];
const BODY_LIMIT = 1024 * 1024;

const metaFixtures = readdirSync(FIXTURES_DIR)
  .filter((f) => f.startsWith('meta-') && f.endsWith('.json'))
  .map((f) => JSON.parse(loadFixture(f).toString('utf8')) as unknown);

async function post(server: ServerProcess, path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(server.baseUrl + path, { method: 'POST', body, headers });
  await response.arrayBuffer();
  return response.status;
}

const postMeta = (server: ServerProcess, body: string, signature = signedBody(body).signature) =>
  post(server, META_APP.webhookPath, body, {
    'content-type': 'application/json',
    'x-hub-signature-256': signature,
  });

function postTwilio(server: ServerProcess, params: Record<string, string>, token: string = TWILIO.authToken) {
  const signature = twilioSignature(token, TWILIO.publicBaseUrl + TWILIO.path, params);
  return post(server, TWILIO.path, new URLSearchParams(params).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    'x-twilio-signature': signature,
  });
}

/** Every stored event has been tried; returns the errors of those that failed (not notes on processed events). */
async function processingFailures(state: PipelineState): Promise<string[]> {
  await waitFor(
    'every stored event tried',
    async () => {
      const [row] = await state.query<{ untried: number }>(
        `SELECT count(*)::int AS untried FROM whatsapp_webhook_events WHERE processed_at IS NULL AND error IS NULL`,
      );
      return row.untried === 0;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  const rows = await state.query<{ error: string }>(
    `SELECT right(error, 200) AS error FROM whatsapp_webhook_events
      WHERE error IS NOT NULL AND error NOT LIKE 'unrouted:%' AND error NOT LIKE 'unreadable:%'`,
  );
  return rows.map((r) => r.error);
}

/** Runs a property and, on failure, shows the server's last log lines. */
async function check<T>(server: ServerProcess, property: fc.IAsyncProperty<T>) {
  const result = await fc.check(property, { numRuns: RUNS });
  if (result.failed)
    throw new Error(
      `${fc.defaultReportMessage(result)}\n--- server log ---\n${server.output().slice(-3000)}`,
    );
}

describe('hostile input at the webhook edges', function () {
  this.timeout(300_000);
  let meta: ServerProcess;
  let twilio: ServerProcess;
  let metaState: PipelineState;
  let twilioState: PipelineState;

  before(async () => {
    const metaDb = await freshDatabase('fuzz_meta');
    const twilioDb = await freshDatabase('fuzz_twilio');
    const metaEnv = metaAppEnv(metaDb);
    const twilioEnv = {
      ...metaAppEnv(twilioDb),
      WHATSAPP_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TWILIO.authToken,
      PUBLIC_BASE_URL: TWILIO.publicBaseUrl,
    };
    // Three tenants on each server: the environment's, and two connected with wa-ops beforehand.
    await Promise.all([connectExtraTenants(metaEnv, 'meta'), connectExtraTenants(twilioEnv, 'twilio')]);
    meta = await serverProcess({ name: 'meta', env: metaEnv });
    twilio = await serverProcess({ name: 'twilio', env: twilioEnv });
    await Promise.all([meta.start(), twilio.start()]);
    metaState = new PipelineState(metaDb);
    twilioState = new PipelineState(twilioDb);
  });

  after(async () => {
    await Promise.all([meta?.stop(), twilio?.stop()]);
    await Promise.all([metaState?.close(), twilioState?.close()]);
  });

  it('answers signed bodies that are not deliveries (any text, any JSON, deep nesting) with a 4xx', async () => {
    const body = fc.oneof(
      hostileText,
      hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
      deeplyNested,
    );
    await check(
      meta,
      fc.asyncProperty(body, async (text) => {
        expect(CLIENT_OUTCOMES).to.include(await postMeta(meta, text));
      }),
    );
  });

  it("answers mutated deliveries for any tenant's number, signed with any tenant's secret, with 200 or a 4xx — never accepting events under a secret that is not their number's", async () => {
    const tenant = fc.constantFrom(...META_TENANTS);
    await check(
      meta,
      fc.asyncProperty(
        fc.constantFrom(...metaFixtures),
        mutations,
        tenant,
        tenant,
        async (fixture, changes, to, signer) => {
          const body = JSON.stringify(mutate(JSON.parse(retarget(JSON.stringify(fixture), to)), changes));
          const status = await postMeta(meta, body, signMetaBody(body, signer.secret));
          if (signer.secret === to.secret) return void expect(MUTATED_OUTCOMES).to.include(status);
          const events = (() => {
            try {
              return parseMetaDelivery(JSON.parse(body)).length;
            } catch {
              return 0;
            }
          })();
          // A foreign secret may only carry a delivery with no event in it (nothing to apply).
          expect(events ? [400, 401, 413] : MUTATED_OUTCOMES).to.include(status);
        },
      ),
    );
  });

  it('stores valid deliveries with hostile text (NUL, lone surrogates, SQL, 400k chars) without failing the deliveries batched with them', async () => {
    let customer = 0;
    await check(
      meta,
      fc.asyncProperty(hostileText, hostileText, async (text, name) => {
        const odd = metaTextDelivery({ from: `5491160${String(customer++).padStart(6, '0')}`, text, name });
        const ordinary = Array.from({ length: 5 }, () =>
          metaTextDelivery({ from: `5491170${String(customer++).padStart(6, '0')}`, text: 'hello' }),
        );
        // Sent together, so the inbox writes them in one batch.
        const statuses = await Promise.all(
          [odd, ...ordinary].map((d) => postMeta(meta, d.body, d.signature)),
        );
        const oddExpected = Buffer.byteLength(odd.body) > BODY_LIMIT ? 413 : 200;
        expect(statuses).to.deep.equal([oddExpected, 200, 200, 200, 200, 200]);
      }),
    );
  });

  it('refuses valid deliveries carrying a field nested deeper than any provider nests with 400, without failing the deliveries batched with them', async () => {
    let customer = 0;
    await check(
      meta,
      fc.asyncProperty(deeplyNested, async (nested) => {
        const odd = metaTextDelivery({ from: `5491180${String(customer++).padStart(6, '0')}`, text: 'deep' });
        const body = odd.body.replace('"text":{', `"extra":${nested},"text":{`);
        const ordinary = Array.from({ length: 5 }, () =>
          metaTextDelivery({ from: `5491190${String(customer++).padStart(6, '0')}`, text: 'hello' }),
        );
        const [oddStatus, ...others] = await Promise.all([
          postMeta(meta, body),
          ...ordinary.map((d) => postMeta(meta, d.body, d.signature)),
        ]);
        expect(oddStatus).to.equal(400);
        expect(others).to.deep.equal([200, 200, 200, 200, 200]);
      }),
    );
  });

  it('refuses unsigned and wrongly signed bodies with 401', async () => {
    const signature = fc.oneof(
      fc.constant(''),
      hostileText.filter((s) => !/[\r\n\0]/.test(s) && s.length < 1000),
      fc.stringMatching(/^sha256=[0-9a-f]{64}$/),
    );
    await check(
      meta,
      fc.asyncProperty(hostileText, signature, async (body, header) => {
        const status = await post(meta, META_APP.webhookPath, body || '{}', {
          'content-type': 'application/json',
          ...(header ? { 'x-hub-signature-256': header } : {}),
        }).catch(() => 400); // a header fetch itself refuses to send never reaches the server
        expect([400, 401, 413]).to.include(status);
      }),
    );
  });

  it('answers signed Twilio callbacks with odd parameters with 200 or a 4xx', async () => {
    const base = Object.fromEntries(new URLSearchParams(loadFixture('twilio-inbound.form').toString('utf8')));
    const params = fc
      .tuple(
        fc.dictionary(
          fc.constantFrom(...Object.keys(base), 'MessageStatus', 'Latitude', 'NumMedia', 'MediaUrl0'),
          hostileText,
        ),
        fc.boolean(),
      )
      .map(([changes, keepBase]) => ({
        ...(keepBase ? { ...base, AccountSid: TWILIO.accountSid } : {}),
        ...changes,
      }));
    await check(
      twilio,
      fc.asyncProperty(params, async (form) => {
        // Odd To, From or AccountSid values name no connection of this token: 401.
        expect(MUTATED_OUTCOMES).to.include(await postTwilio(twilio, form));
      }),
    );
  });

  it("refuses every Twilio callback to one tenant's number signed with another tenant's token", async () => {
    const base = Object.fromEntries(new URLSearchParams(loadFixture('twilio-inbound.form').toString('utf8')));
    const otherParams = fc.dictionary(
      fc.constantFrom('Body', 'ProfileName', 'WaId', 'NumMedia'),
      hostileText,
    );
    const tenant = fc.constantFrom(...TWILIO_TENANTS);
    const inbound = (to: TwilioTenant, changes: Record<string, string>) => ({
      ...base,
      ...changes,
      To: `whatsapp:${to.phone}`,
      AccountSid: to.accountSid,
    });
    await check(
      twilio,
      fc.asyncProperty(otherParams, tenant, tenant, async (changes, to, signer) => {
        const status = await postTwilio(twilio, inbound(to, changes), signer.token);
        expect(signer === to ? CLIENT_OUTCOMES : [401, 413]).to.include(status);
      }),
    );
  });

  it('processes everything it accepted without a failed event or a crashed worker', async () => {
    expect(JSON.stringify(await processingFailures(metaState)), 'failed Meta events').to.equal('[]');
    expect(JSON.stringify(await processingFailures(twilioState)), 'failed Twilio events').to.equal('[]');
    expect([...meta.crashes, ...twilio.crashes]).to.deep.equal([]);
  });
});
