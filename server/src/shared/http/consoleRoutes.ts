import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';

/** Where `npm run build` puts the web console: `dist/web` under the project root. */
export function builtConsoleDir(from = __dirname): string | undefined {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'web');
  return undefined;
}

/**
 * The web console (SPEC §20) at `/`: hashed assets cached for good, and `index.html` for every
 * other page a browser asks for, so client-side routes (`/leads`, `/setup?token=…`) load the app.
 * Everything under /api stays the API's, including its 404s, and a missing asset is a 404 too.
 */
export function consoleRoutes(dir: string | undefined, pagePolicy?: RequestHandler): Router {
  const router = Router();
  const index = dir && path.join(dir, 'index.html');
  if (!index || !fs.existsSync(index)) {
    router.get('/', (_req, res) => {
      res.type('text').send('The web console is not built: run npm run build, then start again.\n');
    });
    return router;
  }
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
    }),
  );
  router.use(express.static(dir, { index: false }));
  router.use((req, res, next) => {
    // A page is what a browser asks for (text/html first); API clients and curl get the 404 problem.
    const asksForHtml = req.accepts(['json', 'html']) === 'html';
    const notAPage = req.path.startsWith('/api/') || req.path.startsWith('/assets/') || !asksForHtml;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || notAPage) return next();
    res.setHeader('cache-control', 'no-cache');
    if (!pagePolicy) return res.sendFile(index);
    pagePolicy(req, res, () => res.sendFile(index));
  });
  return router;
}

/** helmet's Content-Security-Policy, widened only for what the console does: inline style attributes, blob: previews. */
export const consoleContentSecurityPolicy = {
  useDefaults: true,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    // Served over plain http on a LAN too: do not ask the browser to upgrade to https.
    upgradeInsecureRequests: null,
  },
};

/** Where Meta's JS SDK comes from, and the Facebook origins its login window and frames use. */
export const META_SDK_ORIGIN = 'https://connect.facebook.net';
const FACEBOOK_ORIGINS = ['https://www.facebook.com', 'https://web.facebook.com'];

/**
 * The console pages' policy when Embedded Signup is configured (META_APP_ID): the console's own,
 * plus Meta's SDK script, its Facebook frames and calls (SPEC §16). Set on the pages only; the
 * API keeps the plain policy.
 */
export const embeddedSignupContentSecurityPolicy = {
  ...consoleContentSecurityPolicy,
  directives: {
    ...consoleContentSecurityPolicy.directives,
    scriptSrc: [...consoleContentSecurityPolicy.directives.scriptSrc, META_SDK_ORIGIN],
    frameSrc: ["'self'", ...FACEBOOK_ORIGINS],
    connectSrc: [
      ...consoleContentSecurityPolicy.directives.connectSrc,
      'https://graph.facebook.com',
      ...FACEBOOK_ORIGINS,
    ],
    imgSrc: [...consoleContentSecurityPolicy.directives.imgSrc, ...FACEBOOK_ORIGINS],
  },
};
