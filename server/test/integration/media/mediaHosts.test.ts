import dns from 'node:dns/promises';
import os from 'node:os';
import { expect } from 'chai';
import { isPublicAddress } from '../../../src/shared/net/publicAddress';
import { FakeProviderServer, sendJson } from '../../support/FakeProviderServer';
import {
  aConfiguredTenant,
  aPendingMedia,
  dueNow,
  mediaRow,
  mediaTestContext,
  removeMediaTestDirs,
  someBytes,
  type MediaTestContext,
} from './mediaTestKit';

const TOKEN = 'meta-token-hosts';
const MEDIA_ID = '7707846353537433';

/**
 * The URL Graph's media lookup answers is followed only onto the provider's media hosts, never to
 * a private address, and the token goes nowhere else.
 */
describe('media downloads stay on the provider’s hosts', () => {
  let graph: FakeProviderServer;
  let cdn: FakeProviderServer;
  let internal: FakeProviderServer;
  let context: MediaTestContext;

  beforeEach(async () => {
    [graph, cdn, internal] = await Promise.all([
      FakeProviderServer.start(),
      FakeProviderServer.start(),
      FakeProviderServer.start(),
    ]);
    graph.tokens.add(TOKEN);
    internal.serveBytes('/secret', Buffer.from('internal admin page'), 'text/html');
  });

  afterEach(async () => {
    await Promise.all([graph.close(), cdn.close(), internal.close()]);
    await removeMediaTestDirs();
  });

  /** Graph's lookup answers `url` as the download URL of MEDIA_ID. */
  const lookupAnswers = (url: string) =>
    graph.route('GET', '/v25.0/:mediaId', (_req, res) =>
      sendJson(res, 200, { messaging_product: 'whatsapp', url, mime_type: 'image/jpeg', id: MEDIA_ID }),
    );

  async function download(hosts: string): Promise<{ status: string; error: string | null }> {
    context = await mediaTestContext(graph, { WHATSAPP_MEDIA_HOSTS: hosts });
    const tenant = await aConfiguredTenant(context, 'meta', { accessToken: TOKEN });
    const id = await aPendingMedia(context, tenant, { providerMediaId: MEDIA_ID });
    dueNow(context);
    await context.downloader.execute();
    return mediaRow(id);
  }

  it('does not follow a download URL on a host that is not one of the provider’s', async () => {
    lookupAnswers(`${internal.url}/secret`);

    const row = await download(new URL(cdn.url).host);

    expect(row.status).to.equal('failed');
    expect(row.error).to.match(/^UNTRUSTED_MEDIA_URL: /);
    expect(internal.requests, 'requests to the other host').to.have.length(0);
  });

  it('does not follow a redirect from the provider’s host to another host, and never sends it the token', async () => {
    cdn.route('GET', '/attachment', (_req, res) => {
      res.writeHead(302, { location: `${internal.url}/secret` }).end();
    });
    lookupAnswers(`${cdn.url}/attachment`);

    const row = await download(new URL(cdn.url).host);

    expect(row.status).to.equal('failed');
    expect(row.error).to.match(/^UNTRUSTED_MEDIA_URL: /);
    expect(cdn.requestsTo('/attachment')[0].headers.authorization).to.equal(`Bearer ${TOKEN}`);
    expect(internal.requests, 'requests to the internal service').to.have.length(0);
  });

  it('follows a redirect between the provider’s hosts without the token', async () => {
    const bytes = someBytes();
    const file = internal.serveBytes('/file.jpg', bytes, 'image/jpeg');
    cdn.route('GET', '/attachment', (_req, res) => {
      res.writeHead(302, { location: file }).end();
    });
    lookupAnswers(`${cdn.url}/attachment`);

    const row = await download(`${new URL(cdn.url).host},${new URL(internal.url).host}`);

    expect(row.status).to.equal('stored');
    expect(internal.requestsTo('/file.jpg')[0].headers.authorization).to.equal(undefined);
  });

  it('refuses a media host whose name resolves to a loopback or private address', async function () {
    // The machine's own name resolves to itself (or to its private network address) in /etc/hosts.
    const name = os.hostname();
    const addresses = await dns.lookup(name, { all: true }).catch(() => []);
    if (!addresses.length || addresses.every((a) => isPublicAddress(a.address))) this.skip();
    const port = new URL(cdn.url).port;
    cdn.serveBytes('/attachment', someBytes(), 'image/jpeg');
    lookupAnswers(`http://${name}:${port}/attachment`);

    const row = await download(`${name}:${port}`);

    expect(row.status).to.equal('failed');
    expect(row.error).to.match(/^FORBIDDEN_ADDRESS: /);
    expect(cdn.requests, 'requests to the private address').to.have.length(0);
  });

  it('refuses a redirect to localhost even on an allowed port', async () => {
    cdn.route('GET', '/attachment', (_req, res) => {
      res.writeHead(302, { location: `http://localhost:${new URL(internal.url).port}/secret` }).end();
    });
    lookupAnswers(`${cdn.url}/attachment`);

    const row = await download(`${new URL(cdn.url).host},localhost:${new URL(internal.url).port}`);

    expect(row.status).to.equal('failed');
    expect(row.error).to.match(/^FORBIDDEN_ADDRESS: /);
    expect(internal.requests).to.have.length(0);
  });
});
