import { Router } from 'express';
import type { Database } from '../db/Database';
import { migrationsAreCurrent } from '../db/migrate';

export function healthRoutes(db: Database): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await db.knex.raw('select 1');
      const current = await migrationsAreCurrent(db.knex);
      res
        .status(current ? 200 : 503)
        .json({ status: current ? 'ready' : 'migrations pending', database: db.kind });
    } catch {
      res.status(503).json({ status: 'database unreachable', database: db.kind });
    }
  });
  return router;
}
