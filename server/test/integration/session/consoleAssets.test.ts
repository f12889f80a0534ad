import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { testContainer } from '../../support/testContainer';

describe('The web console at /', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-ops-console-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>wa-ops</title><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  const app = () => createApp(testContainer().container, { consoleDir: dir });

  it('serves the app for any page a browser asks for, under a CSP that allows only its own scripts', async () => {
    for (const page of ['/', '/leads', '/trips/TRP123', '/setup?token=abc']) {
      const res = await request(app()).get(page).set('accept', 'text/html').expect(200);
      expect(res.text, page).to.include('<div id="root">');
      expect(res.headers['cache-control']).to.equal('no-cache');
    }
    const res = await request(app()).get('/').set('accept', 'text/html');
    const csp = String(res.headers['content-security-policy']);
    expect(csp)
      .to.include("script-src 'self'")
      .and.include("frame-ancestors 'none'")
      .and.include("connect-src 'self'");
    expect(csp).not.to.include('unsafe-eval').and.not.include('upgrade-insecure-requests');
    expect(csp).not.to.include('facebook');
  });

  it('lets Meta’s JS SDK run on the console pages only, and only when Embedded Signup is configured', async () => {
    const signup = createApp(
      testContainer({ META_APP_ID: '1000', META_APP_SECRET: 'secret', META_CONFIG_ID: '2000' }).container,
      { consoleDir: dir },
    );
    const page = String(
      (await request(signup).get('/leads').set('accept', 'text/html')).headers['content-security-policy'],
    );
    expect(page)
      .to.include("script-src 'self' https://connect.facebook.net")
      .and.include("frame-src 'self' https://www.facebook.com")
      .and.include("frame-ancestors 'none'");
    const apiAnswer = await request(signup).get('/api/v1/me');
    expect(String(apiAnswer.headers['content-security-policy'])).to.include("script-src 'self';");
  });

  it('caches hashed assets for good and answers a missing one with 404, not the app', async () => {
    const asset = await request(app()).get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).to.include('immutable');
    await request(app()).get('/assets/missing.js').set('accept', 'text/html').expect(404);
  });

  it('answers clients that do not ask for HTML (API clients, curl) with the 404 problem', async () => {
    const res = await request(app()).get('/nope').expect(404);
    expect(res.headers['content-type']).to.match(/application\/problem\+json/);
    await request(app()).get('/leads').set('accept', 'application/json').expect(404);
  });

  it('leaves /api to the API: unknown API paths are problem+json 404s', async () => {
    const res = await request(app()).get('/api/v1/nothing-here').set('accept', 'text/html').expect(404);
    expect(res.headers['content-type']).to.match(/application\/problem\+json/);
    await request(app()).post('/leads').set('accept', 'text/html').expect(404);
  });

  it('says how to build the console when it is not built', async () => {
    const res = await request(createApp(testContainer().container, { consoleDir: path.join(dir, 'none') }))
      .get('/')
      .expect(200);
    expect(res.text).to.include('npm run build');
  });
});
