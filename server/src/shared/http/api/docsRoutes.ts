import { Router } from 'express';
import { docsPage } from './docsPage';
import type { OpenApiDocument } from './openApiDocument';

/** `GET /openapi.json` and `GET /docs`: public, built once at start-up. */
export function docsRoutes(document: OpenApiDocument): Router {
  const router = Router();
  const page = docsPage(document);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  return router;
}
